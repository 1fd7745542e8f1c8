import type { IncidentState, InstanceState, InstanceStatus } from '../model/instance-state.js';

/**
 * Rows a store keeps next to each instance so they can be queried without loading instances. All of them
 * are derived from the instance state by `deriveRecords`; a store never invents them.
 */

export interface DefinitionRecord {
  /** `<key>:<version>`. */
  id: string;
  key: string;
  version: number;
  name: string | null;
  /** The whole BPMN file this process came from. */
  xml: string;
  /** sha256 of the file's text; redeploying identical content returns the existing version. */
  checksum: string;
  resourceName: string | null;
  deployedAt: number;
}

export interface TaskRecord {
  id: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  definitionId: string;
  key: string;
  businessKey: string | null;
  name: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  priority: number | null;
  createdAt: number;
}

export interface JobRecord {
  jobKey: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  type: string;
  attempts: number;
  retries: number;
  /** A job with an open incident is not run again until the incident is retried. */
  blocked: boolean;
}

export interface TimerRecord {
  id: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  dueAt: number;
}

export interface SubscriptionRecord {
  id: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  messageName: string;
  correlationKey: string | null;
  createdAt: number;
}

export interface IncidentRecord extends IncidentState {
  instanceId: string;
  definitionId: string;
}

export interface InstanceSummary {
  id: string;
  key: string;
  version: number;
  definitionId: string;
  businessKey: string | null;
  status: InstanceStatus;
  startedAt: number;
  endedAt: number | null;
}

export interface DerivedRecords {
  tasks: TaskRecord[];
  jobs: JobRecord[];
  timers: TimerRecord[];
  subscriptions: SubscriptionRecord[];
  incidents: IncidentRecord[];
}

const NONE: DerivedRecords = Object.freeze({ tasks: [], jobs: [], timers: [], subscriptions: [], incidents: [] }) as DerivedRecords;

/** The query rows of one instance, derived from its state (only waiting elements produce rows). */
export function deriveRecords(state: InstanceState): DerivedRecords {
  if (state.elements.length === 0 && state.incidents.length === 0) return NONE;
  const records: DerivedRecords = { tasks: [], jobs: [], timers: [], subscriptions: [], incidents: [] };
  for (const incident of state.incidents) records.incidents.push({ ...incident, instanceId: state.id, definitionId: state.definitionId });
  for (const element of state.elements) {
    const wait = element.wait;
    if (!wait) continue;
    const base = { instanceId: state.id, elementId: element.elementId, elementInstanceId: element.id };
    switch (wait.kind) {
      case 'userTask':
        records.tasks.push({
          id: wait.taskId,
          ...base,
          definitionId: state.definitionId,
          key: state.key,
          businessKey: state.businessKey,
          name: wait.name,
          assignee: wait.assignee,
          candidateUsers: wait.candidateUsers,
          candidateGroups: wait.candidateGroups,
          dueDate: wait.dueDate,
          followUpDate: wait.followUpDate,
          formKey: wait.formKey,
          priority: wait.priority,
          createdAt: wait.createdAt,
        });
        break;
      case 'job':
        records.jobs.push({
          jobKey: wait.jobKey,
          ...base,
          type: wait.type,
          attempts: wait.attempts,
          retries: wait.retries,
          blocked: state.incidents.some((incident) => incident.elementInstanceId === element.id),
        });
        break;
      case 'timer':
        records.timers.push({ id: wait.timerId, ...base, dueAt: wait.dueAt });
        break;
      case 'message':
        records.subscriptions.push({
          id: wait.subscriptionId,
          ...base,
          messageName: wait.messageName,
          correlationKey: wait.correlationKey,
          createdAt: wait.createdAt,
        });
        break;
    }
  }
  return records;
}

export function summarize(state: InstanceState): InstanceSummary {
  return {
    id: state.id,
    key: state.key,
    version: state.version,
    definitionId: state.definitionId,
    businessKey: state.businessKey,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
  };
}
