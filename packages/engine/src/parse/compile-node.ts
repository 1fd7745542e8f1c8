/**
 * One moddle flow element -> one `FlowNode` (model/definition.ts), by BPMN type:
 * - events: start (`isInterrupting` read only in an event sub-process, default true), end, intermediate throw and
 *   catch, boundary (`attachedTo` from `attachedToRef`, `cancelActivity` default true; an error boundary is always
 *   interrupting: `cancelActivity="false"` there is overridden with a MODEL_WARNING, as is `isInterrupting="false"`
 *   on an error start). Event definitions: read-event-definition.ts. Message throw and end events carry a `job`,
 *   read like a service task's (read-job.ts) but optional; `camunda:expression` there is UNSUPPORTED_ELEMENT.
 * - tasks: read-user-task, read-job, read-script; a receive task without `messageRef` is a plain wait state.
 * - gateways; an event-based gateway with `eventGatewayType="Parallel"` or `instantiate` is UNSUPPORTED_ELEMENT.
 * - `bpmn:subProcess` -> `subProcess`, with `triggeredByEvent` -> `eventSubProcess` (its one start event with a
 *   definition is `startEvent`); `bpmn:transaction` -> `transaction`; `bpmn:callActivity` -> read-call-activity.ts.
 * Every node: io mappings (read-io-mappings.ts), `multiInstance` (read-multi-instance.ts), `isForCompensation`.
 * `boundaryEvents` and `compensationHandler` are filled once all nodes exist (attach-boundary-events.ts).
 */
import type { EndEventNode, FlowNode } from '../model/definition.js';
import type { JobDefinition } from '../model/activity-definitions.js';
import type { CompileContext } from './compile-context.js';
import { addIssue, addWarning } from './issues.js';
import { elementProp, listProp, stringProp, type ModdleElement } from './moddle-element.js';
import { readCalledElement } from './read-call-activity.js';
import { readEventDefinition } from './read-event-definition.js';
import { warnIgnoredExtensions } from './read-ignored-extensions.js';
import { readIoMappings } from './read-io-mappings.js';
import { readTaskImplementation } from './read-job.js';
import { readMessage } from './read-message.js';
import { readMultiInstance } from './read-multi-instance.js';
import { readScript } from './read-script.js';
import { readUserTaskAssignment } from './read-user-task.js';

export type ScopeKind = 'process' | 'subProcess' | 'transaction' | 'eventSubProcess';

export interface ScopeRef {
  id: string;
  kind: ScopeKind;
}

/** What a scope walk found among its direct children, in document order. */
export interface ScopeResult {
  children: string[];
  /** None start events. */
  startEvents: string[];
  /** Start events with an event definition. */
  eventStartEvents: string[];
  eventSubProcesses: string[];
}

/** Compiles the flow elements of a nested scope (supplied by compile-process.ts). */
export type CompileScope = (container: ModdleElement, scope: ScopeRef) => ScopeResult;

export function compileNode(context: CompileContext, element: ModdleElement, scope: ScopeRef, compileScope: CompileScope): FlowNode | undefined {
  warnIgnoredExtensions(context.sink, element);
  const id = element.id as string;
  const line = context.sink.lines.get(id);
  const base = {
    id,
    ...(stringProp(element, 'name') ? { name: stringProp(element, 'name') } : {}),
    scopeId: scope.id,
    incoming: [] as string[],
    outgoing: [] as string[],
    ...(line === undefined ? {} : { line }),
    ...readIoMappings(context, element),
    ...readMultiInstance(context, element),
    ...(element.isForCompensation === true ? { isForCompensation: true } : {}),
    ...(element.asyncBefore === true || element.async === true ? { asyncBefore: true } : {}),
    ...(element.asyncAfter === true ? { asyncAfter: true } : {}),
  };
  const defaultId = elementProp(element, 'default')?.id;
  const defaultFlow = defaultId ? { defaultFlow: defaultId } : {};
  const definition = listProp(element, 'eventDefinitions')[0] ?? listProp(element, 'eventDefinitionRef')[0];

  switch (element.$type) {
    case 'bpmn:StartEvent': {
      const eventDefinition = readEventDefinition(context, element, definition, 'start');
      let isInterrupting = scope.kind !== 'eventSubProcess' || element.isInterrupting !== false;
      if (!isInterrupting && eventDefinition?.type === 'error') {
        addWarning(context.sink, element, 'An error start event is always interrupting', { path: 'isInterrupting' });
        isInterrupting = true;
      }
      return { ...base, type: 'startEvent', ...(eventDefinition ? { eventDefinition } : {}), isInterrupting };
    }
    case 'bpmn:EndEvent':
      return { ...base, type: 'endEvent', ...readThrow(context, element, definition, 'end') };
    case 'bpmn:IntermediateThrowEvent':
      return { ...base, type: 'intermediateThrowEvent', ...readThrow(context, element, definition, 'intermediateThrow') };
    case 'bpmn:IntermediateCatchEvent': {
      const eventDefinition = readEventDefinition(context, element, definition, 'intermediateCatch');
      return eventDefinition && { ...base, type: 'intermediateCatchEvent', eventDefinition };
    }
    case 'bpmn:BoundaryEvent': {
      const eventDefinition = readEventDefinition(context, element, definition, 'boundary');
      if (!eventDefinition) return undefined;
      let cancelActivity = element.cancelActivity !== false;
      if (!cancelActivity && eventDefinition.type === 'error') {
        addWarning(context.sink, element, 'An error boundary event is always interrupting', { path: 'cancelActivity' });
        cancelActivity = true;
      }
      const attachedTo = elementProp(element, 'attachedToRef')?.id ?? '';
      return { ...base, type: 'boundaryEvent', attachedTo, cancelActivity, eventDefinition };
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
    case 'bpmn:ReceiveTask': {
      const message = readMessage(context, element, element, 'optionalRef');
      return { ...base, ...defaultFlow, type: 'receiveTask', ...(message ? { message } : {}) };
    }
    case 'bpmn:ExclusiveGateway':
      return { ...base, ...defaultFlow, type: 'exclusiveGateway' };
    case 'bpmn:ParallelGateway':
      return { ...base, type: 'parallelGateway' };
    case 'bpmn:InclusiveGateway':
      return { ...base, ...defaultFlow, type: 'inclusiveGateway' };
    case 'bpmn:EventBasedGateway':
      checkEventBasedGateway(context, element);
      return { ...base, type: 'eventBasedGateway' };
    case 'bpmn:SubProcess':
    case 'bpmn:Transaction': {
      const kind: ScopeKind = element.$type === 'bpmn:Transaction' ? 'transaction' : element.triggeredByEvent === true ? 'eventSubProcess' : 'subProcess';
      const inner = compileScope(element, { id, kind });
      const parts = {
        children: inner.children,
        startEvents: inner.startEvents,
        ...(inner.eventSubProcesses.length ? { eventSubProcesses: inner.eventSubProcesses } : {}),
      };
      if (kind === 'eventSubProcess') {
        return { ...base, ...parts, type: 'eventSubProcess', startEvent: inner.eventStartEvents[0] ?? inner.startEvents[0] ?? '' };
      }
      return { ...base, ...defaultFlow, ...parts, type: kind };
    }
    case 'bpmn:CallActivity': {
      const calledElement = readCalledElement(context, element);
      return calledElement && { ...base, ...defaultFlow, type: 'callActivity', calledElement };
    }
    default:
      // Unreachable while ELEMENT_SUPPORT and this switch agree; report rather than guess.
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `${element.$type} is not supported`);
      return undefined;
  }
}

/** Event definition and, for message throws, the optional job of an end or intermediate throw event. */
function readThrow(
  context: CompileContext,
  element: ModdleElement,
  definition: ModdleElement | undefined,
  position: 'end' | 'intermediateThrow',
): Pick<EndEventNode, 'eventDefinition' | 'job'> {
  const eventDefinition = readEventDefinition(context, element, definition, position);
  let job: JobDefinition | undefined;
  if (definition?.$type === 'bpmn:MessageEventDefinition') {
    const implementation = readTaskImplementation(context, element, { optional: true, holder: definition });
    job = implementation.job;
    if (implementation.expression) {
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, 'camunda:expression is not supported on a message event; use a delegate or a job', {
        path: 'camunda:expression',
      });
    }
  }
  return { ...(eventDefinition ? { eventDefinition } : {}), ...(job ? { job } : {}) };
}

function checkEventBasedGateway(context: CompileContext, element: ModdleElement): void {
  if (element.instantiate === true) {
    addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, 'An instantiating event-based gateway is not supported', { path: 'instantiate' });
  }
  if (stringProp(element, 'eventGatewayType') === 'Parallel') {
    addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, 'A parallel event-based gateway is not supported', { path: 'eventGatewayType' });
  }
}
