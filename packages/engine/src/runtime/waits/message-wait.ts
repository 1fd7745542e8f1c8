import type { MessageDefinition } from '../../model/definition.js';
import type { ElementInstance } from '../../model/instance-state.js';
import { evaluateString } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import type { Execution } from '../execution.js';

/**
 * Opens a message subscription: the message name (may be an expression in Zeebe models) and, when the
 * model gives one, the correlation key evaluated now, as Zeebe does.
 */
export function waitForMessage(
  execution: Execution,
  elementInstance: ElementInstance,
  message: MessageDefinition,
  variablesFrom: ElementInstance | undefined = elementInstance,
): void {
  const variables = execution.variablesFor(variablesFrom);
  const messageName = evaluateString(message.name, variables, execution.functions, execution.now);
  if (!messageName) {
    throw new EngineError('EXPRESSION_FAILED', `Message name of '${elementInstance.elementId}' evaluated to nothing`, {
      details: { elementId: elementInstance.elementId },
    });
  }
  const correlationKey = message.correlationKey === undefined ? null : (evaluateString(message.correlationKey, variables, execution.functions, execution.now) ?? null);
  elementInstance.wait = {
    kind: 'message',
    subscriptionId: `${execution.state.id}.${elementInstance.id}`,
    messageName,
    correlationKey,
  };
}
