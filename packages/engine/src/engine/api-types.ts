import type { Clock } from '../clock.js';
import type { IdSource } from '../ids.js';
import type { HistoryEvent } from '../model/history-event.js';
import type { ElementType } from '../model/definition.js';
import type { InstanceStatus, LifecycleState, WaitState } from '../model/instance-state.js';
import type { ValidationIssue } from '../model/validation-issue.js';
import type { IncidentRecord, TaskRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

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
  /** Guard against loops without a wait state: a command that takes more steps fails with STEP_LIMIT_EXCEEDED. Default 100,000. */
  maxStepsPerCommand?: number;
}

/** BPMN XML as text or bytes, or with a resource name for listings. */
export type DeploySource = string | Uint8Array | { xml: string | Uint8Array; name?: string };

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
  /** Instances pinned to this version. */
  instances: { active: number; completed: number; terminated: number };
}

export interface CompleteTaskOptions {
  variables?: Record<string, unknown>;
  /** Who completed it (history). Default: the assignee. */
  user?: string;
}

export interface CorrelateOptions {
  correlationKey?: string;
  variables?: Record<string, unknown>;
}

export type CorrelationResult =
  | { correlated: true; instanceId: string; elementId: string }
  | { correlated: false };

/** History events as listeners see them: with the instance they belong to. */
export type EngineEvent = HistoryEvent & { instanceId: string };
export type EngineEventName = HistoryEvent['type'] | '*';
export type EngineListener = (event: EngineEvent) => void;
