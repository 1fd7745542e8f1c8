import { isDeepStrictEqual } from 'node:util';
import type { InstanceState } from '../model/instance-state.js';
import { deliverMessage } from '../runtime/commands.js';
import type { Store } from '../store/store.js';
import type { CorrelationResult } from './api-types.js';
import type { DefinitionRegistry } from './definition-registry.js';
import type { InstanceCommands } from './instance-commands.js';
import { latestStartEvents } from './start-events.js';

interface Correlation {
  correlationKey?: string;
  businessKey?: string;
  processVariables?: Record<string, unknown>;
  variables: Record<string, unknown>;
}

/**
 * Delivers a message to the oldest subscription with this name and key (Zeebe) that also matches the
 * business key and process variables given (Camunda 7); else starts the latest version of every process
 * with a message start of that name (the first one wins); else reports `{ correlated: false }`.
 */
export async function correlate(
  store: Store,
  definitions: DefinitionRegistry,
  commands: InstanceCommands,
  name: string,
  { correlationKey, businessKey, processVariables, variables }: Correlation,
): Promise<CorrelationResult> {
  for (const subscription of await store.findSubscriptions(name, correlationKey ?? null)) {
    const { result } = await commands.run(subscription.instanceId, (execution) => {
      const wait = execution.elementInstance(subscription.elementInstanceId)?.wait;
      if (wait?.kind !== 'message' || wait.messageName !== name || wait.correlationKey !== (correlationKey ?? null)) return false;
      if (!matchesInstance(execution.state, businessKey, processVariables)) return false;
      deliverMessage(execution, subscription.elementInstanceId, variables);
      return true;
    });
    if (result) return { correlated: true, instanceId: subscription.instanceId, elementId: subscription.elementId };
  }
  for (const { process, startEventId } of await latestStartEvents(store, definitions, 'message', name)) {
    const execution = await commands.create(process, { businessKey: businessKey ?? correlationKey ?? null, variables, startEventId });
    return { correlated: true, instanceId: execution.state.id, elementId: startEventId, started: true };
  }
  return { correlated: false };
}

/** Camunda 7 correlation: by business key and by process variables that must equal the given values. */
export function matchesInstance(state: InstanceState, businessKey: string | undefined, processVariables: Record<string, unknown> | undefined): boolean {
  if (businessKey !== undefined && state.businessKey !== businessKey) return false;
  for (const [name, value] of Object.entries(processVariables ?? {})) {
    if (!isDeepStrictEqual(state.variables[name], value)) return false;
  }
  return true;
}
