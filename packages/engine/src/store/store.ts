import type { HistoryEvent } from '../model/history-event.js';
import type { InstanceState, InstanceStatus } from '../model/instance-state.js';
import type {
  DefinitionRecord,
  IncidentRecord,
  InstanceSummary,
  JobRecord,
  SignalSubscriptionRecord,
  StartTimerRecord,
  SubscriptionRecord,
  TaskRecord,
  TimerRecord,
} from './records.js';

/** What one command writes: the new instance state and the history it appended, all or nothing. */
export interface InstanceCommit {
  state: InstanceState;
  /** Revision the command loaded, or null when it created the instance. Mismatch: CONCURRENT_MODIFICATION. */
  expectedRevision: number | null;
  history: HistoryEvent[];
}

export interface Page {
  /** At most this many rows (default: all). */
  limit?: number;
  /** Skip this many rows first. */
  offset?: number;
}

export interface TaskFilter extends Page {
  instanceId?: string;
  assignee?: string;
  /** Tasks offered to this group (in `candidateGroups`). */
  candidateGroup?: string;
  /** Tasks offered to this user (in `candidateUsers`). */
  candidateUser?: string;
  elementId?: string;
  key?: string;
}

export interface IncidentFilter extends Page {
  instanceId?: string;
  elementId?: string;
  code?: string;
}

export interface InstanceFilter extends Page {
  key?: string;
  version?: number;
  status?: InstanceStatus;
  businessKey?: string;
}

export interface JobFilter extends Page {
  type?: string;
  instanceId?: string;
}

/** A request for due work, leased to one engine so that no other runs it meanwhile. */
export interface WorkLeaseRequest {
  /** Who asks: one id per engine (process). */
  owner: string;
  now: number;
  /** The lease ends then unless the work is done first (its row goes); afterwards anyone may take it over. */
  until: number;
  limit: number;
  /** Job types this engine has handlers for; other jobs are left for engines that have them. */
  jobTypes: readonly string[];
}

/** A due timer or a runnable job, leased to the requesting owner. */
export type LeasedWork = ({ kind: 'timer' } & TimerRecord) | ({ kind: 'job' } & JobRecord);

/** Number of instances per definition, by status. */
export interface InstanceCounts {
  definitionId: string;
  active: number;
  completed: number;
  terminated: number;
}

/**
 * The persistence port. The in-memory store implements it here; SQLite and PostgreSQL stores live in their
 * own packages and pass the same contract tests. Every method is async; `loadInstance` returns a copy the
 * caller owns; `commit` is atomic.
 */
export interface Store {
  readonly kind: string;

  /** Saves new definition versions atomically. A (key, version) that exists already: CONCURRENT_MODIFICATION. */
  saveDefinitions(records: DefinitionRecord[]): Promise<void>;
  getDefinition(id: string): Promise<DefinitionRecord | undefined>;
  /** The given version of `key`, or the latest when `version` is undefined. */
  findDefinition(key: string, version?: number): Promise<DefinitionRecord | undefined>;
  /** Every version of every key, ordered by key then version. */
  listDefinitions(): Promise<DefinitionRecord[]>;
  countInstances(): Promise<InstanceCounts[]>;

  loadInstance(id: string): Promise<unknown>;
  commit(commit: InstanceCommit): Promise<void>;
  listInstances(filter: InstanceFilter): Promise<InstanceSummary[]>;
  history(instanceId: string): Promise<HistoryEvent[]>;

  listTasks(filter: TaskFilter): Promise<TaskRecord[]>;
  getTask(taskId: string): Promise<TaskRecord | undefined>;
  listIncidents(filter: IncidentFilter): Promise<IncidentRecord[]>;
  getIncident(incidentId: string): Promise<IncidentRecord | undefined>;
  listJobs(filter: JobFilter): Promise<JobRecord[]>;
  /** Subscriptions waiting for this message name and correlation key, oldest first. */
  findSubscriptions(messageName: string, correlationKey: string | null): Promise<SubscriptionRecord[]>;
  /** Signal subscriptions of running instances for this signal name. */
  findSignalSubscriptions(signalName: string): Promise<SignalSubscriptionRecord[]>;
  /** Timers due at or before `now`, earliest first. */
  dueTimers(now: number, limit: number): Promise<TimerRecord[]>;
  /**
   * Leases due work to `owner` until `until`: timers due at or before `now` (earliest first), then jobs of
   * `jobTypes` not blocked by an incident and not waiting for a later retry (`dueAt`), oldest first, skipping work another owner holds an unexpired
   * lease on; an expired lease (its engine died) is taken over. A commit that rewrites the instance's rows
   * ends the leases on them. PostgreSQL does this with `FOR UPDATE SKIP LOCKED`.
   */
  leaseDueWork(request: WorkLeaseRequest): Promise<LeasedWork[]>;
  /** When the earliest timer (of an instance, or a timer start event) or delayed job retry is due, if any. */
  nextTimerDueAt(): Promise<number | undefined>;

  /** Replaces every timer start event of `key` (a new version's timers replace the old version's). */
  replaceStartTimers(key: string, timers: StartTimerRecord[]): Promise<void>;
  /** Timer start events due at or before `now`, earliest first. */
  dueStartTimers(now: number, limit: number): Promise<StartTimerRecord[]>;
  /**
   * Claims a due timer start event before its instance starts: moves it to its `next` firing (or removes it,
   * `null`) only if it is still due at `fired.dueAt`. Returns false when another engine claimed it first,
   * so each firing starts one instance however many engines share the store.
   */
  advanceStartTimer(fired: StartTimerRecord, next: StartTimerRecord | null): Promise<boolean>;
  listStartTimers(): Promise<StartTimerRecord[]>;
}
