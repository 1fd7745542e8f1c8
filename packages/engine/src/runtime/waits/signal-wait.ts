import type { ElementInstance } from '../../model/instance-state.js';
import { evaluateString } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import type { Execution } from '../execution.js';

/** Subscribes to a signal by name (an expression in Zeebe models); `engine.broadcastSignal` delivers it. */
export function waitForSignal(
  execution: Execution,
  elementInstance: ElementInstance,
  signalName: string,
  variablesFrom: ElementInstance | undefined = elementInstance,
): void {
  const name = evaluateString(signalName, execution.variablesFor(variablesFrom), execution.functions, execution.now);
  if (!name) {
    throw new EngineError('EXPRESSION_FAILED', `Signal name of '${elementInstance.elementId}' evaluated to nothing`, {
      details: { elementId: elementInstance.elementId },
    });
  }
  elementInstance.wait = { kind: 'signal', subscriptionId: `${execution.state.id}.${elementInstance.id}`, signalName: name };
}
