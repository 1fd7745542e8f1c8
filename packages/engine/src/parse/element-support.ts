/**
 * Which BPMN elements Pravah runs, as data. This table is the single source for deploy-time support checks
 * (`findElementSupport`), the README support matrix and the docs index. One row per element kind; events are
 * keyed by position and event definition, a few activities by a narrower `variant`.
 *
 * The `camunda8`, `camunda7` and `bpmnEngine` columns record what those engines execute (Camunda 8 BPMN
 * coverage, Camunda 7 BPMN implementation reference, paed01/bpmn-elements supported elements), for comparison.
 */

export type EventPosition = 'start' | 'intermediateCatch' | 'intermediateThrow' | 'end' | 'boundary';

/** Narrower forms of an element that are supported differently from the plain element. */
export type ElementVariant = 'eventSubProcess' | 'decision';

export interface ElementSupport {
  /** Moddle type of the element, e.g. `bpmn:ExclusiveGateway`. */
  bpmnType: string;
  /** For events: the single event definition type; absent for a none event. */
  eventDefinition?: string;
  position?: EventPosition;
  /** `eventSubProcess`: a sub-process with `triggeredByEvent`; `decision`: a DMN business rule task. */
  variant?: ElementVariant;
  label: string;
  pravah: 'supported' | 'planned';
  camunda8: boolean;
  camunda7: boolean;
  bpmnEngine: boolean;
  /** Page under `docs/elements/`, without extension. */
  docsPage?: string;
}

type Row = Omit<ElementSupport, 'pravah'>;

const supported = (row: Row): ElementSupport => ({ ...row, pravah: 'supported' });
const planned = (row: Row): ElementSupport => ({ ...row, pravah: 'planned' });
const all = { camunda8: true, camunda7: true, bpmnEngine: true };

const START = 'bpmn:StartEvent';
const END = 'bpmn:EndEvent';
const CATCH = 'bpmn:IntermediateCatchEvent';
const THROW = 'bpmn:IntermediateThrowEvent';
const BOUNDARY = 'bpmn:BoundaryEvent';
const MESSAGE = 'bpmn:MessageEventDefinition';
const TIMER = 'bpmn:TimerEventDefinition';
const SIGNAL = 'bpmn:SignalEventDefinition';
const ERROR = 'bpmn:ErrorEventDefinition';
const ESCALATION = 'bpmn:EscalationEventDefinition';
const COMPENSATE = 'bpmn:CompensateEventDefinition';
const CONDITIONAL = 'bpmn:ConditionalEventDefinition';
const LINK = 'bpmn:LinkEventDefinition';
const CANCEL = 'bpmn:CancelEventDefinition';
const TERMINATE = 'bpmn:TerminateEventDefinition';

export const ELEMENT_SUPPORT: readonly ElementSupport[] = [
  // Sequence flows
  supported({ bpmnType: 'bpmn:SequenceFlow', label: 'Sequence flow (conditional, default)', ...all, docsPage: 'sequence-flow' }),

  // Start events
  supported({ bpmnType: START, position: 'start', label: 'None start event', ...all, docsPage: 'start-event' }),
  supported({ bpmnType: START, eventDefinition: MESSAGE, position: 'start', label: 'Message start event', ...all, docsPage: 'message-start-event' }),
  supported({ bpmnType: START, eventDefinition: TIMER, position: 'start', label: 'Timer start event', ...all, docsPage: 'timer-start-event' }),
  supported({ bpmnType: START, eventDefinition: SIGNAL, position: 'start', label: 'Signal start event', ...all, docsPage: 'signal-events' }),
  supported({ bpmnType: START, eventDefinition: CONDITIONAL, position: 'start', label: 'Conditional start event', camunda8: false, camunda7: true, bpmnEngine: true, docsPage: 'conditional-events' }),
  supported({ bpmnType: START, eventDefinition: ERROR, position: 'start', label: 'Error start event (event sub-process)', ...all, docsPage: 'event-sub-process' }),
  supported({ bpmnType: START, eventDefinition: ESCALATION, position: 'start', label: 'Escalation start event (event sub-process)', ...all, docsPage: 'event-sub-process' }),
  supported({ bpmnType: START, eventDefinition: COMPENSATE, position: 'start', label: 'Compensation start event (event sub-process)', camunda8: false, camunda7: true, bpmnEngine: false, docsPage: 'event-sub-process' }),

  // Intermediate catch events
  supported({ bpmnType: CATCH, eventDefinition: MESSAGE, position: 'intermediateCatch', label: 'Message intermediate catch event', ...all, docsPage: 'message-intermediate-catch-event' }),
  supported({ bpmnType: CATCH, eventDefinition: TIMER, position: 'intermediateCatch', label: 'Timer intermediate catch event (duration, date)', ...all, docsPage: 'timer-intermediate-catch-event' }),
  supported({ bpmnType: CATCH, eventDefinition: SIGNAL, position: 'intermediateCatch', label: 'Signal intermediate catch event', ...all, docsPage: 'signal-events' }),
  supported({ bpmnType: CATCH, eventDefinition: CONDITIONAL, position: 'intermediateCatch', label: 'Conditional intermediate catch event', camunda8: false, camunda7: true, bpmnEngine: true, docsPage: 'conditional-events' }),
  supported({ bpmnType: CATCH, eventDefinition: LINK, position: 'intermediateCatch', label: 'Link intermediate catch event', ...all, docsPage: 'link-events' }),

  // Intermediate throw events
  supported({ bpmnType: THROW, position: 'intermediateThrow', label: 'None intermediate throw event', ...all, docsPage: 'intermediate-throw-event' }),
  supported({ bpmnType: THROW, eventDefinition: MESSAGE, position: 'intermediateThrow', label: 'Message intermediate throw event', ...all, docsPage: 'message-throw-event' }),
  supported({ bpmnType: THROW, eventDefinition: SIGNAL, position: 'intermediateThrow', label: 'Signal intermediate throw event', ...all, docsPage: 'signal-events' }),
  supported({ bpmnType: THROW, eventDefinition: ESCALATION, position: 'intermediateThrow', label: 'Escalation intermediate throw event', ...all, docsPage: 'escalation-events' }),
  supported({ bpmnType: THROW, eventDefinition: COMPENSATE, position: 'intermediateThrow', label: 'Compensation intermediate throw event', ...all, docsPage: 'compensation' }),
  supported({ bpmnType: THROW, eventDefinition: LINK, position: 'intermediateThrow', label: 'Link intermediate throw event', ...all, docsPage: 'link-events' }),

  // End events
  supported({ bpmnType: END, position: 'end', label: 'None end event', ...all, docsPage: 'end-event' }),
  supported({ bpmnType: END, eventDefinition: TERMINATE, position: 'end', label: 'Terminate end event', ...all, docsPage: 'end-event' }),
  supported({ bpmnType: END, eventDefinition: MESSAGE, position: 'end', label: 'Message end event', ...all, docsPage: 'message-throw-event' }),
  supported({ bpmnType: END, eventDefinition: SIGNAL, position: 'end', label: 'Signal end event', ...all, docsPage: 'signal-events' }),
  supported({ bpmnType: END, eventDefinition: ERROR, position: 'end', label: 'Error end event', ...all, docsPage: 'error-events' }),
  supported({ bpmnType: END, eventDefinition: ESCALATION, position: 'end', label: 'Escalation end event', ...all, docsPage: 'escalation-events' }),
  supported({ bpmnType: END, eventDefinition: COMPENSATE, position: 'end', label: 'Compensation end event', ...all, docsPage: 'compensation' }),
  supported({ bpmnType: END, eventDefinition: CANCEL, position: 'end', label: 'Cancel end event (transaction)', camunda8: false, camunda7: true, bpmnEngine: true, docsPage: 'transaction' }),

  // Boundary events
  supported({ bpmnType: BOUNDARY, eventDefinition: TIMER, position: 'boundary', label: 'Timer boundary event', ...all, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: MESSAGE, position: 'boundary', label: 'Message boundary event', ...all, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: SIGNAL, position: 'boundary', label: 'Signal boundary event', ...all, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: ERROR, position: 'boundary', label: 'Error boundary event', ...all, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: ESCALATION, position: 'boundary', label: 'Escalation boundary event', ...all, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: COMPENSATE, position: 'boundary', label: 'Compensation boundary event', ...all, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: CONDITIONAL, position: 'boundary', label: 'Conditional boundary event', camunda8: false, camunda7: true, bpmnEngine: true, docsPage: 'boundary-event' }),
  supported({ bpmnType: BOUNDARY, eventDefinition: CANCEL, position: 'boundary', label: 'Cancel boundary event (transaction)', camunda8: false, camunda7: true, bpmnEngine: true, docsPage: 'boundary-event' }),

  // Tasks
  supported({ bpmnType: 'bpmn:Task', label: 'Task (abstract)', ...all, docsPage: 'task' }),
  supported({ bpmnType: 'bpmn:UserTask', label: 'User task', ...all, docsPage: 'user-task' }),
  supported({ bpmnType: 'bpmn:ManualTask', label: 'Manual task', ...all, docsPage: 'task' }),
  supported({ bpmnType: 'bpmn:ServiceTask', label: 'Service task', ...all, docsPage: 'service-task' }),
  supported({ bpmnType: 'bpmn:SendTask', label: 'Send task (job worker)', ...all, docsPage: 'service-task' }),
  supported({ bpmnType: 'bpmn:BusinessRuleTask', label: 'Business rule task (job worker)', ...all, docsPage: 'service-task' }),
  supported({ bpmnType: 'bpmn:BusinessRuleTask', variant: 'decision', label: 'Business rule task (DMN decision, evaluated by a handler)', camunda8: true, camunda7: true, bpmnEngine: false, docsPage: 'service-task' }),
  supported({ bpmnType: 'bpmn:ScriptTask', label: 'Script task (FEEL / JUEL expression)', ...all, docsPage: 'script-task' }),
  supported({ bpmnType: 'bpmn:ReceiveTask', label: 'Receive task', ...all, docsPage: 'receive-task' }),

  // Gateways
  supported({ bpmnType: 'bpmn:ExclusiveGateway', label: 'Exclusive gateway', ...all, docsPage: 'exclusive-gateway' }),
  supported({ bpmnType: 'bpmn:ParallelGateway', label: 'Parallel gateway', ...all, docsPage: 'parallel-gateway' }),
  supported({ bpmnType: 'bpmn:InclusiveGateway', label: 'Inclusive gateway', ...all, docsPage: 'inclusive-gateway' }),
  supported({ bpmnType: 'bpmn:EventBasedGateway', label: 'Event-based gateway', ...all, docsPage: 'event-based-gateway' }),
  planned({ bpmnType: 'bpmn:ComplexGateway', label: 'Complex gateway', camunda8: false, camunda7: false, bpmnEngine: false }),

  // Sub-processes and calls
  supported({ bpmnType: 'bpmn:SubProcess', label: 'Embedded sub-process', ...all, docsPage: 'sub-process' }),
  supported({ bpmnType: 'bpmn:SubProcess', variant: 'eventSubProcess', label: 'Event sub-process', ...all, docsPage: 'event-sub-process' }),
  supported({ bpmnType: 'bpmn:CallActivity', label: 'Call activity', ...all, docsPage: 'call-activity' }),
  supported({ bpmnType: 'bpmn:Transaction', label: 'Transaction sub-process', camunda8: false, camunda7: true, bpmnEngine: true, docsPage: 'transaction' }),
  planned({ bpmnType: 'bpmn:AdHocSubProcess', label: 'Ad-hoc sub-process', camunda8: true, camunda7: false, bpmnEngine: false }),

  // Loops
  supported({ bpmnType: 'bpmn:MultiInstanceLoopCharacteristics', label: 'Multi-instance (parallel, sequential)', ...all, docsPage: 'multi-instance' }),
  planned({ bpmnType: 'bpmn:StandardLoopCharacteristics', label: 'Standard loop', camunda8: false, camunda7: false, bpmnEngine: true }),
];

/** Key of an element kind as used in `UNSUPPORTED_ELEMENT` issues: `bpmnType[+eventDefinition]`. */
export function elementKindKey(bpmnType: string, eventDefinition?: string): string {
  return eventDefinition ? `${bpmnType}+${eventDefinition}` : bpmnType;
}

const BY_KEY = new Map<string, ElementSupport>(
  ELEMENT_SUPPORT.map((row) => [`${elementKindKey(row.bpmnType, row.eventDefinition)}|${row.variant ?? ''}`, row]),
);

/** The table row for an element kind, or `undefined` when the kind is not listed at all. */
export function findElementSupport(bpmnType: string, eventDefinition?: string, variant?: ElementVariant): ElementSupport | undefined {
  return BY_KEY.get(`${elementKindKey(bpmnType, eventDefinition)}|${variant ?? ''}`);
}

/** True when Pravah executes this element kind today. */
export function isElementSupported(bpmnType: string, eventDefinition?: string, variant?: ElementVariant): boolean {
  return findElementSupport(bpmnType, eventDefinition, variant)?.pravah === 'supported';
}
