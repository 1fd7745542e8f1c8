/**
 * Messages and timers of catch events and receive tasks.
 * - message: `messageRef` -> the referenced `bpmn:message`'s `name` (Zeebe allows `= expr`), correlation key from
 *   that message's `zeebe:subscription correlationKey`. No ref, or a message without name -> MISSING_MESSAGE.
 * - timer: `timeDuration` / `timeDate` / `timeCycle` body -> `{ kind, value }`; none -> MISSING_TIMER. A cycle is
 *   refused where `allowCycle` is false (intermediate catch events) with UNSUPPORTED_ELEMENT. Literal values are
 *   checked as ISO 8601 during validation.
 */
import type { MessageDefinition, TimerDefinition } from '../model/definition.js';
import { trackExpression, type CompileContext, type TimerKind } from './compile-context.js';
import { addIssue } from './issues.js';
import { bodyText, elementProp, findExtension, stringProp, type ModdleElement } from './moddle-element.js';

/** Reads `holder.messageRef`; `holder` is a message event definition or a receive task. */
export function readMessage(context: CompileContext, element: ModdleElement, holder: ModdleElement): MessageDefinition | undefined {
  const message = elementProp(holder, 'messageRef');
  if (!message) {
    addIssue(context.sink, 'MISSING_MESSAGE', element, 'No message is referenced (messageRef)', { path: 'messageRef' });
    return undefined;
  }
  const name = stringProp(message, 'name');
  if (!name) {
    addIssue(context.sink, 'MISSING_MESSAGE', element, `The message '${message.id}' has no name`, { path: 'messageRef.name' });
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

const TIMER_FIELDS: ReadonlyArray<readonly [string, TimerKind]> = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
];

export function readTimer(
  context: CompileContext,
  element: ModdleElement,
  definition: ModdleElement,
  allowCycle: boolean,
): TimerDefinition | undefined {
  for (const [field, kind] of TIMER_FIELDS) {
    const value = bodyText(elementProp(definition, field));
    if (value === undefined) continue;
    if (kind === 'cycle' && !allowCycle) {
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, 'A timer cycle is not allowed on an intermediate catch event', {
        path: field,
        elementType: `${element.$type}+${definition.$type}`,
      });
      return undefined;
    }
    return { kind, value: trackExpression(context, element, field, value, kind) };
  }
  addIssue(context.sink, 'MISSING_TIMER', element, 'The timer has no timeDuration, timeDate or timeCycle', { path: 'timerEventDefinition' });
  return undefined;
}
