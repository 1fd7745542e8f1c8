import type { ElementInstance } from '../model/instance-state.js';
import type { Execution } from './execution.js';

/**
 * Compensation: every completed activity that has a compensation handler was recorded in
 * `state.compensations` (once per completed multi-instance iteration). Throwing compensation for one
 * activity (`activityRef`) or for the whole scope of the thrower runs the handlers of the matching records
 * in reverse order of completion, each once, with the local variables the activity had.
 */
export function compensate(
  execution: Execution,
  thrower: ElementInstance,
  activityRef: string | undefined,
  enterIn: string | null = thrower.scopeId,
): number {
  const records = execution.state.compensations ?? [];
  const chosen = records.filter((record) => record.scopeId === thrower.scopeId && (activityRef === undefined || record.elementId === activityRef));
  if (chosen.length === 0) return 0;
  execution.state.compensations = records.filter((record) => !chosen.includes(record));
  for (const record of chosen.reverse()) {
    const handlerId = execution.node(record.elementId).compensationHandler;
    if (!handlerId) continue;
    const handler = execution.enter(handlerId, enterIn);
    if (record.variables) handler.variables = { ...record.variables };
  }
  return chosen.length;
}
