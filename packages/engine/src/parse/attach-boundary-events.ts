/**
 * Wires boundary events to their activities once every node exists:
 * - each boundary event's id goes into the attached activity's `boundaryEvents` (document order). The attached
 *   element must be an activity in the boundary's own scope (DANGLING_REFERENCE `attachedToRef` otherwise); a cancel
 *   boundary only sits on a transaction and a compensation boundary must be interrupting (UNSUPPORTED_ELEMENT,
 *   paths `attachedToRef` and `cancelActivity`).
 * - compensation: a `bpmn:association` between a compensation boundary event and an activity with
 *   `isForCompensation="true"` makes that activity the attached activity's `compensationHandler`. A compensation
 *   boundary without such an association -> DANGLING_REFERENCE (`association`).
 */
import type { BoundaryEventNode, FlowNode } from '../model/definition.js';
import type { CompiledProcess } from './compile-process.js';
import { addIssue, type IssueSink } from './issues.js';

/** Ends of a `bpmn:association` (direction is not significant for compensation). */
export interface Association {
  sourceId: string;
  targetId: string;
}

const ACTIVITY_TYPES = new Set<FlowNode['type']>([
  'task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask', 'receiveTask',
  'subProcess', 'transaction', 'callActivity',
]);

export function isActivity(node: FlowNode): boolean {
  return ACTIVITY_TYPES.has(node.type);
}

export function attachBoundaryEvents(compiled: CompiledProcess, associations: Association[], sink: IssueSink): void {
  const { nodes } = compiled.model;
  for (const boundary of Object.values(nodes)) {
    if (boundary.type !== 'boundaryEvent') continue;
    const element = compiled.elements.get(boundary.id);
    const activity = Object.hasOwn(nodes, boundary.attachedTo) ? nodes[boundary.attachedTo] : undefined;
    if (!activity || !isActivity(activity) || activity.scopeId !== boundary.scopeId) {
      const why = !boundary.attachedTo
        ? 'The boundary event is not attached to anything'
        : `The boundary event is attached to '${boundary.attachedTo}', which is not an activity in the same scope`;
      addIssue(sink, 'DANGLING_REFERENCE', element, why, { path: 'attachedToRef' });
      continue;
    }
    (activity.boundaryEvents ??= []).push(boundary.id);
    const kind = boundary.eventDefinition.type;
    if (kind === 'cancel' && activity.type !== 'transaction') {
      addIssue(sink, 'UNSUPPORTED_ELEMENT', element, 'A cancel boundary event can only be attached to a transaction', {
        path: 'attachedToRef',
        elementType: 'bpmn:BoundaryEvent+bpmn:CancelEventDefinition',
      });
    }
    if (kind === 'compensate') attachCompensation(compiled, boundary, activity, associations, sink);
  }
}

function attachCompensation(
  compiled: CompiledProcess,
  boundary: BoundaryEventNode,
  activity: FlowNode,
  associations: Association[],
  sink: IssueSink,
): void {
  const { nodes } = compiled.model;
  const element = compiled.elements.get(boundary.id);
  if (!boundary.cancelActivity) {
    addIssue(sink, 'UNSUPPORTED_ELEMENT', element, 'A compensation boundary event cannot be non-interrupting', {
      path: 'cancelActivity',
      elementType: 'bpmn:BoundaryEvent+bpmn:CompensateEventDefinition',
    });
  }
  const handler = associations
    .map(({ sourceId, targetId }) => (sourceId === boundary.id ? targetId : targetId === boundary.id ? sourceId : undefined))
    .find((id) => id !== undefined && Object.hasOwn(nodes, id) && nodes[id].isForCompensation === true);
  if (handler) {
    activity.compensationHandler = handler;
    return;
  }
  addIssue(sink, 'DANGLING_REFERENCE', element, 'The compensation boundary event has no association to an activity with isForCompensation="true"', {
    path: 'association',
  });
}
