import type { ScriptTaskNode } from '../../model/definition.js';
import { evaluateExpression } from '../../expressions/evaluate.js';
import type { ElementBehavior } from '../element-behavior.js';

/** Script task: evaluates a FEEL (or JUEL) expression and stores the result in `resultVariable`. */
export const scriptTask: ElementBehavior<ScriptTaskNode> = {
  activate(execution, elementInstance, node) {
    const value = evaluateExpression(node.script.expression, execution.variablesFor(elementInstance), execution.functions, execution.now);
    const resultVariable = node.script.resultVariable;
    if (resultVariable) execution.setVariables(elementInstance, { [resultVariable]: value });
    execution.complete(elementInstance);
  },
};
