/**
 * Messages of catch events, start events, boundary events, receive tasks and message throws:
 * `messageRef` -> the referenced `bpmn:message`'s `name` (Zeebe allows `= expr`), correlation key from that message's
 * `zeebe:subscription correlationKey`.
 * - `required` (catching events): no ref, or a message without name -> MISSING_MESSAGE.
 * - `optionalRef` (receive tasks): no ref is a plain wait state, triggered through the API; a nameless message is
 *   still MISSING_MESSAGE.
 * - `optional` (message throw and end events, which run a job or nothing): whatever is there, no issue.
 */
import type { MessageDefinition } from '../model/definition.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { addIssue } from './issues.js';
import { elementProp, findExtension, stringProp, type ModdleElement } from './moddle-element.js';

export type MessageRequirement = 'required' | 'optionalRef' | 'optional';

/** Reads `holder.messageRef`; `holder` is a message event definition or a receive task. */
export function readMessage(
  context: CompileContext,
  element: ModdleElement,
  holder: ModdleElement,
  requirement: MessageRequirement = 'required',
): MessageDefinition | undefined {
  const message = elementProp(holder, 'messageRef');
  if (!message) {
    if (requirement === 'required') {
      addIssue(context.sink, 'MISSING_MESSAGE', element, 'No message is referenced (messageRef)', { path: 'messageRef' });
    }
    return undefined;
  }
  const name = stringProp(message, 'name');
  if (!name) {
    if (requirement !== 'optional') {
      addIssue(context.sink, 'MISSING_MESSAGE', element, `The message '${message.id}' has no name`, { path: 'messageRef.name' });
    }
    return undefined;
  }
  const definition: MessageDefinition = { name: trackExpression(context, element, 'messageRef.name', name) };
  const subscription = findExtension(message, 'zeebe:Subscription');
  const correlationKey = subscription && stringProp(subscription, 'correlationKey');
  if (correlationKey) {
    definition.correlationKey = trackExpression(context, element, 'zeebe:subscription.correlationKey', correlationKey);
  }
  return definition;
}
