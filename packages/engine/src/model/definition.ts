/**
 * The compiled, engine-ready form of one BPMN process. Produced by `parse/` from BPMN XML, consumed by
 * `runtime/`. Plain data: no functions, no classes, so it can be cached, compared and serialised.
 *
 * Expressions are kept as their source text (`Expression`); the `expressions/` layer decides the dialect
 * (`= ...` FEEL, `${...}` JUEL, anything else a literal string) and caches the compiled form.
 */

import type {
  CalledElement,
  ExpressionImplementation,
  JobDefinition,
  MultiInstance,
  ScriptDefinition,
  UserTaskAssignment,
} from './activity-definitions.js';

/** Source text of an expression or literal exactly as written in the model. */
export type Expression = string;

/** BPMN tags the engine can execute. One behaviour per tag lives in `runtime/elements/<tag>.ts`. */
export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'task'
  | 'userTask'
  | 'manualTask'
  | 'serviceTask'
  | 'sendTask'
  | 'businessRuleTask'
  | 'scriptTask'
  | 'receiveTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'transaction'
  | 'callActivity'
  | 'boundaryEvent';

export type TimerDefinition =
  | { kind: 'duration'; value: Expression }
  | { kind: 'date'; value: Expression }
  | { kind: 'cycle'; value: Expression };

export interface MessageDefinition {
  /** Message name (the `name` of the referenced `bpmn:message`; may be an expression in Zeebe models). */
  name: Expression;
  /** `zeebe:subscription correlationKey`; absent for Camunda 7 models. */
  correlationKey?: Expression;
}

export type EventDefinition =
  | { type: 'timer'; timer: TimerDefinition }
  | { type: 'message'; message: MessageDefinition }
  | { type: 'signal'; signalName: Expression }
  /** Catching: no `errorCode` catches every error. Throwing: `errorCode` is required. */
  | { type: 'error'; errorCode?: Expression; errorMessage?: Expression; errorCodeVariable?: string; errorMessageVariable?: string }
  /** Catching: no `escalationCode` catches every escalation. */
  | { type: 'escalation'; escalationCode?: Expression; escalationCodeVariable?: string }
  /** Re-evaluated whenever variables of the instance change; fires when it turns true. */
  | { type: 'conditional'; condition: Expression }
  | { type: 'link'; linkName: string }
  /** Throwing: compensate `activityRef`, or every completed activity of the scope when absent. */
  | { type: 'compensate'; activityRef?: string; waitForCompletion: boolean }
  | { type: 'cancel' }
  | { type: 'terminate' };

/** One input or output mapping (`zeebe:ioMapping`, `camunda:inputOutput`). */
export interface IoMapping {
  /** Expression evaluated in the source scope (e.g. `= order.total` or `${order.total}` or a literal). */
  source: Expression;
  /** Variable name written in the target scope. */
  target: string;
}

interface FlowNodeBase {
  id: string;
  name?: string;
  /** Id of the process or sub-process that directly contains this node. */
  scopeId: string;
  /** Ids of incoming / outgoing sequence flows, in document order. */
  incoming: string[];
  outgoing: string[];
  /** Source line of the element's start tag (1-based), for errors and the diagram tooling. */
  line?: number;
  /**
   * Input mappings create local variables of the element instance when it activates; output mappings copy
   * values from the element's local scope into its parent scope when it completes. When an element has
   * output mappings, job/task/message variables stay local and only the mapped outputs propagate (Zeebe).
   */
  inputs?: IoMapping[];
  outputs?: IoMapping[];
  /** Boundary events attached to this activity, in document order. */
  boundaryEvents?: string[];
  /** Multi-instance: the element runs once per item or per count. */
  multiInstance?: MultiInstance;
  /**
   * `camunda:asyncBefore` / `asyncAfter` (`camunda:async`): commit before activating / after completing;
   * the job executor continues in a command of its own.
   */
  asyncBefore?: boolean;
  asyncAfter?: boolean;
  /** `isForCompensation`: the activity only runs as a compensation handler, never on the normal flow. */
  isForCompensation?: boolean;
  /** The compensation handler activity (via a compensation boundary event and its association). */
  compensationHandler?: string;
}

export interface StartEventNode extends FlowNodeBase {
  type: 'startEvent';
  eventDefinition?: EventDefinition;
  /** Start events of event sub-processes: false for non-interrupting ones. */
  isInterrupting: boolean;
}
export interface EndEventNode extends FlowNodeBase {
  type: 'endEvent';
  eventDefinition?: EventDefinition;
  /** Message end events are jobs (Zeebe) or delegates (Camunda 7). */
  job?: JobDefinition;
}
export interface IntermediateCatchEventNode extends FlowNodeBase {
  type: 'intermediateCatchEvent';
  eventDefinition: EventDefinition;
}
export interface IntermediateThrowEventNode extends FlowNodeBase {
  type: 'intermediateThrowEvent';
  eventDefinition?: EventDefinition;
  /** Message throw events are jobs (Zeebe) or delegates (Camunda 7). */
  job?: JobDefinition;
}
export interface BoundaryEventNode extends FlowNodeBase {
  type: 'boundaryEvent';
  /** The activity it is attached to. */
  attachedTo: string;
  /** `cancelActivity`: an interrupting boundary ends the activity when it fires. */
  cancelActivity: boolean;
  eventDefinition: EventDefinition;
}
export interface TaskNode extends FlowNodeBase { type: 'task' | 'manualTask'; defaultFlow?: string }
export interface UserTaskNode extends FlowNodeBase {
  type: 'userTask';
  defaultFlow?: string;
  assignment: UserTaskAssignment;
}
export interface ServiceTaskNode extends FlowNodeBase {
  type: 'serviceTask' | 'sendTask' | 'businessRuleTask';
  defaultFlow?: string;
  /** Exactly one of `job` or `expression` is set. */
  job?: JobDefinition;
  expression?: ExpressionImplementation;
}
export interface ScriptTaskNode extends FlowNodeBase { type: 'scriptTask'; defaultFlow?: string; script: ScriptDefinition }
/** Without a message (Camunda 7 style) the receive task is a plain wait state, ended by `engine.trigger`. */
export interface ReceiveTaskNode extends FlowNodeBase { type: 'receiveTask'; defaultFlow?: string; message?: MessageDefinition }
export interface GatewayNode extends FlowNodeBase {
  type: 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway';
  defaultFlow?: string;
}
/** What every scope (process, sub-process, event sub-process, transaction) knows about its children. */
export interface ScopeParts {
  /** Child flow nodes (direct children only, event sub-processes included), in document order. */
  children: string[];
  /** None start events among the children. */
  startEvents: string[];
  /** Event sub-processes directly inside. */
  eventSubProcesses?: string[];
}
export interface SubProcessNode extends FlowNodeBase, ScopeParts {
  type: 'subProcess' | 'transaction';
  defaultFlow?: string;
}
/** `subProcess triggeredByEvent="true"`: started by its single start event while its parent scope runs. */
export interface EventSubProcessNode extends FlowNodeBase, ScopeParts {
  type: 'eventSubProcess';
  /** The one start event (with an event definition) that triggers it. */
  startEvent: string;
}
export interface CallActivityNode extends FlowNodeBase {
  type: 'callActivity';
  defaultFlow?: string;
  calledElement: CalledElement;
}

export type FlowNode =
  | StartEventNode
  | EndEventNode
  | IntermediateCatchEventNode
  | IntermediateThrowEventNode
  | TaskNode
  | UserTaskNode
  | ServiceTaskNode
  | ScriptTaskNode
  | ReceiveTaskNode
  | GatewayNode
  | SubProcessNode
  | EventSubProcessNode
  | CallActivityNode
  | BoundaryEventNode;

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** `conditionExpression` body; absent means unconditional. */
  condition?: Expression;
  line?: number;
}

/** One executable process, compiled. `id` is the process id, which is the definition `key`. */
export interface ProcessModel extends ScopeParts {
  id: string;
  name?: string;
  /** Flow nodes by id, including those nested in sub-processes. */
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Start events of the process itself with a message, timer, signal or conditional definition. */
  eventStartEvents?: string[];
  /**
   * For each inclusive gateway with more than one incoming flow: the node ids from which a token can
   * still reach it inside the same scope (not passing through the gateway itself). The join waits while
   * any token sits on one of these nodes.
   */
  inclusiveJoinUpstream: Record<string, string[]>;
}
