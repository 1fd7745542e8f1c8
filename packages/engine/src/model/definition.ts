/**
 * The compiled, engine-ready form of one BPMN process. Produced by `parse/` from BPMN XML, consumed by
 * `runtime/`. Plain data: no functions, no classes, so it can be cached, compared and serialised.
 *
 * Expressions are kept as their source text (`Expression`); the `expressions/` layer decides the dialect
 * (`= ...` FEEL, `${...}` JUEL, anything else a literal string) and caches the compiled form.
 */

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
  | 'subProcess';

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
  | { type: 'terminate' };

/** How a service-like task (service, send, business rule) finds its handler. */
export interface JobDefinition {
  /** Handler type; a literal or an expression (Zeebe allows `= "pay-" + region`). */
  type: Expression;
  /** Where the type came from, for docs and error messages. */
  source: 'zeebe:taskDefinition' | 'camunda:topic' | 'camunda:delegateExpression' | 'camunda:class';
  /** `zeebe:taskDefinition retries`, default 3. */
  retries?: Expression;
  /** `zeebe:taskHeaders`, passed to the handler as `headers`. */
  headers?: Record<string, string>;
}

/** `camunda:expression` on a service task: evaluated instead of calling a handler. */
export interface ExpressionImplementation {
  expression: Expression;
  resultVariable?: string;
}

export interface UserTaskAssignment {
  assignee?: Expression;
  candidateUsers?: Expression;
  candidateGroups?: Expression;
  dueDate?: Expression;
  followUpDate?: Expression;
  formKey?: Expression;
  priority?: Expression;
}

export interface ScriptDefinition {
  /** A FEEL (or JUEL) expression; Zeebe `zeebe:script expression`, or a Camunda 7 `<script>` in feel/juel. */
  expression: Expression;
  resultVariable?: string;
}

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
}

export interface StartEventNode extends FlowNodeBase { type: 'startEvent'; eventDefinition?: EventDefinition }
export interface EndEventNode extends FlowNodeBase { type: 'endEvent'; eventDefinition?: EventDefinition }
export interface IntermediateCatchEventNode extends FlowNodeBase {
  type: 'intermediateCatchEvent';
  eventDefinition: EventDefinition;
}
export interface IntermediateThrowEventNode extends FlowNodeBase {
  type: 'intermediateThrowEvent';
  eventDefinition?: EventDefinition;
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
export interface ReceiveTaskNode extends FlowNodeBase { type: 'receiveTask'; defaultFlow?: string; message: MessageDefinition }
export interface GatewayNode extends FlowNodeBase {
  type: 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway';
  defaultFlow?: string;
}
export interface SubProcessNode extends FlowNodeBase {
  type: 'subProcess';
  defaultFlow?: string;
  /** Child flow nodes (direct children only), in document order. */
  children: string[];
  /** None start events among the children. */
  startEvents: string[];
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
  | SubProcessNode;

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
export interface ProcessModel {
  id: string;
  name?: string;
  /** Flow nodes by id, including those nested in sub-processes. */
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Direct child node ids of the process, in document order. */
  children: string[];
  /** None start events of the process (the ones `engine.start` uses). */
  startEvents: string[];
  /**
   * For each inclusive gateway with more than one incoming flow: the node ids from which a token can
   * still reach it inside the same scope (not passing through the gateway itself). The join waits while
   * any token sits on one of these nodes.
   */
  inclusiveJoinUpstream: Record<string, string[]>;
}
