import type { IntermediateThrowEventNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { throwEvent } from './throw-events.js';

/**
 * Intermediate throw events. None: a milestone, passes straight on. Signal: broadcast to every subscriber
 * (after this command commits). Escalation: caught outwards, then continues unless an interrupting catch
 * ended it. Link: jumps to the link catch of the same name. Message: a job for a handler. Compensation:
 * runs the compensation handlers, then continues.
 */
export const intermediateThrowEvent: ElementBehavior<IntermediateThrowEventNode> = {
  activate(execution, elementInstance, node) {
    if (throwEvent(execution, elementInstance, node)) execution.complete(elementInstance);
  },
};
