import type { FlowNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';

/** Elements with no work of their own: none start/intermediate events, `task`, `manualTask`. */
export const passThrough: ElementBehavior<FlowNode> = {
  activate(execution, elementInstance) {
    execution.complete(elementInstance);
  },
};
