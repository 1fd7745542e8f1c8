import { cloneJson } from '../json-clone.js';
import type { StartTimerRecord } from './records.js';
import type { Store } from './store.js';

type StartTimerMethods = Pick<Store, 'replaceStartTimers' | 'dueStartTimers' | 'advanceStartTimer' | 'listStartTimers'>;

/** The in-memory store's timer start events: few (one per timer start event of a latest version), so a map. */
export function memoryStartTimers(): StartTimerMethods & { earliest(): number | undefined } {
  const timers = new Map<string, StartTimerRecord>();
  return {
    earliest() {
      let next: number | undefined;
      for (const timer of timers.values()) if (next === undefined || timer.dueAt < next) next = timer.dueAt;
      return next;
    },
    async replaceStartTimers(key, replacements) {
      for (const [id, timer] of timers) if (timer.key === key) timers.delete(id);
      for (const timer of replacements) timers.set(timer.id, cloneJson(timer));
    },
    async dueStartTimers(now, limit) {
      return [...timers.values()]
        .filter((timer) => timer.dueAt <= now)
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit)
        .map((timer) => cloneJson(timer));
    },
    async advanceStartTimer(fired, next) {
      if (timers.get(fired.id)?.dueAt !== fired.dueAt) return false;
      if (next) timers.set(fired.id, cloneJson(next));
      else timers.delete(fired.id);
      return true;
    },
    async listStartTimers() {
      return [...timers.values()].map((timer) => cloneJson(timer));
    },
  };
}
