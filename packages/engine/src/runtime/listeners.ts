import type { EventDefinition, FlowNode, ScopeParts } from '../model/definition.js';
import type { ElementInstance } from '../model/instance-state.js';
import type { Execution } from './execution.js';
import { waitForMessage } from './waits/message-wait.js';
import { waitForSignal } from './waits/signal-wait.js';
import { waitForTimer } from './waits/timer-wait.js';

/**
 * Listeners are element instances that wait for an event on behalf of something else: a boundary event on
 * an activity instance, an event sub-process start on its scope, a catch event after an event-based
 * gateway. They carry `attachedTo` and are not tokens: they never make a scope look busy, produce no
 * history until they fire, and disappear with what they listen on.
 *
 * Only events that arrive from outside need listeners (timer, message, signal, condition). Errors,
 * escalations and compensation are found structurally when thrown (`error-propagation.ts`).
 */
const LISTENABLE = new Set<EventDefinition['type']>(['timer', 'message', 'signal', 'conditional']);

export function isListenable(definition: EventDefinition | undefined): boolean {
  return definition !== undefined && LISTENABLE.has(definition.type);
}

/** Creates one listener for `elementId` (a boundary event, start event or catch event) attached to `attachedTo`. */
export function openListener(
  execution: Execution,
  elementId: string,
  scopeId: string | null,
  attachedTo: string | null,
  definition: EventDefinition,
  variablesFrom: ElementInstance | undefined,
): ElementInstance {
  const listener: ElementInstance = {
    id: String(execution.state.nextId++),
    elementId,
    scopeId,
    state: 'active',
    enteredAt: execution.now,
    attachedTo,
  };
  execution.state.elements.push(listener);
  armListener(execution, listener, definition, variablesFrom);
  return listener;
}

/** Gives a listener its wait; expressions are evaluated with the variables of `variablesFrom`. */
export function armListener(execution: Execution, listener: ElementInstance, definition: EventDefinition, variablesFrom: ElementInstance | undefined): void {
  switch (definition.type) {
    case 'timer':
      waitForTimer(execution, listener, definition.timer, variablesFrom);
      break;
    case 'message':
      waitForMessage(execution, listener, definition.message, variablesFrom);
      break;
    case 'signal':
      waitForSignal(execution, listener, definition.signalName, variablesFrom);
      break;
    case 'conditional':
      listener.wait = { kind: 'condition' };
      break;
    default:
      break;
  }
}

/** Boundary events of an activity that just became active. */
export function openBoundaryListeners(execution: Execution, activity: ElementInstance, node: FlowNode): void {
  for (const boundaryId of node.boundaryEvents ?? []) {
    const boundary = execution.node(boundaryId);
    if (boundary.type !== 'boundaryEvent' || !isListenable(boundary.eventDefinition)) continue;
    openListener(execution, boundaryId, activity.scopeId, activity.id, boundary.eventDefinition, activity);
  }
}

/** Event sub-process starts of a scope that just started (`scope` undefined: the process). */
export function openEventSubProcessListeners(execution: Execution, scope: ElementInstance | undefined, parts: ScopeParts): void {
  for (const subProcessId of parts.eventSubProcesses ?? []) {
    const subProcess = execution.node(subProcessId);
    if (subProcess.type !== 'eventSubProcess') continue;
    const start = execution.node(subProcess.startEvent);
    if (start.type !== 'startEvent' || !isListenable(start.eventDefinition)) continue;
    openListener(execution, start.id, scope?.id ?? null, scope?.id ?? null, start.eventDefinition!, scope);
  }
}

/** Removes, silently, every listener attached to `attachedTo`. */
export function closeListeners(execution: Execution, attachedTo: string): void {
  const elements = execution.state.elements;
  if (!elements.some((element) => element.attachedTo === attachedTo)) return;
  execution.state.elements = elements.filter((element) => element.attachedTo !== attachedTo);
}

export function isListener(elementInstance: ElementInstance): boolean {
  return elementInstance.attachedTo !== undefined;
}
