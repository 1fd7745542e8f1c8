import type { IntermediateCatchEventNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { waitForMessage } from '../waits/message-wait.js';
import { waitForTimer } from '../waits/timer-wait.js';

/** Timer or message intermediate catch: waits until the timer is due or the message is correlated. */
export const intermediateCatchEvent: ElementBehavior<IntermediateCatchEventNode> = {
  activate(execution, elementInstance, node) {
    const definition = node.eventDefinition;
    if (definition.type === 'timer') waitForTimer(execution, elementInstance, definition.timer);
    else if (definition.type === 'message') waitForMessage(execution, elementInstance, definition.message);
  },
};
