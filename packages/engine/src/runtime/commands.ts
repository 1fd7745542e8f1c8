import { EngineError } from '../errors.js';
import { addDuration, parseDuration } from '../iso8601.js';
import type { ExpressionFunctions } from '../expressions/compile-expression.js';
import { INSTANCE_STATE_SCHEMA_VERSION, type ElementInstance, type InstanceState, type WaitState } from '../model/instance-state.js';
import { mapVariables } from './elements/call-activity.js';
import { throwError } from './elements/throw-events.js';
import { Execution, type PinnedProcess } from './execution.js';
import { openEventSubProcessListeners } from './listeners.js';
import { raiseIncident, resolveIncident } from './incidents.js';
import { terminateChildren, finishInstance } from './scopes.js';

/**
 * The commands the runtime understands. Each takes a fresh Execution over the loaded state (or creates
 * one), applies the trigger, runs tokens until they all wait, and leaves the result in the Execution for
 * the engine to commit.
 */

export interface StartInput {
  id: string;
  businessKey: string | null;
  variables: Record<string, unknown>;
  now: number;
  maxSteps: number;
  functions?: ExpressionFunctions;
  /** Start at this start event (message, signal or timer start) instead of the none start event. */
  startEventId?: string;
  /** Set when a call activity started this instance. */
  parent?: { instanceId: string; elementInstanceId: string };
}

export function startInstance(process: PinnedProcess, input: StartInput): Execution {
  const state: InstanceState = {
    schemaVersion: INSTANCE_STATE_SCHEMA_VERSION,
    id: input.id,
    definitionId: process.definitionId,
    key: process.key,
    version: process.version,
    businessKey: input.businessKey,
    status: 'active',
    startedAt: input.now,
    endedAt: null,
    revision: 0,
    nextId: 1,
    nextEventSeq: 1,
    variables: { ...input.variables },
    elements: [],
    joins: [],
    incidents: [],
  };
  if (input.parent) state.parent = input.parent;
  const execution = new Execution(process, state, input.now, input.maxSteps, input.functions);
  execution.record({ type: 'instance-started', definitionId: process.definitionId, businessKey: input.businessKey });
  if (Object.keys(input.variables).length > 0) execution.record({ type: 'variables-changed', elementId: null, variables: input.variables });
  openEventSubProcessListeners(execution, undefined, process.model);
  for (const elementId of startElements(process, input.startEventId)) execution.enter(elementId, null);
  execution.run();
  return execution;
}

/**
 * Where a new instance starts: the given start event, else the first none start event. A process without
 * start events (allowed for called, non-executable processes) starts at every element that has no
 * incoming flow and runs on the normal flow (BPMN's implicit start).
 */
function startElements(process: PinnedProcess, startEventId: string | undefined): string[] {
  if (startEventId !== undefined) return [startEventId];
  const model = process.model;
  if (model.startEvents.length > 0) return [model.startEvents[0]];
  return model.children.filter((id) => {
    const node = model.nodes[id];
    return node.incoming.length === 0 && node.type !== 'boundaryEvent' && node.type !== 'eventSubProcess' && !node.isForCompensation;
  });
}

/** Finds the element instance waiting with a given kind of wait, or throws `code`. */
export function waitingElement<K extends WaitState['kind']>(
  execution: Execution,
  elementInstanceId: string,
  kind: K,
  code: 'TASK_NOT_ACTIVE' | 'INSTANCE_NOT_ACTIVE' = 'INSTANCE_NOT_ACTIVE',
): ElementInstance & { wait: Extract<WaitState, { kind: K }> } {
  const elementInstance = execution.elementInstance(elementInstanceId);
  if (execution.state.status !== 'active' || !elementInstance || elementInstance.wait?.kind !== kind) {
    throw new EngineError(code, `Element instance '${elementInstanceId}' of instance '${execution.state.id}' is not waiting for a ${kind}`, {
      details: { instanceId: execution.state.id, elementInstanceId },
    });
  }
  return elementInstance as ElementInstance & { wait: Extract<WaitState, { kind: K }> };
}

export function completeUserTask(
  execution: Execution,
  elementInstanceId: string,
  variables: Record<string, unknown>,
  completedBy: string | null,
): void {
  const elementInstance = waitingElement(execution, elementInstanceId, 'userTask', 'TASK_NOT_ACTIVE');
  execution.record({ type: 'task-completed', elementId: elementInstance.elementId, taskId: elementInstance.wait.taskId, completedBy });
  execution.resume(elementInstance, variables);
  execution.run();
}

export function claimUserTask(execution: Execution, elementInstanceId: string, assignee: string | null): void {
  const elementInstance = waitingElement(execution, elementInstanceId, 'userTask', 'TASK_NOT_ACTIVE');
  if (assignee === null) delete elementInstance.wait.assignee;
  else elementInstance.wait.assignee = assignee;
  execution.record({ type: 'task-claimed', elementId: elementInstance.elementId, taskId: elementInstance.wait.taskId, assignee });
}

export function fireTimer(execution: Execution, elementInstanceId: string): boolean {
  const elementInstance = execution.elementInstance(elementInstanceId);
  if (execution.state.suspended || elementInstance?.wait?.kind !== 'timer' || elementInstance.wait.dueAt > execution.now) return false;
  execution.triggerWait(elementInstance, undefined);
  execution.run();
  return true;
}

export function deliverMessage(execution: Execution, elementInstanceId: string, variables: Record<string, unknown>): void {
  execution.triggerWait(waitingElement(execution, elementInstanceId, 'message'), variables);
  execution.run();
}

export function deliverSignal(execution: Execution, elementInstanceId: string, variables: Record<string, unknown>): boolean {
  const elementInstance = execution.elementInstance(elementInstanceId);
  if (execution.state.status !== 'active' || elementInstance?.wait?.kind !== 'signal') return false;
  execution.triggerWait(elementInstance, variables);
  execution.run();
  return true;
}

/** Ends a plain wait state (a receive task without a message), Camunda 7's `signal(executionId)`. */
export function triggerWaitState(execution: Execution, elementInstanceId: string, variables: Record<string, unknown>): void {
  execution.resume(waitingElement(execution, elementInstanceId, 'trigger'), variables);
  execution.run();
}

/** Sets process variables from outside; conditional events re-evaluate. */
export function setProcessVariables(execution: Execution, variables: Record<string, unknown>): void {
  execution.setVariables(undefined, variables);
  execution.run();
}

/** Ends the instance from outside: every token and listener goes, status `terminated`. */
export function cancelInstance(execution: Execution, reason: string): void {
  terminateChildren(execution, null);
  finishInstance(execution, 'terminated', reason);
}

/** The instance a call activity started has completed: map its variables back and move on. */
export function completeCallActivity(execution: Execution, elementInstanceId: string, childVariables: Record<string, unknown>): void {
  const elementInstance = waitingElement(execution, elementInstanceId, 'child');
  const node = execution.node(elementInstance.elementId);
  if (node.type !== 'callActivity') return;
  const called = node.calledElement;
  execution.resume(elementInstance, mapVariables(called.propagateAllChildVariables ? childVariables : {}, called.outputs, childVariables, execution.functions));
  execution.run();
}

/** The instance a call activity started threw a BPMN error it did not catch: the call activity throws it. */
export function failCallActivity(execution: Execution, elementInstanceId: string, errorCode: string, message: string): void {
  throwError(execution, waitingElement(execution, elementInstanceId, 'child'), errorCode, message);
  execution.run();
}

export function completeJob(execution: Execution, elementInstanceId: string, variables: Record<string, unknown> | undefined): void {
  execution.resume(waitingElement(execution, elementInstanceId, 'job'), variables);
  execution.run();
}

/** A handler threw `BpmnError`: caught by a boundary or event sub-process, else an incident. */
export function throwJobError(execution: Execution, elementInstanceId: string, errorCode: string, message: string, variables?: Record<string, unknown>): void {
  throwError(execution, waitingElement(execution, elementInstanceId, 'job'), errorCode, message, variables);
  execution.run();
}

/**
 * A handler threw. While attempts are left (`retries`), the job is retried: at once (in this command) or,
 * with a `retryBackoff`, when it falls due again (the job executor leases it then). With none left, the
 * job stays waiting with an incident that `retryIncident` clears (one more attempt per retry).
 */
export function failJob(execution: Execution, elementInstanceId: string, code: string, message: string, details?: Record<string, unknown>): void {
  const elementInstance = waitingElement(execution, elementInstanceId, 'job');
  const wait = elementInstance.wait;
  const retriable = code === 'HANDLER_FAILED' && wait.attempts < wait.retries && !execution.state.incidents.some((open) => open.elementInstanceId === elementInstanceId);
  if (!retriable) {
    raiseIncident(execution, elementInstance, code, message, details);
    return;
  }
  const retryAt = wait.retryBackoff ? addDuration(execution.now, parseDuration(wait.retryBackoff)) : execution.now;
  execution.record({ type: 'job-failed', elementId: elementInstance.elementId, jobKey: wait.jobKey, attempt: wait.attempts, message, retryAt });
  if (retryAt <= execution.now) execution.pendingJobs.push(elementInstance);
  else wait.dueAt = retryAt;
}

/** Clears an incident and resumes the element from the lifecycle state where it failed. */
export function retryIncident(execution: Execution, incidentId: string): void {
  const incident = execution.state.incidents.find((open) => open.id === incidentId);
  if (!incident) throw new EngineError('INCIDENT_NOT_FOUND', `No open incident '${incidentId}'`, { details: { incidentId } });
  resolveIncident(execution, incident);
  const elementInstance = execution.elementInstance(incident.elementInstanceId);
  if (!elementInstance) return;
  const node = execution.node(elementInstance.elementId);
  if (elementInstance.state === 'activating') execution.activate(elementInstance);
  else if (elementInstance.state === 'completing') execution.leave(elementInstance);
  else if (elementInstance.wait?.kind === 'job') execution.pendingJobs.push(elementInstance);
  else if (elementInstance.state === 'active' && !elementInstance.wait) execution.runBehavior(elementInstance, node);
  execution.run();
}
