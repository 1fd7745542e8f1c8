import type { SubProcessNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';

/** Embedded sub-process: a scope. Starts at its none start event; completes when no token is left inside. */
export const subProcess: ElementBehavior<SubProcessNode> = {
  activate(execution, elementInstance, node) {
    execution.enter(node.startEvents[0], elementInstance.id);
  },
};
