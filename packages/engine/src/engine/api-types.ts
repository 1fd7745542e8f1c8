import type { Clock } from '../clock.js';
import type { IdSource } from '../ids.js';
import type { HistoryEvent } from '../model/history-event.js';
import type { ElementType } from '../model/definition.js';
import type { InstanceStatus, LifecycleState, WaitState } from '../model/instance-state.js';
import type { ValidationIssue } from '../model/validation-issue.js';
import type { IncidentRecord, InstanceSummary, JobRecord, TaskRecord } from '../store/records.js';
import type { IncidentFilter, InstanceFilter, JobFilter, Store, TaskFilter } from '../store/store.js';
import type { MigrateOptions, MigrationResult } from './migrate.js';

/** What a service-task handler receives. */
export interface JobContext {
  /** Handler type (from `zeebe:taskDefinition type`, `camunda:topic`, delegate expression or class). */
  type: string;
  /** Stable across retries and restarts: use it to make side effects idempotent. */
  jobKey: string;
  instanceId: string;
  elementId: string;
  businessKey: string | null;
  /** 1 on the first call, 2 on the first retry, ... */
  attempt: number;
  /** Variables visible to the task (a copy; change them by returning new values). */
  variables: Record<string, unknown>;
  /** `zeebe:taskHeaders`. */
  headers: Record<string, string>;
}

/**
 * A service-task worker. Returns the variables to set (or nothing). `throw new BpmnError(code)` raises a
 * BPMN error; any other exception becomes an incident that `retryIncident` calls the handler again for.
 */
export type JobHandler = (
  job: JobContext,
) => Record<string, unknown> | void | undefined | Promise<Record<string, unknown> | void | undefined>;

export interface EngineOptions {
  /** Where definitions, instances and history live. Default: `memoryStore()`. */
  store?: Store;
  /** Default: `systemClock()`. Tests use `TestClock` from `@pravah/engine/testing`. */
  clock?: Clock;
  /** Default: `randomIds()` (nanoid). */
  ids?: IdSource;
  /** Handlers by type, as `engine.handle(type, handler)` would register them. */
  handlers?: Record<string, JobHandler>;
  /**
   * Functions models may call by name: bpmn-engine models write `${environment.services.NAME(args)}`. They
   * are your app's code (the model can only name them); arguments are copies of JSON values.
   */
  expressionFunctions?: Record<string, (...args: unknown[]) => unknown>;
  /**
   * Engines sharing a durable store: look for due work other engines scheduled at least this often (ms).
   * Default: off (an engine wakes for the timers and jobs its own commands created).
   */
  pollIntervalMs?: number;
  /** How long a lease on due work lasts before another engine may take it over (ms). Default 30,000. */
  leaseMs?: number;
  /** Guard against loops without a wait state: a command that takes more steps fails with STEP_LIMIT_EXCEEDED. Default 100,000. */
  maxStepsPerCommand?: number;
}

/** BPMN XML as text or bytes, or with a resource name for listings. */
export type DeploySource =
  | string
  | Uint8Array
  | {
      xml: string | Uint8Array;
      name?: string;
      /**
       * Also store descriptive processes (isExecutable="false") as versions that can be viewed and called but
       * not started; a file with no executable process is then accepted.
       */
      allowNonExecutable?: boolean;
    };

export interface DeployedProcess {
  /** The process id. */
  key: string;
  version: number;
  /** `<key>:<version>`. */
  id: string;
  name: string | null;
  /** False when the content was identical to the latest version, which is returned instead. */
  isNew: boolean;
  /** Things accepted but not executed (e.g. `camunda:asyncBefore`, listeners). */
  warnings: ValidationIssue[];
}

export interface StartOptions {
  variables?: Record<string, unknown>;
  businessKey?: string;
  /** Start this version instead of the latest. */
  version?: number;
}

export interface ActiveElement {
  elementId: string;
  elementInstanceId: string;
  elementType: ElementType;
  state: LifecycleState;
  /** What the element waits for, if anything. */
  waitingFor: WaitState['kind'] | null;
  /**
   * Set for a listener (not a token): the element instance it listens on (a boundary event's activity, an
   * event-based gateway), or null for an event sub-process start listening on the process.
   */
  listensOn?: string | null;
  taskId?: string;
  jobKey?: string;
  /** Timer due time (epoch ms). */
  dueAt?: number;
  messageName?: string;
  correlationKey?: string | null;
}

export type Task = TaskRecord;
export type Incident = IncidentRecord;

export interface InstanceSnapshot {
  id: string;
  key: string;
  version: number;
  definitionId: string;
  businessKey: string | null;
  status: InstanceStatus;
  variables: Record<string, unknown>;
  activeElements: ActiveElement[];
  incidents: Incident[];
  startedAt: number;
  endedAt: number | null;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string | null;
  deployedAt: number;
  /** False for a descriptive process deployed with `allowNonExecutable`. */
  executable: boolean;
  /** Instances pinned to this version. */
  instances: { active: number; completed: number; terminated: number };
}

export interface CompleteTaskOptions {
  variables?: Record<string, unknown>;
  /** Who completed it (history). Default: the assignee. */
  user?: string;
}

export interface CorrelateOptions {
  /** Zeebe style: must equal the subscription's key (`zeebe:subscription correlationKey`). */
  correlationKey?: string;
  variables?: Record<string, unknown>;
  /** Camunda 7 style: only an instance with this business key (also the business key of a message start). */
  businessKey?: string;
  /** Camunda 7 style: only an instance whose process variables equal these. */
  processVariables?: Record<string, unknown>;
}

export type CorrelationResult =
  /** `started`: a message start event started a new instance. */
  | { correlated: true; instanceId: string; elementId: string; started?: true }
  | { correlated: false };

/** A page of history: events after `afterSeq` (a cursor: the last `seq` you saw), then `offset` / `limit`. */
export interface HistoryPage {
  afterSeq?: number;
  limit?: number;
  offset?: number;
}

export interface SignalOptions {
  variables?: Record<string, unknown>;
}

/** Instances a signal reached (`triggered`) and instances it started. */
export interface SignalResult {
  triggered: number;
  started: string[];
}

export interface TriggerOptions {
  /** The waiting element (a receive task without a message). */
  elementId: string;
  variables?: Record<string, unknown>;
}

/** History events as listeners see them: with the instance they belong to. */
export type EngineEvent = HistoryEvent & { instanceId: string };
export type EngineEventName = HistoryEvent['type'] | '*';
export type EngineListener = (event: EngineEvent) => void;

/** The engine facade. Every method validates its input and throws `EngineError` with a stable code. */
export interface Engine {
  /** The clock the engine reads (a `TestClock` in tests). */
  readonly clock: Clock;
  readonly store: Store;
  /**
   * Deploys every executable process in a BPMN file as a new version of its key (the process id).
   * Identical content returns the existing version. Nothing is saved if any process is invalid.
   * @example const [order] = await engine.deploy(readFileSync('order.bpmn', 'utf8'));
   */
  deploy(source: DeploySource): Promise<DeployedProcess[]>;
  /**
   * Starts an instance of the latest version of `key` (or `version`), runs it to its first wait states.
   * @example const instance = await engine.start('order', { variables: { amount: 1200 }, businessKey: 'PO-7' });
   */
  start(key: string, options?: StartOptions): Promise<InstanceSnapshot>;
  /** @example const { status, activeElements } = await engine.getInstance(id); */
  getInstance(instanceId: string): Promise<InstanceSnapshot>;
  /** @example await engine.listInstances({ key: 'order', status: 'active', limit: 50 }); */
  listInstances(filter?: InstanceFilter): Promise<InstanceSummary[]>;
  /** @example const [task] = await engine.listTasks({ candidateGroup: 'managers' }); */
  listTasks(filter?: TaskFilter): Promise<Task[]>;
  /** Sets the assignee (null unclaims). Claiming a task someone else holds: TASK_ALREADY_CLAIMED. */
  claimTask(taskId: string, user: string | null): Promise<Task>;
  /** @example await engine.completeTask(task.id, { variables: { approved: true }, user: 'ann' }); */
  completeTask(taskId: string, options?: CompleteTaskOptions): Promise<InstanceSnapshot>;
  /**
   * Registers the worker for a job type; waiting jobs of that type run now. Returns an unregister function.
   * @example engine.handle('charge-card', async ({ variables }) => ({ charged: true }));
   */
  handle(type: string, handler: JobHandler): () => void;
  /** Jobs waiting for a handler (or blocked by an incident). */
  listJobs(filter?: JobFilter): Promise<JobRecord[]>;
  /**
   * Delivers a message to the oldest subscription with this name and correlation key.
   * @example await engine.correlateMessage('payment-received', { correlationKey: 'PO-7' });
   */
  correlateMessage(name: string, options?: CorrelateOptions): Promise<CorrelationResult>;
  /**
   * Delivers a signal to every instance waiting for it (catch events, boundary events, event
   * sub-processes) and starts every process whose latest version has a signal start event for it.
   * @example await engine.broadcastSignal('price-change', { variables: { percent: 5 } });
   */
  broadcastSignal(name: string, options?: SignalOptions): Promise<SignalResult>;
  /** Ends a plain wait state (a receive task without a message), like Camunda 7's `signal(executionId)`. */
  trigger(instanceId: string, options: TriggerOptions): Promise<InstanceSnapshot>;
  /** Sets process variables; conditional events re-evaluate. */
  setVariables(instanceId: string, variables: Record<string, unknown>): Promise<InstanceSnapshot>;
  /** Terminates a running instance (status `terminated`), its called children too. */
  cancelInstance(instanceId: string, reason?: string): Promise<InstanceSnapshot>;
  /** A suspended instance accepts no commands (INSTANCE_SUSPENDED) and its timers and jobs wait. */
  suspendInstance(instanceId: string): Promise<InstanceSnapshot>;
  resumeInstance(instanceId: string): Promise<InstanceSnapshot>;
  /**
   * Moves running instances to another version following an element mapping; validated before anything
   * moves (MIGRATION_INVALID lists every problem); `dryRun` returns the plan. See docs/versions-and-migration.md.
   * @example await engine.migrate({ key: 'order', fromVersion: 1, toVersion: 2, mapping: { review: 'check' } });
   */
  migrate(options: MigrateOptions): Promise<MigrationResult>;
  /** Ordered audit events of one instance; page with `{ afterSeq, limit }` (a cursor) or `{ offset, limit }`. */
  history(instanceId: string, page?: HistoryPage): Promise<HistoryEvent[]>;
  listIncidents(filter?: IncidentFilter): Promise<Incident[]>;
  /** Clears the incident and retries the failed step (calls the handler again, re-evaluates the gateway...). */
  retryIncident(incidentId: string): Promise<InstanceSnapshot>;
  /** Every deployed version with how many instances run on it. */
  listDefinitions(): Promise<DefinitionSummary[]>;
  /**
   * Runs the work due at `clock.now()` (timer start events, instance timers, waiting jobs with a handler
   * here), leasing each piece first so engines sharing a store never run the same work; returns how many
   * ran. The scheduler calls this by itself.
   */
  runDueWork(): Promise<number>;
  /** Observe history events as they commit (`'*'` for all). Returns an unsubscribe function. */
  on(event: EngineEventName, listener: EngineListener): () => void;
  /** Resolves when background work (timer firing, jobs of a newly registered handler) is done. */
  idle(): Promise<void>;
  /** Stops the timer scheduler. The store stays open. */
  close(): void;
}
