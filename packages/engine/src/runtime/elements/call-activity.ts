import type { CallActivityNode } from '../../model/definition.js';
import type { CallMapping } from '../../model/activity-definitions.js';
import { evaluateExpression, evaluateString } from '../../expressions/evaluate.js';
import type { ExpressionFunctions } from '../../expressions/compile-expression.js';
import { EngineError } from '../../errors.js';
import type { ElementBehavior } from '../element-behavior.js';

/**
 * Call activity: starts an instance of another process (after this command commits) and waits for it.
 * Variables go in by `camunda:in` or, Zeebe style, all visible variables; they come back by `camunda:out`
 * or all of the child's variables (`propagateAllChildVariables`). Ending the call activity cancels the child;
 * a BPMN error the child does not catch can be caught on the call activity.
 */
export const callActivity: ElementBehavior<CallActivityNode> = {
  activate(execution, elementInstance, node) {
    const called = node.calledElement;
    const visible = execution.variablesFor(elementInstance);
    const processId = evaluateString(called.processId, visible, execution.functions, execution.now);
    if (!processId) throw new EngineError('EXPRESSION_FAILED', `Called element of '${node.id}' evaluated to nothing`, { details: { elementId: node.id } });
    let version: number | undefined;
    if (called.binding === 'version') {
      version = Number(evaluateExpression(called.version ?? '', visible, execution.functions, execution.now));
      if (!Number.isInteger(version)) throw new EngineError('EXPRESSION_FAILED', `Called element version of '${node.id}' is not a number`, { details: { elementId: node.id } });
    }
    const childInstanceId = `${execution.state.id}.${elementInstance.id}`;
    elementInstance.wait = { kind: 'child', childInstanceId };
    execution.effects.push({
      kind: 'start-child',
      childInstanceId,
      parent: { instanceId: execution.state.id, elementInstanceId: elementInstance.id, definitionId: execution.process.definitionId },
      processId,
      binding: called.binding,
      ...(version === undefined ? {} : { version }),
      variables: mapVariables(called.propagateAllParentVariables ? visible : {}, called.inputs, visible, execution.functions),
      businessKey: execution.state.businessKey,
    });
  },
};

/** Applies `camunda:in` / `camunda:out` mappings on top of `base`, reading from `source`. */
export function mapVariables(
  base: Record<string, unknown>,
  mappings: CallMapping[] | undefined,
  source: Record<string, unknown>,
  functions: ExpressionFunctions | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const mapping of mappings ?? []) {
    if (mapping.all) Object.assign(result, source);
    else if (mapping.target !== undefined) {
      result[mapping.target] = mapping.sourceExpression !== undefined ? evaluateExpression(mapping.sourceExpression, source, functions) : source[mapping.source ?? mapping.target];
    }
  }
  return result;
}
