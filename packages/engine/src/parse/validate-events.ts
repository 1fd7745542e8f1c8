/**
 * Structural checks of events, event sub-processes and event-based gateways in one compiled process:
 * - start events with a definition: message, timer, signal and conditional ones start the process; error,
 *   escalation and compensation ones only start an event sub-process; an embedded sub-process or transaction starts
 *   with a none start event only (UNSUPPORTED_ELEMENT otherwise, `elementType` naming the event kind).
 * - an event sub-process needs exactly one start event, with a definition (MISSING_START_EVENT), and takes no
 *   sequence flows (DANGLING_REFERENCE `incoming` / `outgoing`).
 * - a cancel end event only sits directly inside a transaction (UNSUPPORTED_ELEMENT).
 * - each link throw needs exactly one link catch of the same name in its scope (DANGLING_REFERENCE
 *   `linkEventDefinition.name`, on the throw).
 * - a compensation throw's `activityRef` names an activity of this process (DANGLING_REFERENCE `activityRef`).
 * - an event-based gateway has at least two outgoing flows, each leading to an intermediate catch event (message,
 *   timer, signal, conditional) or a receive task (GATEWAY_NEEDS_PATHS `outgoing`).
 */
import type { EventDefinition, FlowNode } from '../model/definition.js';
import { isActivity } from './attach-boundary-events.js';
import type { CompiledProcess } from './compile-process.js';
import { addIssue, type IssueSink } from './issues.js';

const DEFINITION_TYPES: Record<EventDefinition['type'], string> = {
  timer: 'bpmn:TimerEventDefinition',
  message: 'bpmn:MessageEventDefinition',
  signal: 'bpmn:SignalEventDefinition',
  error: 'bpmn:ErrorEventDefinition',
  escalation: 'bpmn:EscalationEventDefinition',
  conditional: 'bpmn:ConditionalEventDefinition',
  link: 'bpmn:LinkEventDefinition',
  compensate: 'bpmn:CompensateEventDefinition',
  cancel: 'bpmn:CancelEventDefinition',
  terminate: 'bpmn:TerminateEventDefinition',
};

const PROCESS_STARTS = new Set<EventDefinition['type']>(['message', 'timer', 'signal', 'conditional']);
const GATEWAY_TARGETS = new Set<EventDefinition['type']>(['message', 'timer', 'signal', 'conditional']);

export function validateEvents(compiled: CompiledProcess, sink: IssueSink): void {
  const { nodes } = compiled.model;
  const linkCatches = new Map<string, number>();
  for (const node of Object.values(nodes)) {
    if (node.type === 'intermediateCatchEvent' && node.eventDefinition.type === 'link') {
      const key = `${node.scopeId}|${node.eventDefinition.linkName}`;
      linkCatches.set(key, (linkCatches.get(key) ?? 0) + 1);
    }
  }
  for (const node of Object.values(nodes)) {
    const element = compiled.elements.get(node.id);
    const scope = Object.hasOwn(nodes, node.scopeId) ? nodes[node.scopeId] : undefined;
    const definition = 'eventDefinition' in node ? node.eventDefinition : undefined;
    const kind = definition && DEFINITION_TYPES[definition.type];
    if (node.type === 'startEvent' && definition && scope?.type !== 'eventSubProcess') {
      const allowed = !scope && PROCESS_STARTS.has(definition.type);
      if (!allowed) {
        const where = scope ? 'an embedded sub-process starts with a none start event' : 'it only starts an event sub-process';
        addIssue(sink, 'UNSUPPORTED_ELEMENT', element, `This start event cannot be used here: ${where}`, { elementType: `bpmn:StartEvent+${kind}` });
      }
    }
    if (node.type === 'endEvent' && definition?.type === 'cancel' && scope?.type !== 'transaction') {
      addIssue(sink, 'UNSUPPORTED_ELEMENT', element, 'A cancel end event can only be used inside a transaction', { elementType: `bpmn:EndEvent+${kind}` });
    }
    if (node.type === 'intermediateThrowEvent' && definition?.type === 'link' && definition.linkName) {
      const catches = linkCatches.get(`${node.scopeId}|${definition.linkName}`) ?? 0;
      if (catches !== 1) {
        addIssue(sink, 'DANGLING_REFERENCE', element, `The link '${definition.linkName}' needs exactly one link catch event in the same scope, found ${catches}`, {
          path: 'linkEventDefinition.name',
        });
      }
    }
    if (definition?.type === 'compensate' && definition.activityRef !== undefined) {
      const target = Object.hasOwn(nodes, definition.activityRef) ? nodes[definition.activityRef] : undefined;
      if (!target || !isActivity(target)) {
        addIssue(sink, 'DANGLING_REFERENCE', element, `'activityRef' refers to '${definition.activityRef}', which is not an activity of this process`, {
          path: 'activityRef',
        });
      }
    }
    if (node.type === 'eventSubProcess') checkEventSubProcess(compiled, node, sink);
    if (node.type === 'eventBasedGateway') checkEventBasedGateway(compiled, node, sink);
  }
}

function checkEventSubProcess(compiled: CompiledProcess, node: FlowNode & { type: 'eventSubProcess' }, sink: IssueSink): void {
  const element = compiled.elements.get(node.id);
  const start = Object.hasOwn(compiled.model.nodes, node.startEvent) ? compiled.model.nodes[node.startEvent] : undefined;
  const count = compiled.startEventCount.get(node.id) ?? 0;
  if (count !== 1 || start?.type !== 'startEvent' || !start.eventDefinition) {
    addIssue(sink, 'MISSING_START_EVENT', element, count > 1
      ? 'An event sub-process must have exactly one start event'
      : 'An event sub-process needs one start event with an event definition');
  }
  for (const path of ['incoming', 'outgoing'] as const) {
    if (node[path].length > 0) {
      addIssue(sink, 'DANGLING_REFERENCE', element, `An event sub-process has no ${path} sequence flows`, { path });
    }
  }
}

function checkEventBasedGateway(compiled: CompiledProcess, gateway: FlowNode, sink: IssueSink): void {
  const { nodes, flows } = compiled.model;
  const element = compiled.elements.get(gateway.id);
  if (gateway.outgoing.length < 2) {
    addIssue(sink, 'GATEWAY_NEEDS_PATHS', element, 'An event-based gateway needs at least two outgoing sequence flows', { path: 'outgoing' });
  }
  for (const flowId of gateway.outgoing) {
    const targetId = flows[flowId]?.targetId ?? '';
    const target = Object.hasOwn(nodes, targetId) ? nodes[targetId] : undefined;
    const catches =
      target?.type === 'receiveTask' || (target?.type === 'intermediateCatchEvent' && GATEWAY_TARGETS.has(target.eventDefinition.type));
    if (target && !catches) {
      addIssue(sink, 'GATEWAY_NEEDS_PATHS', element, `The sequence flow '${flowId}' leads to '${targetId}', which is not a catch event or receive task`, {
        path: 'outgoing',
      });
    }
  }
}
