import type { IntermediateCatchEventNode } from '../../model/definition.js';
import { evaluateCondition } from '../../expressions/evaluate.js';
import type { ElementBehavior } from '../element-behavior.js';
import { armListener } from '../listeners.js';
import { takeRaceEvent } from '../event-triggers.js';

/**
 * Intermediate catch: waits for its timer, message, signal or condition (a condition already true passes at
 * once); a link catch passes straight on. After an event-based gateway the event has already happened.
 */
export const intermediateCatchEvent: ElementBehavior<IntermediateCatchEventNode> = {
  activate(execution, elementInstance, node) {
    const definition = node.eventDefinition;
    const happened = takeRaceEvent(execution, elementInstance);
    if (happened) {
      execution.resume(elementInstance, happened.variables);
      return;
    }
    if (definition.type === 'link') execution.complete(elementInstance);
    else if (definition.type === 'conditional' && evaluateCondition(definition.condition, execution.variablesFor(elementInstance), execution.functions, execution.now)) {
      execution.complete(elementInstance);
    } else armListener(execution, elementInstance, definition, elementInstance);
  },
};
