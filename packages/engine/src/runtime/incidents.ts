import type { ElementInstance, IncidentState } from '../model/instance-state.js';
import type { Execution } from './execution.js';

/**
 * Incidents: a process failure recorded on the element it happened at, which stays where it failed until
 * `retryIncident` clears the incident and resumes it. Recorded in the state and in history.
 */
export function raiseIncident(
  execution: Execution,
  elementInstance: ElementInstance,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): IncidentState {
  const { state } = execution;
  const incident: IncidentState = {
    id: `${state.id}.${state.nextId++}`,
    code,
    message,
    elementId: elementInstance.elementId,
    elementInstanceId: elementInstance.id,
    createdAt: execution.now,
  };
  if (details) incident.details = details;
  state.incidents.push(incident);
  execution.record({ type: 'incident-raised', elementId: incident.elementId, incidentId: incident.id, code, message });
  return incident;
}

export function resolveIncident(execution: Execution, incident: IncidentState): void {
  execution.state.incidents = execution.state.incidents.filter((open) => open.id !== incident.id);
  execution.record({ type: 'incident-resolved', elementId: incident.elementId, incidentId: incident.id });
}
