import type { EndEventNode, EventDefinition, IntermediateThrowEventNode } from '../../model/definition.js';
import type { ElementInstance } from '../../model/instance-state.js';
import { evaluateString } from '../../expressions/evaluate.js';
import { compensate } from '../compensation.js';
import { propagate } from '../error-propagation.js';
import type { Execution } from '../execution.js';
import { waitForJob } from '../waits/job-wait.js';
import { raiseIncident } from '../incidents.js';

/**
 * What throwing an event definition does, shared by intermediate throw and end events. Returns true when
 * the element should complete now (false: it waits, was terminated, or is blocked by an incident).
 */
export function throwEvent(execution: Execution, elementInstance: ElementInstance, node: IntermediateThrowEventNode | EndEventNode): boolean {
  const definition: EventDefinition | undefined = node.eventDefinition;
  if (node.job) {
    waitForJob(execution, elementInstance, node.job);
    return false;
  }
  if (!definition) return true;
  const variables = execution.variablesFor(elementInstance);
  switch (definition.type) {
    case 'signal':
      execution.effects.push({ kind: 'broadcast-signal', signalName: evaluateString(definition.signalName, variables, execution.functions, execution.now) ?? '', variables: {} });
      return true;
    case 'escalation': {
      const code = definition.escalationCode === undefined ? '' : (evaluateString(definition.escalationCode, variables, execution.functions, execution.now) ?? '');
      propagate(execution, elementInstance, { kind: 'escalation', code });
      return isAlive(execution, elementInstance);
    }
    case 'error': {
      const code = definition.errorCode === undefined ? '' : (evaluateString(definition.errorCode, variables, execution.functions, execution.now) ?? '');
      const message = definition.errorMessage === undefined ? undefined : evaluateString(definition.errorMessage, variables, execution.functions, execution.now);
      throwError(execution, elementInstance, code, message ?? code);
      return false;
    }
    case 'link': {
      const target = Object.values(execution.process.model.nodes).find(
        (candidate) => candidate.type === 'intermediateCatchEvent' && candidate.scopeId === node.scopeId && candidate.eventDefinition.type === 'link' && candidate.eventDefinition.linkName === definition.linkName,
      );
      if (target) execution.enter(target.id, elementInstance.scopeId);
      return true;
    }
    case 'compensate':
      compensate(execution, elementInstance, definition.activityRef);
      return isAlive(execution, elementInstance);
    default:
      return true;
  }
}

/**
 * A BPMN error from an end event or a handler: caught by the innermost matching boundary or event
 * sub-process; uncaught, an incident on the thrower (and, in a called instance, the parent gets a chance).
 */
export function throwError(execution: Execution, thrower: ElementInstance, code: string, message: string, variables?: Record<string, unknown>): void {
  if (propagate(execution, thrower, { kind: 'error', code, message, variables })) return;
  raiseIncident(execution, thrower, 'UNHANDLED_BPMN_ERROR', `BPMN error '${code}' was not caught: ${message}`, { errorCode: code });
  const parent = execution.state.parent;
  if (parent) execution.effects.push({ kind: 'child-error', parent, errorCode: code, message });
}

function isAlive(execution: Execution, elementInstance: ElementInstance): boolean {
  return elementInstance.state === 'active' && execution.state.elements.includes(elementInstance);
}
