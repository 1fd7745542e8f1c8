import type { TimerDefinition } from '../../model/definition.js';
import { addDuration, parseCycle, parseDateTime, parseDuration } from '../../iso8601.js';

/** A cycle in progress: firings left after the current one (null: unbounded) and the ISO interval. */
export interface TimerCycle {
  remaining: number | null;
  interval: string;
}

/**
 * When a timer definition (already evaluated to ISO 8601 text) first fires, relative to `now`: a date, a
 * duration from now, or the first firing of a cycle (`R3/PT1H`: in an hour, then twice more;
 * `R/PT1H`: every hour until cancelled; `R2/2026-01-01T00:00:00Z/P1D`: from a start date).
 */
export function firstFiring(kind: TimerDefinition['kind'], text: string, now: number): { dueAt: number; cycle?: TimerCycle } {
  if (kind === 'date') return { dueAt: parseDateTime(text) };
  if (kind === 'duration') return { dueAt: addDuration(now, parseDuration(text)) };
  const cycle = parseCycle(text);
  return {
    dueAt: cycle.start ?? addDuration(now, cycle.interval),
    cycle: { remaining: cycle.repetitions === null ? null : cycle.repetitions - 1, interval: text.slice(text.lastIndexOf('/') + 1) },
  };
}

/** After a cycle fired at `dueAt`: the next firing, or undefined when it is used up (or was no cycle). */
export function nextFiring(dueAt: number, cycle: TimerCycle | undefined): { dueAt: number; cycle: TimerCycle } | undefined {
  if (!cycle || cycle.remaining === 0) return undefined;
  return {
    dueAt: addDuration(dueAt, parseDuration(cycle.interval)),
    cycle: { remaining: cycle.remaining === null ? null : cycle.remaining - 1, interval: cycle.interval },
  };
}
