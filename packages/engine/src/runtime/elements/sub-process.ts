import type { EventSubProcessNode, SubProcessNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { openEventSubProcessListeners } from '../listeners.js';

/**
 * Embedded sub-process and transaction: a scope. Starts at its none start event, listens for its event
 * sub-processes, and completes when no token is left inside.
 */
export const subProcess: ElementBehavior<SubProcessNode> = {
  activate(execution, elementInstance, node) {
    openEventSubProcessListeners(execution, elementInstance, node);
    execution.enter(node.startEvents[0], elementInstance.id);
  },
};

/** Event sub-process: started by its (already fired) start event inside a scope that is still running. */
export const eventSubProcess: ElementBehavior<EventSubProcessNode> = {
  activate(execution, elementInstance, node) {
    openEventSubProcessListeners(execution, elementInstance, node);
    execution.enter(node.startEvent, elementInstance.id);
  },
};
