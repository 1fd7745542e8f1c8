import type { EndEventNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';

/**
 * None end event: consumes the token; the scope completes once no token is left in it.
 * Terminate end event: terminates every other token of its scope first, so the scope (the sub-process, or
 * at the top the whole instance) completes at once.
 */
export const endEvent: ElementBehavior<EndEventNode> = {
  activate(execution, elementInstance, node) {
    if (node.eventDefinition?.type === 'terminate') execution.terminateChildren(elementInstance.scopeId, elementInstance);
    execution.complete(elementInstance);
  },
};
