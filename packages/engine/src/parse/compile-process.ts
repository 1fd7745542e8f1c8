/**
 * moddle `bpmn:Process` -> `ProcessModel` (see model/definition.ts). One walk over the flow elements, nested scopes
 * (sub-process, transaction, event sub-process) recursively; nodes keep the scope they sit in, flows are wired into
 * `incoming` / `outgoing` in document order. Each scope lists its children, none start events and event
 * sub-processes (`eventSubProcesses`, omitted when empty); the process also lists its start events with a
 * definition (`eventStartEvents`). Element support comes from the `ELEMENT_SUPPORT` table (classify-element.ts);
 * one node is built by compile-node.ts, the extension mappings live in the `read-*.ts` files, each documented at its
 * top. Boundary events and compensation associations are wired last (attach-boundary-events.ts). Structural checks
 * are in validate-process.ts and validate-events.ts.
 */
import type { ProcessModel, SequenceFlow } from '../model/definition.js';
import { attachBoundaryEvents, type Association } from './attach-boundary-events.js';
import { classifyFlowElement } from './classify-element.js';
import type { CompileContext, ExpressionSite } from './compile-context.js';
import { compileNode, type ScopeRef, type ScopeResult } from './compile-node.js';
import { computeInclusiveJoinUpstream } from './inclusive-join.js';
import { addIssue, type IssueSink } from './issues.js';
import { elementProp, listProp, stringProp, type ModdleElement } from './moddle-element.js';
import { readCondition } from './read-condition.js';
import { warnIgnoredExtensions } from './read-ignored-extensions.js';

/** A compiled process plus what validation needs to know about the source. */
export interface CompiledProcess {
  model: ProcessModel;
  /** The moddle process element. */
  element: ModdleElement;
  expressions: ExpressionSite[];
  /** Scope id of every flow element, including ignored and unsupported ones (which are not in `model`). */
  scopeOf: Map<string, string>;
  /** Moddle elements of flow nodes and flows in `model`, by id. */
  elements: Map<string, ModdleElement>;
  /** Number of start events of any kind per scope id (supported or not). */
  startEventCount: Map<string, number>;
}

/** A sequence flow seen during the walk; flows are added once all nodes exist. */
interface PendingFlow {
  id: string;
  element: ModdleElement;
}

/** What the walk collects besides nodes: flows and associations, wired once every node exists. */
interface Pending {
  flows: PendingFlow[];
  associations: Association[];
}

export function compileProcess(process: ModdleElement, sink: IssueSink): CompiledProcess {
  const processId = process.id ?? '';
  const context: CompileContext = { sink, expressions: [] };
  const compiled: CompiledProcess = {
    // Null-prototype records: element ids such as `constructor` or `__proto__` are plain keys.
    model: { id: processId, nodes: Object.create(null), flows: Object.create(null), children: [], startEvents: [], inclusiveJoinUpstream: {} },
    element: process,
    expressions: context.expressions,
    scopeOf: new Map(),
    elements: new Map(),
    startEventCount: new Map(),
  };
  const { model } = compiled;
  const name = stringProp(process, 'name');
  if (name) model.name = name;
  warnIgnoredExtensions(sink, process);

  const pending: Pending = { flows: [], associations: [] };
  const scope = compileScope(context, compiled, process, { id: processId, kind: 'process' }, pending);
  model.children = scope.children;
  model.startEvents = scope.startEvents;
  if (scope.eventSubProcesses.length) model.eventSubProcesses = scope.eventSubProcesses;
  if (scope.eventStartEvents.length) model.eventStartEvents = scope.eventStartEvents;
  for (const { id, element } of pending.flows) addFlow(context, compiled, id, element);
  attachBoundaryEvents(compiled, pending.associations, sink);
  model.inclusiveJoinUpstream = computeInclusiveJoinUpstream(model);
  return compiled;
}

function compileScope(
  context: CompileContext,
  compiled: CompiledProcess,
  container: ModdleElement,
  scope: ScopeRef,
  pending: Pending,
): ScopeResult {
  const result: ScopeResult = { children: [], startEvents: [], eventStartEvents: [], eventSubProcesses: [] };
  const compileInner = (inner: ModdleElement, innerScope: ScopeRef): ScopeResult => compileScope(context, compiled, inner, innerScope, pending);
  for (const element of listProp(container, 'flowElements')) {
    const id = element.id ?? (element.$type === 'bpmn:SequenceFlow' ? syntheticFlowId(compiled, element) : undefined);
    if (!id) {
      addIssue(context.sink, 'DANGLING_REFERENCE', element, `A ${element.$type} without an id cannot be referenced`, { path: 'id' });
      continue;
    }
    compiled.scopeOf.set(id, scope.id);
    if (element.$type === 'bpmn:StartEvent') {
      compiled.startEventCount.set(scope.id, (compiled.startEventCount.get(scope.id) ?? 0) + 1);
    }
    const classification = classifyFlowElement(element);
    if (classification.kind === 'ignored') continue;
    if (classification.kind === 'flow') {
      pending.flows.push({ id, element });
      continue;
    }
    if (classification.kind === 'unsupported') {
      const { elementType, path, message } = classification;
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, message, { elementType, ...(path ? { path } : {}) });
      continue;
    }
    const node = compileNode(context, element, scope, compileInner);
    if (!node) continue;
    compiled.model.nodes[id] = node;
    compiled.elements.set(id, element);
    result.children.push(id);
    if (node.type === 'startEvent') (node.eventDefinition ? result.eventStartEvents : result.startEvents).push(id);
    if (node.type === 'eventSubProcess') result.eventSubProcesses.push(id);
  }
  for (const artifact of listProp(container, 'artifacts')) {
    if (artifact.$type !== 'bpmn:Association') continue;
    const sourceId = elementProp(artifact, 'sourceRef')?.id;
    const targetId = elementProp(artifact, 'targetRef')?.id;
    if (sourceId && targetId) pending.associations.push({ sourceId, targetId });
  }
  return result;
}

/**
 * Camunda 7 accepts sequence flows without id (common in its test models). They get `source->target`, with
 * `#2`, `#3`... for parallel flows between the same nodes.
 */
function syntheticFlowId(compiled: CompiledProcess, element: ModdleElement): string {
  const base = `${elementProp(element, 'sourceRef')?.id ?? ''}->${elementProp(element, 'targetRef')?.id ?? ''}`;
  let id = base;
  for (let n = 2; compiled.scopeOf.has(id); n++) id = `${base}#${n}`;
  return id;
}

function addFlow(context: CompileContext, compiled: CompiledProcess, id: string, element: ModdleElement): void {
  warnIgnoredExtensions(context.sink, element);
  const flow: SequenceFlow = {
    id,
    ...(stringProp(element, 'name') ? { name: stringProp(element, 'name') } : {}),
    sourceId: elementProp(element, 'sourceRef')?.id ?? '',
    targetId: elementProp(element, 'targetRef')?.id ?? '',
    ...lineOf(context, id),
  };
  const condition = readCondition(context, element, elementProp(element, 'conditionExpression'), 'conditionExpression', id);
  if (condition !== undefined) flow.condition = condition;
  compiled.model.flows[id] = flow;
  compiled.elements.set(id, element);
  const { nodes } = compiled.model;
  if (Object.hasOwn(nodes, flow.sourceId)) nodes[flow.sourceId].outgoing.push(id);
  if (Object.hasOwn(nodes, flow.targetId)) nodes[flow.targetId].incoming.push(id);
}

function lineOf(context: CompileContext, id: string): { line?: number } {
  const line = context.sink.lines.get(id);
  return line === undefined ? {} : { line };
}
