import type { ElementInstance } from '../model/instance-state.js';
import type { Execution } from './execution.js';

/**
 * Async continuations (`camunda:asyncBefore` / `asyncAfter`): the command commits with the element waiting
 * as a job of this type; the job executor (which always handles it) continues from there in a command of
 * its own, so a failure after the boundary never rolls back the work before it.
 */
export const CONTINUATION_JOB_TYPE = 'pravah:continue';

export function awaitContinuation(execution: Execution, elementInstance: ElementInstance, at: 'before' | 'after'): void {
  elementInstance.wait = {
    kind: 'job',
    jobKey: `${execution.state.id}.${elementInstance.id}`,
    type: CONTINUATION_JOB_TYPE,
    attempts: 0,
    retries: 1,
    continuation: at,
  };
}

/** Goes on where the continuation waited: activation (before) or leaving (after). */
export function continueAfterCommit(execution: Execution, elementInstance: ElementInstance): void {
  const wait = elementInstance.wait;
  if (wait?.kind !== 'job' || wait.continuation === undefined) return;
  elementInstance.wait = undefined;
  if (wait.continuation === 'before') {
    execution.continuing.add(elementInstance);
    execution.activate(elementInstance);
  } else execution.leave(elementInstance);
  execution.run();
}
