import type { TimerDefinition } from '../../model/definition.js';
import type { ElementInstance, TimerWait } from '../../model/instance-state.js';
import { evaluateExpression } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import { addDuration, parseCycle, parseDateTime, parseDuration } from '../../iso8601.js';
import type { Execution } from '../execution.js';

/** Evaluates a timer definition to its text (ISO 8601), relative to nothing yet. */
function timerText(execution: Execution, elementInstance: ElementInstance, timer: TimerDefinition, variablesFrom: ElementInstance | undefined): string {
  const value = evaluateExpression(timer.value, execution.variablesFor(variablesFrom), execution.functions, execution.now);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new EngineError('EXPRESSION_FAILED', `Timer of '${elementInstance.elementId}' evaluated to ${JSON.stringify(value)}, not an ISO 8601 text`, {
      details: { elementId: elementInstance.elementId },
    });
  }
  return value.trim();
}

/**
 * The wait for a timer definition, due relative to the command's clock: a date, a duration from now, or the
 * first firing of a cycle (`R3/PT1H`: in an hour, then twice more; `R/PT1H`: every hour until cancelled).
 */
export function timerWait(
  execution: Execution,
  elementInstance: ElementInstance,
  timer: TimerDefinition,
  variablesFrom: ElementInstance | undefined = elementInstance,
): TimerWait {
  const text = timerText(execution, elementInstance, timer, variablesFrom);
  const timerId = `${execution.state.id}.${elementInstance.id}`;
  if (timer.kind === 'date') return { kind: 'timer', timerId, dueAt: parseDateTime(text) };
  if (timer.kind === 'duration') return { kind: 'timer', timerId, dueAt: addDuration(execution.now, parseDuration(text)) };
  const cycle = parseCycle(text);
  const interval = text.slice(text.lastIndexOf('/') + 1);
  const dueAt = cycle.start ?? addDuration(execution.now, cycle.interval);
  return { kind: 'timer', timerId, dueAt, cycle: { remaining: cycle.repetitions === null ? null : cycle.repetitions - 1, interval } };
}

/** Puts the element instance in a timer wait; the engine's scheduler fires it when the clock reaches it. */
export function waitForTimer(
  execution: Execution,
  elementInstance: ElementInstance,
  timer: TimerDefinition,
  variablesFrom: ElementInstance | undefined = elementInstance,
): void {
  elementInstance.wait = timerWait(execution, elementInstance, timer, variablesFrom);
}

/** After a cycle fired: the next wait, or undefined when the cycle is used up. */
export function nextCycleWait(wait: TimerWait): TimerWait | undefined {
  if (!wait.cycle || wait.cycle.remaining === 0) return undefined;
  return {
    ...wait,
    dueAt: addDuration(wait.dueAt, parseDuration(wait.cycle.interval)),
    cycle: { remaining: wait.cycle.remaining === null ? null : wait.cycle.remaining - 1, interval: wait.cycle.interval },
  };
}
