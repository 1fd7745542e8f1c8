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
  /** False for a descriptive process (isExecutable="false") deployed on request: stored, never started. */
  executable?: boolean;
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
  /** A failed job waiting for its retry is not run before this time (null: runnable now). */
  dueAt: number | null;
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

export interface SignalSubscriptionRecord {
  id: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  signalName: string;
}

/** A timer start event of a deployed definition: due time and what is left of its cycle. */
export interface StartTimerRecord {
  /** `<definitionId>#<startEventId>`. */
  id: string;
  definitionId: string;
  key: string;
  elementId: string;
  dueAt: number;
  /** Firings left after this one (null: unbounded), and the ISO interval between them; absent: fires once. */
  cycle?: { remaining: number | null; interval: string };
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
  signals: SignalSubscriptionRecord[];
  incidents: IncidentRecord[];
}

const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];
const NO_ROWS = Object.freeze([]) as unknown as never[];
const NONE: DerivedRecords = Object.freeze({ tasks: NO_ROWS, jobs: NO_ROWS, timers: NO_ROWS, subscriptions: NO_ROWS, signals: NO_ROWS, incidents: NO_ROWS });

/**
 * The query rows of one instance, derived from its state (only waiting elements and open incidents produce
 * rows). Kinds without rows share one frozen empty array, so a waiting instance costs only its own rows.
 * A suspended instance has no timer or job rows: nothing fires or runs until it is resumed.
 */
export function deriveRecords(state: InstanceState): DerivedRecords {
  if (state.elements.length === 0 && state.incidents.length === 0 && !state.outbox?.length) return NONE;
  const records: DerivedRecords = { ...NONE };
  const add = <K extends keyof DerivedRecords>(kind: K, row: DerivedRecords[K][number]) => {
    if (records[kind] === NO_ROWS) records[kind] = [] as DerivedRecords[K];
    (records[kind] as DerivedRecords[K][number][]).push(row);
  };
  for (const incident of state.incidents) add('incidents', { ...incident, instanceId: state.id, definitionId: state.definitionId });
  for (const entry of state.outbox ?? []) {
    // undelivered effects are jobs of type `pravah:effect`, runnable once their grace period is over
    add('jobs', { jobKey: entry.id, instanceId: state.id, elementId: '', elementInstanceId: '', type: 'pravah:effect', attempts: 0, retries: 1, blocked: false, dueAt: entry.dueAt });
  }
  for (const element of state.elements) {
    const wait = element.wait;
    if (!wait) continue;
    const base = { instanceId: state.id, elementId: element.elementId, elementInstanceId: element.id };
    switch (wait.kind) {
      case 'userTask':
        add('tasks', {
          id: wait.taskId,
          ...base,
          definitionId: state.definitionId,
          key: state.key,
          businessKey: state.businessKey,
          name: wait.name ?? null,
          assignee: wait.assignee ?? null,
          candidateUsers: wait.candidateUsers ?? NO_NAMES,
          candidateGroups: wait.candidateGroups ?? NO_NAMES,
          dueDate: wait.dueDate ?? null,
          followUpDate: wait.followUpDate ?? null,
          formKey: wait.formKey ?? null,
          priority: wait.priority ?? null,
          createdAt: element.enteredAt,
        });
        break;
      case 'job':
        if (state.suspended) break;
        add('jobs', {
          jobKey: wait.jobKey,
          ...base,
          type: wait.type,
          attempts: wait.attempts,
          retries: wait.retries,
          blocked: state.incidents.some((incident) => incident.elementInstanceId === element.id),
          dueAt: wait.dueAt ?? null,
        });
        break;
      case 'timer':
        if (state.suspended) break;
        add('timers', { id: wait.timerId, ...base, dueAt: wait.dueAt });
        break;
      case 'message':
        add('subscriptions', {
          id: wait.subscriptionId,
          ...base,
          messageName: wait.messageName,
          correlationKey: wait.correlationKey,
          createdAt: element.enteredAt,
        });
        break;
      case 'signal':
        add('signals', { id: wait.subscriptionId, ...base, signalName: wait.signalName });
        break;
    }
  }
  return records;
}

/** The summary fields of an instance (from its state, or from anything that carries them). */
export function summarize(state: InstanceSummary): InstanceSummary {
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
