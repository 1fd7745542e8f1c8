/**
 * What an activity does, compiled from the BPMN element and its camunda: / zeebe: extensions: the job a
 * handler runs, a user task's assignment, a script, multi-instance characteristics, a call activity's target.
 */
import type { Expression } from './definition.js';

/** How a service-like task (service, send, business rule) finds its handler. */
export interface JobDefinition {
  /** Handler type; a literal or an expression (Zeebe allows `= "pay-" + region`). */
  type: Expression;
  /** Where the type came from, for docs and error messages. */
  source:
    | 'zeebe:taskDefinition'
    | 'camunda:topic'
    | 'camunda:delegateExpression'
    | 'camunda:class'
    | 'bpmn:implementation'
    | 'zeebe:calledDecision'
    | 'camunda:decisionRef';
  /** Decisions: the handler's return value is stored whole in this variable. */
  resultVariable?: string;
  /** From `camunda:failedJobRetryTimeCycle` (`R3/PT10S`): the wait between attempts. */
  retryBackoff?: string;
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

/** `bpmn:multiInstanceLoopCharacteristics` with the Camunda 7 / Zeebe extensions mapped. */
export interface MultiInstance {
  sequential: boolean;
  /** `loopCardinality`: how many instances (when there is no collection). */
  loopCardinality?: Expression;
  /** `camunda:collection` / `zeebe:loopCharacteristics inputCollection` / `loopDataInputRef`. */
  inputCollection?: Expression;
  /** `camunda:elementVariable` / `inputElement` / `inputDataItem`: the local variable holding one item. */
  inputElement?: string;
  /** Zeebe `outputCollection`: the variable collecting one result per instance. */
  outputCollection?: string;
  /** Zeebe `outputElement`: the expression (evaluated per instance) that goes into `outputCollection`. */
  outputElement?: Expression;
  /** Evaluated after each completed instance; true cancels the remaining ones. */
  completionCondition?: Expression;
}

/** Variables passed into or out of a called process (`camunda:in` / `camunda:out`). */
export interface CallMapping {
  /** Copy this variable... */
  source?: string;
  /** ...or evaluate this expression... */
  sourceExpression?: Expression;
  /** ...or copy every variable (`variables="all"`). */
  all?: boolean;
  /** Target variable name (not with `all`). */
  target?: string;
  /** `local="true"`: read from / write to the call activity's own scope. */
  local?: boolean;
}

export interface CalledElement {
  /** Key (process id) of the called process; may be an expression. */
  processId: Expression;
  /** `latest` (default), `deployment` (the version deployed with the caller), `version` (a fixed one). */
  binding: 'latest' | 'deployment' | 'version';
  /** For `binding: 'version'`. */
  version?: Expression;
  /** `camunda:in`; absent with Zeebe semantics (all parent variables visible when propagateAllParentVariables). */
  inputs?: CallMapping[];
  /** `camunda:out`. */
  outputs?: CallMapping[];
  /** Zeebe `propagateAllChildVariables` (default true for Zeebe models, false when camunda:out is used). */
  propagateAllChildVariables: boolean;
  /** Zeebe `propagateAllParentVariables` (default true); Camunda 7 passes only `camunda:in`. */
  propagateAllParentVariables: boolean;
}
