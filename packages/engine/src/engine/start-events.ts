import { evaluateExpression, evaluateString } from '../expressions/evaluate.js';
import { firstFiring, nextFiring } from '../runtime/waits/timer-schedule.js';
import type { StartEventNode } from '../model/definition.js';
import type { PinnedProcess } from '../runtime/execution.js';
import type { StartTimerRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { DefinitionRegistry } from './definition-registry.js';

/**
 * Message, signal and timer start events of deployed processes. Only the latest version of each key
 * listens: deploying a new version moves its start events (and replaces its start timers).
 */
export async function latestStartEvents(
  store: Store,
  definitions: DefinitionRegistry,
  kind: 'message' | 'signal',
  name: string,
): Promise<Array<{ process: PinnedProcess; startEventId: string }>> {
  const latest = new Map<string, string>();
  for (const record of await store.listDefinitions()) latest.set(record.key, record.id);
  const found: Array<{ process: PinnedProcess; startEventId: string }> = [];
  for (const definitionId of latest.values()) {
    const process = await definitions.pinned(definitionId);
    for (const startEventId of process.model.eventStartEvents ?? []) {
      const definition = (process.model.nodes[startEventId] as StartEventNode).eventDefinition;
      const eventName =
        definition?.type === 'message' ? definition.message.name : definition?.type === 'signal' ? definition.signalName : undefined;
      if (definition?.type === kind && eventName !== undefined && evaluateString(eventName, {}) === name) found.push({ process, startEventId });
    }
  }
  return found;
}

/** The start timers of a newly deployed version, first due relative to `now`. */
export function startTimersOf(process: PinnedProcess, now: number): StartTimerRecord[] {
  const timers: StartTimerRecord[] = [];
  for (const startEventId of process.model.eventStartEvents ?? []) {
    const definition = (process.model.nodes[startEventId] as StartEventNode).eventDefinition;
    if (definition?.type !== 'timer') continue;
    const text = String(evaluateExpression(definition.timer.value, {}, undefined, now)).trim();
    const { dueAt, cycle } = firstFiring(definition.timer.kind, text, now);
    const timer: StartTimerRecord = { id: `${process.definitionId}#${startEventId}`, definitionId: process.definitionId, key: process.key, elementId: startEventId, dueAt };
    if (cycle) timer.cycle = cycle;
    timers.push(timer);
  }
  return timers;
}

/** After a start timer fired: its next firing, or null when the cycle is used up (or it fires once). */
export function nextStartTimer(timer: StartTimerRecord): StartTimerRecord | null {
  const next = nextFiring(timer.dueAt, timer.cycle);
  return next ? { ...timer, ...next } : null;
}
