import type { TimerDefinition } from '../../model/definition.js';
import type { ElementInstance, TimerWait } from '../../model/instance-state.js';
import { evaluateExpression } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import type { Execution } from '../execution.js';
import { firstFiring, nextFiring } from './timer-schedule.js';

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

/** The wait for a timer definition, due relative to the command's clock (see `firstFiring`). */
export function timerWait(
  execution: Execution,
  elementInstance: ElementInstance,
  timer: TimerDefinition,
  variablesFrom: ElementInstance | undefined = elementInstance,
): TimerWait {
  const { dueAt, cycle } = firstFiring(timer.kind, timerText(execution, elementInstance, timer, variablesFrom), execution.now);
  const wait: TimerWait = { kind: 'timer', timerId: `${execution.state.id}.${elementInstance.id}`, dueAt };
  if (cycle) wait.cycle = cycle;
  return wait;
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
  const next = nextFiring(wait.dueAt, wait.cycle);
  return next && { ...wait, ...next };
}
