import type { JobDefinition } from '../../model/activity-definitions.js';
import type { ElementInstance } from '../../model/instance-state.js';
import { evaluateString } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import type { Execution } from '../execution.js';

const DEFAULT_RETRIES = 3;

/**
 * Makes the element a job for a handler (service, send and business-rule tasks, message throw and end
 * events). The engine runs the handler registered for the type in the same command, or the job waits.
 */
export function waitForJob(execution: Execution, elementInstance: ElementInstance, job: JobDefinition): void {
  const variables = execution.variablesFor(elementInstance);
  const type = evaluateString(job.type, variables, execution.functions, execution.now);
  if (!type) {
    throw new EngineError('EXPRESSION_FAILED', `Job type of '${elementInstance.elementId}' evaluated to nothing`, {
      details: { elementId: elementInstance.elementId },
    });
  }
  const retries = job.retries === undefined ? DEFAULT_RETRIES : Number(evaluateString(job.retries, variables, execution.functions, execution.now));
  elementInstance.wait = {
    kind: 'job',
    jobKey: `${execution.state.id}.${elementInstance.id}`,
    type,
    attempts: 0,
    retries: Number.isInteger(retries) && retries >= 0 ? retries : DEFAULT_RETRIES,
  };
  if (job.headers) elementInstance.wait.headers = job.headers;
  if (job.resultVariable) elementInstance.wait.resultVariable = job.resultVariable;
  if (job.retryBackoff) elementInstance.wait.retryBackoff = job.retryBackoff;
  execution.pendingJobs.push(elementInstance);
}
