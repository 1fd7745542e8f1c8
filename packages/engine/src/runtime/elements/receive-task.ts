import type { ReceiveTaskNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { waitForMessage } from '../waits/message-wait.js';
import { takeRaceEvent } from '../event-triggers.js';

/**
 * Receive task: waits for its message, like an intermediate message catch event. Without a message (Camunda
 * 7 style) it is a plain wait state that `engine.trigger` ends.
 */
export const receiveTask: ElementBehavior<ReceiveTaskNode> = {
  activate(execution, elementInstance, node) {
    const happened = takeRaceEvent(execution, elementInstance);
    if (happened) {
      execution.resume(elementInstance, happened.variables);
      return;
    }
    if (node.message) waitForMessage(execution, elementInstance, node.message);
    else elementInstance.wait = { kind: 'trigger' };
  },
};
