import { EngineError } from '../errors.js';
import { INSTANCE_STATE_SCHEMA_VERSION, type ElementInstance, type InstanceState, type WaitState } from '../model/instance-state.js';
import { Execution, type PinnedProcess } from './execution.js';

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
  const execution = new Execution(process, state, input.now, input.maxSteps);
  execution.record({ type: 'instance-started', definitionId: process.definitionId, businessKey: input.businessKey });
  if (Object.keys(input.variables).length > 0) execution.record({ type: 'variables-changed', elementId: null, variables: input.variables });
  execution.enter(process.model.startEvents[0], null);
  execution.run();
  return execution;
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
  if (elementInstance?.wait?.kind !== 'timer' || elementInstance.wait.dueAt > execution.now) return false;
  execution.resume(elementInstance, undefined);
  execution.run();
  return true;
}

export function deliverMessage(execution: Execution, elementInstanceId: string, variables: Record<string, unknown>): void {
  execution.resume(waitingElement(execution, elementInstanceId, 'message'), variables);
  execution.run();
}

export function completeJob(execution: Execution, elementInstanceId: string, variables: Record<string, unknown> | undefined): void {
  execution.resume(waitingElement(execution, elementInstanceId, 'job'), variables);
  execution.run();
}

/** A handler threw: the job stays waiting with an incident that `retryIncident` clears. */
export function failJob(execution: Execution, elementInstanceId: string, code: string, message: string, details?: Record<string, unknown>): void {
  const elementInstance = waitingElement(execution, elementInstanceId, 'job');
  execution.raiseIncident(elementInstance, code, message, details);
}

/** Clears an incident and resumes the element from the lifecycle state where it failed. */
export function retryIncident(execution: Execution, incidentId: string): void {
  const incident = execution.state.incidents.find((open) => open.id === incidentId);
  if (!incident) throw new EngineError('INCIDENT_NOT_FOUND', `No open incident '${incidentId}'`, { details: { incidentId } });
  execution.resolveIncident(incident);
  const elementInstance = execution.elementInstance(incident.elementInstanceId);
  if (!elementInstance) return;
  const node = execution.node(elementInstance.elementId);
  if (elementInstance.state === 'activating') execution.activate(elementInstance);
  else if (elementInstance.state === 'completing') execution.leave(elementInstance);
  else if (elementInstance.wait?.kind === 'job') execution.pendingJobs.push(elementInstance);
  else if (elementInstance.state === 'active' && !elementInstance.wait) execution.runBehavior(elementInstance, node);
  execution.run();
}
