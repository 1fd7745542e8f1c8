import type { GatewayNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { selectFlows } from '../flow-selection.js';

/**
 * Exclusive gateway: takes the first outgoing flow (document order) whose condition is true, else the
 * default flow; none selectable raises NO_FLOW_SELECTED. Every arriving token passes on its own (no join).
 */
export const exclusiveGateway: ElementBehavior<GatewayNode> = {
  activate(execution, elementInstance) {
    execution.complete(elementInstance);
  },
  selectOutgoing(execution, elementInstance, node) {
    return selectFlows(execution, elementInstance, node, 'first');
  },
};
