/**
 * moddle `bpmn:Process` -> `ProcessModel` (see model/definition.ts). One walk over the flow elements, sub-processes
 * recursively; nodes keep the scope they sit in, flows are wired into `incoming` / `outgoing` in document order.
 * Element support comes from the `ELEMENT_SUPPORT` table (classify-element.ts); the extension mappings live in the
 * `read-*.ts` files next to this one, each documented at its top. Structural checks are in validate-process.ts.
 */
import type { EventDefinition, FlowNode, ProcessModel, SequenceFlow } from '../model/definition.js';
import { classifyFlowElement } from './classify-element.js';
import type { CompileContext, ExpressionSite } from './compile-context.js';
import { computeInclusiveJoinUpstream } from './inclusive-join.js';
import { addIssue, type IssueSink } from './issues.js';
import { bodyText, elementProp, listProp, stringProp, stringPropOrAttr, type ModdleElement } from './moddle-element.js';
import { readMessage, readTimer } from './read-event-definition.js';
import { warnIgnoredExtensions } from './read-ignored-extensions.js';
import { readIoMappings } from './read-io-mappings.js';
import { readTaskImplementation } from './read-job.js';
import { readScript } from './read-script.js';
import { readUserTaskAssignment } from './read-user-task.js';

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

interface ScopeResult {
  children: string[];
  startEvents: string[];
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
  const name = stringProp(process, 'name');
  if (name) compiled.model.name = name;
  warnIgnoredExtensions(sink, process);

  const flowElements: PendingFlow[] = [];
  const scope = compileScope(context, compiled, process, processId, flowElements);
  compiled.model.children = scope.children;
  compiled.model.startEvents = scope.startEvents;
  for (const { id, element } of flowElements) addFlow(context, compiled, id, element);
  compiled.model.inclusiveJoinUpstream = computeInclusiveJoinUpstream(compiled.model);
  return compiled;
}

function compileScope(
  context: CompileContext,
  compiled: CompiledProcess,
  container: ModdleElement,
  scopeId: string,
  flowElements: PendingFlow[],
): ScopeResult {
  const result: ScopeResult = { children: [], startEvents: [] };
  for (const element of listProp(container, 'flowElements')) {
    const id = element.id ?? (element.$type === 'bpmn:SequenceFlow' ? syntheticFlowId(compiled, element) : undefined);
    if (!id) {
      addIssue(context.sink, 'DANGLING_REFERENCE', element, `A ${element.$type} without an id cannot be referenced`, { path: 'id' });
      continue;
    }
    compiled.scopeOf.set(id, scopeId);
    if (element.$type === 'bpmn:StartEvent') {
      compiled.startEventCount.set(scopeId, (compiled.startEventCount.get(scopeId) ?? 0) + 1);
    }
    const classification = classifyFlowElement(element);
    if (classification.kind === 'ignored') continue;
    if (classification.kind === 'flow') {
      flowElements.push({ id, element });
      continue;
    }
    if (classification.kind === 'unsupported') {
      const { elementType, path, message } = classification;
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, message, { elementType, ...(path ? { path } : {}) });
      continue;
    }
    const node = compileNode(context, compiled, element, scopeId, flowElements);
    if (!node) continue;
    compiled.model.nodes[id] = node;
    compiled.elements.set(id, element);
    result.children.push(id);
    if (node.type === 'startEvent' && !node.eventDefinition) result.startEvents.push(id);
  }
  return result;
}

function compileNode(
  context: CompileContext,
  compiled: CompiledProcess,
  element: ModdleElement,
  scopeId: string,
  flowElements: PendingFlow[],
): FlowNode | undefined {
  warnIgnoredExtensions(context.sink, element);
  const id = element.id as string;
  const base = {
    id,
    ...(stringProp(element, 'name') ? { name: stringProp(element, 'name') } : {}),
    scopeId,
    incoming: [] as string[],
    outgoing: [] as string[],
    ...lineOf(context, id),
    ...readIoMappings(context, element),
  };
  const defaultId = elementProp(element, 'default')?.id;
  const defaultFlow = defaultId ? { defaultFlow: defaultId } : {};
  const definition = listProp(element, 'eventDefinitions')[0] ?? listProp(element, 'eventDefinitionRef')[0];

  switch (element.$type) {
    case 'bpmn:StartEvent':
      return { ...base, type: 'startEvent' };
    case 'bpmn:EndEvent':
      return definition ? { ...base, type: 'endEvent', eventDefinition: { type: 'terminate' } } : { ...base, type: 'endEvent' };
    case 'bpmn:IntermediateThrowEvent':
      return { ...base, type: 'intermediateThrowEvent' };
    case 'bpmn:IntermediateCatchEvent': {
      const eventDefinition = readCatchDefinition(context, element, definition);
      return { ...base, type: 'intermediateCatchEvent', eventDefinition };
    }
    case 'bpmn:Task':
      return { ...base, ...defaultFlow, type: 'task' };
    case 'bpmn:ManualTask':
      return { ...base, ...defaultFlow, type: 'manualTask' };
    case 'bpmn:UserTask':
      return { ...base, ...defaultFlow, type: 'userTask', assignment: readUserTaskAssignment(context, element) };
    case 'bpmn:ServiceTask':
      return { ...base, ...defaultFlow, type: 'serviceTask', ...readTaskImplementation(context, element) };
    case 'bpmn:SendTask':
      return { ...base, ...defaultFlow, type: 'sendTask', ...readTaskImplementation(context, element) };
    case 'bpmn:BusinessRuleTask':
      return { ...base, ...defaultFlow, type: 'businessRuleTask', ...readTaskImplementation(context, element) };
    case 'bpmn:ScriptTask':
      return { ...base, ...defaultFlow, type: 'scriptTask', script: readScript(context, element) ?? { expression: '' } };
    case 'bpmn:ReceiveTask':
      return { ...base, ...defaultFlow, type: 'receiveTask', message: readMessage(context, element, element) ?? { name: '' } };
    case 'bpmn:ExclusiveGateway':
      return { ...base, ...defaultFlow, type: 'exclusiveGateway' };
    case 'bpmn:ParallelGateway':
      return { ...base, type: 'parallelGateway' };
    case 'bpmn:InclusiveGateway':
      return { ...base, ...defaultFlow, type: 'inclusiveGateway' };
    case 'bpmn:SubProcess': {
      const inner = compileScope(context, compiled, element, id, flowElements);
      return { ...base, ...defaultFlow, type: 'subProcess', children: inner.children, startEvents: inner.startEvents };
    }
    default:
      // Unreachable while ELEMENT_SUPPORT and this switch agree; report rather than guess.
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `${element.$type} is not supported`);
      return undefined;
  }
}

/**
 * Message or timer of an intermediate catch event (the only two supported). On a problem an issue is recorded and
 * an empty placeholder is returned; such a model is never deployed.
 */
function readCatchDefinition(context: CompileContext, element: ModdleElement, definition: ModdleElement | undefined): EventDefinition {
  if (definition?.$type === 'bpmn:TimerEventDefinition') {
    const timer = readTimer(context, element, definition, false);
    return { type: 'timer', timer: timer ?? { kind: 'duration', value: '' } };
  }
  const message = definition && readMessage(context, element, definition);
  return { type: 'message', message: message ?? { name: '' } };
}

/** Condition languages Pravah evaluates: none given, JUEL, or FEEL (any language URI naming FEEL). */
function conditionDialect(language: string): 'asWritten' | 'feel' | undefined {
  if (language === '' || language === 'juel') return 'asWritten';
  return /(^|\W)feel(\W|$)/.test(language) ? 'feel' : undefined;
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
  const conditionElement = elementProp(element, 'conditionExpression');
  const body = bodyText(conditionElement);
  if (conditionElement && body !== undefined) {
    const language = (stringPropOrAttr(conditionElement, 'language') ?? '').trim().toLowerCase();
    const resource = stringPropOrAttr(conditionElement, 'resource') ?? stringPropOrAttr(conditionElement, 'camunda:resource');
    const dialect = conditionDialect(language);
    if (!dialect || resource) {
      addIssue(context.sink, 'UNSUPPORTED_SCRIPT_FORMAT', element, `Condition language '${language}' is not supported; use FEEL or JUEL`, {
        elementId: id,
        path: 'conditionExpression',
      });
    } else {
      const source = dialect === 'feel' && !body.startsWith('=') ? `=${body}` : body;
      context.expressions.push({ elementId: id, elementType: element.$type, path: 'conditionExpression', source });
      flow.condition = source;
    }
  }
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
