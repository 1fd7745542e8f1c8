import type { ElementInstance, InstanceState } from '../model/instance-state.js';

/**
 * Variables visible from an element instance: the process variables overlaid with the local variables of
 * every enclosing scope, innermost last. Without local variables this is the process variables object
 * itself (read-only by convention), so the common case allocates nothing.
 */
export function visibleVariables(state: InstanceState, elementInstance: ElementInstance | undefined): Record<string, unknown> {
  let chain: ElementInstance[] | undefined;
  for (let current = elementInstance; current; current = parentOf(state, current)) {
    if (current.variables) (chain ??= []).push(current);
  }
  if (!chain) return state.variables;
  const merged: Record<string, unknown> = { ...state.variables };
  for (let index = chain.length - 1; index >= 0; index--) Object.assign(merged, chain[index].variables);
  return merged;
}

/**
 * Sets variables the way Camunda does: each name is written to the nearest scope (starting at
 * `elementInstance`) that already defines it, else to the process.
 */
export function propagateVariables(
  state: InstanceState,
  elementInstance: ElementInstance | undefined,
  values: Record<string, unknown>,
): void {
  for (const name of Object.keys(values)) {
    let target: Record<string, unknown> = state.variables;
    for (let current = elementInstance; current; current = parentOf(state, current)) {
      if (current.variables && Object.hasOwn(current.variables, name)) {
        target = current.variables;
        break;
      }
    }
    target[name] = values[name];
  }
}

export function parentOf(state: InstanceState, elementInstance: ElementInstance): ElementInstance | undefined {
  if (elementInstance.scopeId === null) return undefined;
  return state.elements.find((candidate) => candidate.id === elementInstance.scopeId);
}
