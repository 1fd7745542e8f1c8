/**
 * Timers of start, intermediate catch and boundary events: `timeDuration` / `timeDate` / `timeCycle` body ->
 * `{ kind, value }`; none -> MISSING_TIMER. A cycle is refused where `allowCycle` is false (intermediate catch
 * events) with UNSUPPORTED_ELEMENT. Literal values are checked as ISO 8601 during validation.
 */
import type { TimerDefinition } from '../model/definition.js';
import { trackExpression, type CompileContext, type TimerKind } from './compile-context.js';
import { addIssue } from './issues.js';
import { bodyText, elementProp, type ModdleElement } from './moddle-element.js';

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
