import { cloneJson } from '../json-clone.js';
import type { InstanceState } from '../model/instance-state.js';
import type { PinnedProcess } from '../runtime/execution.js';
import type { ActiveElement, InstanceSnapshot } from './api-types.js';

/** The public view of an instance: fresh objects throughout, so callers never hold engine-owned data. */
export function toSnapshot(state: InstanceState, process: PinnedProcess): InstanceSnapshot {
  return {
    id: state.id,
    key: state.key,
    version: state.version,
    definitionId: state.definitionId,
    businessKey: state.businessKey,
    status: state.status,
    variables: cloneJson(state.variables),
    activeElements: state.elements.map((element): ActiveElement => {
      const wait = element.wait;
      const active: ActiveElement = {
        elementId: element.elementId,
        elementInstanceId: element.id,
        elementType: process.model.nodes[element.elementId].type,
        state: element.state,
        waitingFor: wait?.kind ?? null,
      };
      if (element.attachedTo !== undefined) active.listensOn = element.attachedTo;
      if (wait?.kind === 'userTask') active.taskId = wait.taskId;
      else if (wait?.kind === 'job') active.jobKey = wait.jobKey;
      else if (wait?.kind === 'timer') active.dueAt = wait.dueAt;
      else if (wait?.kind === 'message') {
        active.messageName = wait.messageName;
        active.correlationKey = wait.correlationKey;
      }
      return active;
    }),
    incidents: state.incidents.map((incident) => ({ ...incident, instanceId: state.id, definitionId: state.definitionId })),
    startedAt: state.startedAt,
    endedAt: state.endedAt,
  };
}
