import type { ServiceTaskNode } from '../../model/definition.js';
import { evaluateExpression, evaluateString } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import { propagateVariables } from '../variables.js';
import type { ElementBehavior } from '../element-behavior.js';

const DEFAULT_RETRIES = 3;

/**
 * Service, send and business-rule tasks. With a job definition the element waits as a job and the engine
 * calls the handler registered for its type (in the same command when one is registered). With
 * `camunda:expression` the expression is evaluated and the element completes at once.
 */
export const serviceTask: ElementBehavior<ServiceTaskNode> = {
  activate(execution, elementInstance, node) {
    const variables = execution.variablesFor(elementInstance);
    if (node.expression) {
      const value = evaluateExpression(node.expression.expression, variables);
      const resultVariable = node.expression.resultVariable;
      if (resultVariable) {
        propagateVariables(execution.state, elementInstance, { [resultVariable]: value });
        execution.record({ type: 'variables-changed', elementId: node.id, variables: { [resultVariable]: value } });
      }
      execution.complete(elementInstance);
      return;
    }
    const job = node.job!;
    const type = evaluateString(job.type, variables);
    if (!type) throw new EngineError('EXPRESSION_FAILED', `Job type of '${node.id}' evaluated to nothing`, { details: { elementId: node.id } });
    const retries = job.retries === undefined ? DEFAULT_RETRIES : Number(evaluateString(job.retries, variables));
    elementInstance.wait = {
      kind: 'job',
      jobKey: `${execution.state.id}.${elementInstance.id}`,
      type,
      attempts: 0,
      retries: Number.isInteger(retries) && retries >= 0 ? retries : DEFAULT_RETRIES,
      ...(job.headers ? { headers: job.headers } : {}),
    };
    execution.pendingJobs.push(elementInstance);
  },
};
