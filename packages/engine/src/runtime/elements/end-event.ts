import type { EndEventNode } from '../../model/definition.js';
import type { ElementInstance } from '../../model/instance-state.js';
import { compensate } from '../compensation.js';
import type { ElementBehavior } from '../element-behavior.js';
import type { Execution } from '../execution.js';
import { throwEvent } from './throw-events.js';
import { terminateChildren } from '../scopes.js';

/**
 * End events. None: consumes the token; the scope completes once no token is left in it. Terminate:
 * terminates every other token of its scope first, so the scope (the sub-process, or at the top the whole
 * instance) completes at once. Error, escalation, signal, message, compensation: throw first (see
 * throw-events.ts), then end like a none end event.
 */
export const endEvent: ElementBehavior<EndEventNode> = {
  activate(execution, elementInstance, node) {
    const type = node.eventDefinition?.type;
    if (type === 'terminate') terminateChildren(execution, elementInstance.scopeId, elementInstance);
    else if (type === 'cancel') {
      cancelTransaction(execution, elementInstance);
      return;
    } else if (!throwEvent(execution, elementInstance, node)) return;
    execution.complete(elementInstance);
  },
};

/**
 * Cancel end event inside a transaction: compensates what the transaction completed, then the transaction
 * leaves through its cancel boundary event.
 */
function cancelTransaction(execution: Execution, elementInstance: ElementInstance): void {
  const transaction = elementInstance.scopeId === null ? undefined : execution.elementInstance(elementInstance.scopeId);
  if (!transaction) return;
  compensate(execution, elementInstance, undefined, transaction.scopeId);
  const node = execution.node(transaction.elementId);
  const boundaryId = (node.boundaryEvents ?? []).find((id) => {
    const boundary = execution.node(id);
    return boundary.type === 'boundaryEvent' && boundary.eventDefinition.type === 'cancel';
  });
  execution.terminate(transaction);
  if (boundaryId) execution.enter(boundaryId, transaction.scopeId);
}
