import type { ServiceTaskNode } from '../../model/definition.js';
import { evaluateExpression } from '../../expressions/evaluate.js';
import type { ElementBehavior } from '../element-behavior.js';
import { waitForJob } from '../waits/job-wait.js';

/**
 * Service, send and business-rule tasks. With a job definition the element waits as a job and the engine
 * calls the handler registered for its type (in the same command when one is registered). With
 * `camunda:expression` the expression is evaluated and the element completes at once.
 */
export const serviceTask: ElementBehavior<ServiceTaskNode> = {
  activate(execution, elementInstance, node) {
    if (node.expression) {
      const value = evaluateExpression(node.expression.expression, execution.variablesFor(elementInstance), execution.functions, execution.now);
      const resultVariable = node.expression.resultVariable;
      if (resultVariable) execution.setVariables(elementInstance, { [resultVariable]: value });
      execution.complete(elementInstance);
      return;
    }
    waitForJob(execution, elementInstance, node.job!);
  },
};
