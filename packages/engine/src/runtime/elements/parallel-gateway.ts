import type { GatewayNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { recordArrival, consumeArrivals } from '../joins.js';

/**
 * Parallel gateway. Join: waits until a token has arrived over every incoming flow, then fires once,
 * consuming one token per flow (extra tokens wait for the next round). Fork: takes every outgoing flow,
 * ignoring conditions.
 */
export const parallelGateway: ElementBehavior<GatewayNode> = {
  activate(execution, elementInstance) {
    execution.complete(elementInstance);
  },
  selectOutgoing(_execution, _elementInstance, node) {
    return node.outgoing;
  },
  arrive(execution, flow, node, scopeId) {
    const join = recordArrival(execution.state, node.id, flow.id, scopeId);
    if (node.incoming.every((flowId) => (join.arrived[flowId] ?? 0) > 0)) {
      consumeArrivals(execution.state, join);
      execution.enter(node.id, scopeId);
    }
  },
};
