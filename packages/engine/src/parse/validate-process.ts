/**
 * Structural checks of one compiled executable process; every problem is collected, none stops the others:
 * - DANGLING_REFERENCE: a sequence flow whose source or target is missing or sits in another scope.
 * - INVALID_DEFAULT_FLOW: a `default` that is not one of the element's outgoing flows.
 * - GATEWAY_NEEDS_PATHS: a gateway without incoming or without outgoing flows.
 * - MISSING_START_EVENT: a process without a start event, a sub-process or transaction without exactly one none
 *   start event.
 * - EXPRESSION_INVALID: an expression that does not compile, or a literal timer that is not ISO 8601.
 * Events, event sub-processes and event-based gateways: validate-events.ts. Element support and extension problems
 * are reported while compiling (compile-process.ts, compile-node.ts), boundary attachment in attach-boundary-events.ts.
 */
import { isEngineError } from '../errors.js';
import { compileExpression } from '../expressions/compile-expression.js';
import { parseCycle, parseDateTime, parseDuration } from '../iso8601.js';
import type { FlowNode } from '../model/definition.js';
import type { CompiledProcess } from './compile-process.js';
import type { ExpressionSite, TimerKind } from './compile-context.js';
import { addIssue, type IssueSink } from './issues.js';
import { validateEvents } from './validate-events.js';
import type { ModdleElement } from './moddle-element.js';

export function validateProcess(compiled: CompiledProcess, sink: IssueSink): void {
  checkFlows(compiled, sink);
  for (const node of Object.values(compiled.model.nodes)) {
    const element = compiled.elements.get(node.id);
    checkDefaultFlow(node, element, sink);
    checkGateway(node, element, sink);
    if ((node.type === 'subProcess' || node.type === 'transaction') && node.startEvents.length !== 1) {
      addIssue(sink, 'MISSING_START_EVENT', element, node.startEvents.length === 0
        ? 'A sub-process needs one none start event'
        : 'A sub-process must have exactly one none start event');
    }
  }
  if (compiled.model.startEvents.length === 0 && !compiled.startEventCount.get(compiled.model.id)) {
    addIssue(sink, 'MISSING_START_EVENT', compiled.element, 'The process has no none start event');
  }
  validateEvents(compiled, sink);
  for (const site of compiled.expressions) checkExpression(site, compiled, sink);
}

function checkFlows(compiled: CompiledProcess, sink: IssueSink): void {
  const { nodes, flows } = compiled.model;
  for (const flow of Object.values(flows)) {
    const element = compiled.elements.get(flow.id);
    const flowScope = compiled.scopeOf.get(flow.id);
    const extras = { elementId: flow.id };
    for (const [path, targetId] of [['sourceRef', flow.sourceId], ['targetRef', flow.targetId]] as const) {
      if (!targetId) {
        addIssue(sink, 'DANGLING_REFERENCE', element, `The sequence flow has no ${path}`, { ...extras, path });
        continue;
      }
      const targetScope = compiled.scopeOf.get(targetId);
      if (targetScope === undefined) {
        addIssue(sink, 'DANGLING_REFERENCE', element, `'${path}' refers to '${targetId}', which is not a flow node of this process`, { ...extras, path });
      } else if (targetScope !== flowScope) {
        addIssue(sink, 'DANGLING_REFERENCE', element, `'${path}' refers to '${targetId}' in another scope; sequence flows cannot cross a sub-process boundary`, { ...extras, path });
      } else if (!Object.hasOwn(nodes, targetId) && compiled.elements.has(targetId)) {
        addIssue(sink, 'DANGLING_REFERENCE', element, `'${path}' refers to the sequence flow '${targetId}'`, { ...extras, path });
      }
    }
  }
}

function checkDefaultFlow(node: FlowNode, element: ModdleElement | undefined, sink: IssueSink): void {
  if (!('defaultFlow' in node) || node.defaultFlow === undefined) return;
  if (!node.outgoing.includes(node.defaultFlow)) {
    addIssue(sink, 'INVALID_DEFAULT_FLOW', element, `The default flow '${node.defaultFlow}' is not an outgoing sequence flow of this element`, {
      path: 'default',
    });
  }
}

const GATEWAY_TYPES = new Set<FlowNode['type']>(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway']);

function checkGateway(node: FlowNode, element: ModdleElement | undefined, sink: IssueSink): void {
  if (!GATEWAY_TYPES.has(node.type)) return;
  if (node.incoming.length === 0) addIssue(sink, 'GATEWAY_NEEDS_PATHS', element, 'The gateway has no incoming sequence flow', { path: 'incoming' });
  if (node.type === 'eventBasedGateway') return; // outgoing paths: validate-events.ts
  if (node.outgoing.length === 0) addIssue(sink, 'GATEWAY_NEEDS_PATHS', element, 'The gateway has no outgoing sequence flow', { path: 'outgoing' });
}

const TIMER_PARSERS: Record<TimerKind, (text: string) => unknown> = {
  duration: parseDuration,
  date: parseDateTime,
  cycle: parseCycle,
};

function checkExpression(site: ExpressionSite, compiled: CompiledProcess, sink: IssueSink): void {
  const element = compiled.elements.get(site.elementId);
  const extras = { elementId: site.elementId, path: site.path, elementType: site.elementType };
  let literal: boolean;
  try {
    literal = compileExpression(site.source).dialect === 'literal';
  } catch (error) {
    if (!isEngineError(error) || error.code !== 'EXPRESSION_INVALID') throw error;
    addIssue(sink, 'EXPRESSION_INVALID', element, `Invalid expression at '${site.path}': ${error.message}`, extras);
    return;
  }
  if (site.timer && literal) {
    try {
      TIMER_PARSERS[site.timer](site.source.trim());
    } catch (error) {
      if (!isEngineError(error)) throw error;
      addIssue(sink, 'EXPRESSION_INVALID', element, `'${site.source}' at '${site.path}' is not a valid ISO 8601 ${site.timer}`, extras);
    }
  }
}
