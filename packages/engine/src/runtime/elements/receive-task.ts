import type { ReceiveTaskNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { waitForMessage } from '../waits/message-wait.js';

/** Receive task: waits for its message, like an intermediate message catch event. */
export const receiveTask: ElementBehavior<ReceiveTaskNode> = {
  activate(execution, elementInstance, node) {
    waitForMessage(execution, elementInstance, node.message);
  },
};
