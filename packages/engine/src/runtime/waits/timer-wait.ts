import type { TimerDefinition } from '../../model/definition.js';
import type { ElementInstance } from '../../model/instance-state.js';
import { evaluateExpression } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import { addDuration, parseDateTime, parseDuration } from '../../iso8601.js';
import type { Execution } from '../execution.js';

/** Evaluates a timer definition to the epoch-ms time it is due, relative to the command's clock. */
export function timerDueAt(execution: Execution, elementInstance: ElementInstance, timer: TimerDefinition): number {
  const value = evaluateExpression(timer.value, execution.variablesFor(elementInstance));
  if (typeof value !== 'string' || value.trim() === '') {
    throw new EngineError('EXPRESSION_FAILED', `Timer of '${elementInstance.elementId}' evaluated to ${JSON.stringify(value)}, not an ISO 8601 text`, {
      details: { elementId: elementInstance.elementId },
    });
  }
  const text = value.trim();
  if (timer.kind === 'date') return parseDateTime(text);
  if (timer.kind === 'duration') return addDuration(execution.now, parseDuration(text));
  throw new EngineError('EXPRESSION_FAILED', `Timer cycles are not supported on '${elementInstance.elementId}'`, {
    details: { elementId: elementInstance.elementId },
  });
}

/** Puts the element instance in a timer wait; the engine's scheduler fires it when the clock reaches it. */
export function waitForTimer(execution: Execution, elementInstance: ElementInstance, timer: TimerDefinition): void {
  elementInstance.wait = {
    kind: 'timer',
    timerId: `${execution.state.id}.${elementInstance.id}`,
    dueAt: timerDueAt(execution, elementInstance, timer),
  };
}
