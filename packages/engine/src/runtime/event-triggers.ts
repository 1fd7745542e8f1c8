import type { BoundaryEventNode, StartEventNode } from '../model/definition.js';
import type { ElementInstance, TimerWait } from '../model/instance-state.js';
import type { Execution } from './execution.js';
import { nextCycleWait } from './waits/timer-wait.js';
import { terminateChildren } from './scopes.js';

/**
 * A listener's event happened (timer due, message correlated, signal broadcast, condition true). What
 * follows depends on what it listens for: a boundary event fires on its activity, an event sub-process
 * starts in its scope, a catch event after an event-based gateway wins the race.
 */
export function triggerListener(execution: Execution, listener: ElementInstance, variables: Record<string, unknown> | undefined): void {
  const node = execution.node(listener.elementId);
  if (node.type === 'boundaryEvent') fireBoundary(execution, listener, node, variables);
  else if (node.type === 'startEvent') fireEventSubProcess(execution, listener, node, variables);
  else winEventRace(execution, listener, variables);
}

/** Interrupting: the activity ends first. Non-interrupting: it keeps running and the listener stays armed. */
function fireBoundary(execution: Execution, listener: ElementInstance, node: BoundaryEventNode, variables: Record<string, unknown> | undefined): void {
  const activity = listener.attachedTo ? execution.elementInstance(listener.attachedTo) : undefined;
  if (!activity) {
    execution.remove(listener);
    return;
  }
  if (node.cancelActivity) execution.terminate(activity);
  else keepOrRemove(execution, listener);
  const token = execution.enter(node.id, activity.scopeId);
  execution.setVariables(undefined, variables);
  return void token;
}

/** Interrupting: every other token of the scope ends first. Non-interrupting: runs beside them. */
function fireEventSubProcess(execution: Execution, listener: ElementInstance, start: StartEventNode, variables: Record<string, unknown> | undefined): void {
  const scopeId = listener.scopeId;
  if (start.isInterrupting) terminateChildren(execution, scopeId);
  else keepOrRemove(execution, listener);
  execution.setVariables(scopeId === null ? undefined : execution.elementInstance(scopeId), variables);
  execution.enter(start.scopeId, scopeId);
}

/** A catch event after an event-based gateway: the gateway takes its flow, the other listeners go. */
function winEventRace(execution: Execution, listener: ElementInstance, variables: Record<string, unknown> | undefined): void {
  const gateway = listener.attachedTo ? execution.elementInstance(listener.attachedTo) : undefined;
  execution.remove(listener);
  if (!gateway) return;
  const gatewayNode = execution.node(gateway.elementId);
  const flowId = gatewayNode.outgoing.find((id) => execution.flow(id).targetId === listener.elementId);
  execution.eventRaceWinner = { gateway, flowId: flowId!, variables };
  execution.complete(gateway);
}

/** A non-interrupting listener stays for the next event; a timer re-arms for its next cycle or goes. */
function keepOrRemove(execution: Execution, listener: ElementInstance): void {
  if (listener.wait?.kind !== 'timer') return;
  const next = nextCycleWait(listener.wait as TimerWait);
  if (next) listener.wait = next;
  else execution.remove(listener);
}

/** The catch event after a won event race: takes the event's variables (once), else undefined. */
export function takeRaceEvent(execution: Execution, elementInstance: ElementInstance): { variables: Record<string, unknown> | undefined } | undefined {
  const winner = execution.eventRaceWinner;
  if (winner?.target !== elementInstance) return undefined;
  execution.eventRaceWinner = undefined;
  return { variables: winner.variables };
}
