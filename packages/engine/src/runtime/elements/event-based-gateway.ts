import type { EventDefinition, GatewayNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { openListener } from '../listeners.js';

/**
 * Event-based gateway: listens for the events of the catch events (or receive tasks) after it. The first
 * that happens wins: the gateway takes that flow, the catch event passes on with the event's variables,
 * and every other listener is cancelled.
 */
export const eventBasedGateway: ElementBehavior<GatewayNode> = {
  activate(execution, elementInstance, node) {
    for (const flowId of node.outgoing) {
      const target = execution.node(execution.flow(flowId).targetId);
      let definition: EventDefinition | undefined;
      if (target.type === 'intermediateCatchEvent') definition = target.eventDefinition;
      else if (target.type === 'receiveTask' && target.message) definition = { type: 'message', message: target.message };
      if (definition) openListener(execution, target.id, elementInstance.scopeId, elementInstance.id, definition, elementInstance);
    }
  },
  selectOutgoing(execution, elementInstance) {
    const winner = execution.eventRaceWinner;
    return winner?.gateway === elementInstance ? [winner.flowId] : [];
  },
};
