import { evaluateCondition } from '../expressions/evaluate.js';
import type { Execution } from './execution.js';

/**
 * Conditional events (intermediate catch, boundary, event sub-process start) are re-evaluated whenever
 * the command changed variables. Each one whose condition is now true fires; a condition that cannot be
 * evaluated (an unknown JUEL variable, say) counts as false. Returns true when something fired.
 */
export function fireTrueConditions(execution: Execution): boolean {
  if (!execution.state.elements.some((element) => element.wait?.kind === 'condition')) return false;
  let fired = false;
  for (const waiting of [...execution.state.elements]) {
    if (waiting.wait?.kind !== 'condition' || !execution.state.elements.includes(waiting)) continue;
    const node = execution.node(waiting.elementId);
    const definition = 'eventDefinition' in node ? node.eventDefinition : undefined;
    if (definition?.type !== 'conditional') continue;
    const from = waiting.attachedTo === undefined ? waiting : waiting.attachedTo === null ? undefined : execution.elementInstance(waiting.attachedTo);
    let holds = false;
    try {
      holds = evaluateCondition(definition.condition, execution.variablesFor(from), execution.functions, execution.now);
    } catch {
      holds = false;
    }
    if (holds) {
      execution.triggerWait(waiting, undefined);
      fired = true;
    }
  }
  return fired;
}
