import type { GatewayNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { selectFlows } from '../flow-selection.js';
import { consumeArrivals, recordArrival } from '../joins.js';

/**
 * Inclusive gateway. Fork: every flow whose condition is true, else the default; none raises
 * NO_FLOW_SELECTED. Join (BPMN 2.0 / Camunda semantics, not dead-path elimination): the arrived tokens wait
 * while any other token of the same scope sits on an element from which the gateway can still be reached;
 * when none can, the gateway fires once, consuming one token per arrived flow.
 */
export const inclusiveGateway: ElementBehavior<GatewayNode> = {
  activate(execution, elementInstance) {
    execution.complete(elementInstance);
  },
  selectOutgoing(execution, elementInstance, node) {
    return selectFlows(execution, elementInstance, node, 'all');
  },
  arrive(execution, flow, node, scopeId) {
    recordArrival(execution.state, node.id, flow.id, scopeId);
  },
  settle(execution, join, node) {
    const upstream = execution.process.model.inclusiveJoinUpstream[node.id] ?? [];
    if (upstream.length > 0) {
      const reachable = new Set(upstream);
      for (const token of execution.state.elements) {
        if (token.scopeId === join.scopeId && reachable.has(token.elementId)) return false;
      }
      for (const other of execution.state.joins) {
        if (other !== join && other.scopeId === join.scopeId && reachable.has(other.elementId)) return false;
      }
    }
    consumeArrivals(execution.state, join);
    execution.enter(node.id, join.scopeId);
    return true;
  },
};
