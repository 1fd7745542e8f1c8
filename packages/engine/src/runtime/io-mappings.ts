import { evaluateExpression } from '../expressions/evaluate.js';
import type { FlowNode } from '../model/definition.js';
import type { ElementInstance } from '../model/instance-state.js';
import type { Execution } from './execution.js';
import { propagateVariables } from './variables.js';

/** Input mappings: evaluated in the parent scope, they become local variables of the element instance. */
export function applyInputs(execution: Execution, elementInstance: ElementInstance, node: FlowNode): void {
  const local: Record<string, unknown> = {};
  const scopeVariables = execution.variablesFor(execution.elementInstance(elementInstance.scopeId ?? ''));
  for (const mapping of node.inputs ?? []) {
    local[mapping.target] = evaluateExpression(mapping.source, { ...scopeVariables, ...local }, execution.functions, execution.now);
  }
  elementInstance.variables = { ...elementInstance.variables, ...local };
}

/** Output mappings: evaluated with the element's local variables visible, written to its parent scope. */
export function applyOutputs(execution: Execution, elementInstance: ElementInstance, node: FlowNode): void {
  const visible = execution.variablesFor(elementInstance);
  const values: Record<string, unknown> = {};
  for (const mapping of node.outputs ?? []) values[mapping.target] = evaluateExpression(mapping.source, visible, execution.functions, execution.now);
  const parent = elementInstance.scopeId === null ? undefined : execution.elementInstance(elementInstance.scopeId);
  propagateVariables(execution.state, parent, values);
  if (Object.keys(values).length > 0) execution.record({ type: 'variables-changed', elementId: node.id, variables: values });
}
