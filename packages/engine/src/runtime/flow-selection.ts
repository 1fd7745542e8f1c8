import type { FlowNode } from '../model/definition.js';
import type { ElementInstance } from '../model/instance-state.js';
import { evaluateCondition } from '../expressions/evaluate.js';
import type { Execution } from './execution.js';
import { raiseIncident } from './incidents.js';

/**
 * Outgoing flows of an activity or event (uncontrolled flow): every unconditional flow and every flow
 * whose condition is true; the `default` flow only when none of them is taken; no outgoing flow at all is
 * an implicit end. Conditional flows that are all false, with no default, raise NO_FLOW_SELECTED.
 */
export function selectOutgoingFlows(execution: Execution, elementInstance: ElementInstance, node: FlowNode): string[] | undefined {
  if (node.outgoing.length === 0) return node.outgoing;
  return selectFlows(execution, elementInstance, node, 'all');
}

/**
 * Shared by activities and gateways. `first`: the first flow (document order) whose condition holds
 * (exclusive gateway); `all`: every such flow (inclusive gateway, activities). Falls back to the default.
 */
export function selectFlows(
  execution: Execution,
  elementInstance: ElementInstance,
  node: FlowNode,
  mode: 'first' | 'all',
): string[] | undefined {
  const defaultFlow = 'defaultFlow' in node ? node.defaultFlow : undefined;
  const selected: string[] = [];
  let variables: Record<string, unknown> | undefined;
  for (const flowId of node.outgoing) {
    if (flowId === defaultFlow) continue;
    const condition = execution.flow(flowId).condition;
    if (condition !== undefined) {
      variables ??= execution.variablesFor(elementInstance);
      if (!evaluateCondition(condition, variables, execution.functions, execution.now)) continue;
    }
    selected.push(flowId);
    if (mode === 'first') return selected;
  }
  if (selected.length > 0) return selected;
  if (defaultFlow !== undefined) return [defaultFlow];
  raiseIncident(execution, 
    elementInstance,
    'NO_FLOW_SELECTED',
    `No outgoing sequence flow of '${node.id}' could be selected: no condition is true and there is no default flow`,
  );
  return undefined;
}
