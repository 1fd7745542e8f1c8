import { z } from 'zod';

/**
 * Persisted state of one process instance: plain JSON, versioned by `schemaVersion`, validated with zod
 * whenever a store hands it back. Times are epoch milliseconds. Documented in docs/state-format.md.
 */
export const INSTANCE_STATE_SCHEMA_VERSION = 1;

/** Lifecycle of an element instance; see runtime/lifecycle.ts for the allowed transitions. */
export const lifecycleStateSchema = z.enum(['activating', 'active', 'completing', 'completed', 'terminating', 'terminated']);
export type LifecycleState = z.infer<typeof lifecycleStateSchema>;

const variablesSchema = z.record(z.string(), z.unknown());

/** Absent fields are unset (kept out of the JSON so a waiting instance stays small). */
export const userTaskWaitSchema = z.object({
  kind: z.literal('userTask'),
  taskId: z.string(),
  name: z.string().optional(),
  assignee: z.string().optional(),
  candidateUsers: z.array(z.string()).optional(),
  candidateGroups: z.array(z.string()).optional(),
  /** ISO 8601 date-time text. */
  dueDate: z.string().optional(),
  followUpDate: z.string().optional(),
  formKey: z.string().optional(),
  priority: z.number().optional(),
});
export const jobWaitSchema = z.object({
  kind: z.literal('job'),
  jobKey: z.string(),
  type: z.string(),
  /** How many times a handler has been called for this job. */
  attempts: z.number().int(),
  /** How many attempts a handler gets before a failure becomes an incident (Zeebe `retries`, default 3). */
  retries: z.number().int(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Decision jobs: the handler's return value goes whole into this variable. */
  resultVariable: z.string().optional(),
  /** ISO 8601 duration to wait before retrying a failed handler (absent: retry at once). */
  retryBackoff: z.string().optional(),
  /** A failed job waiting for its retry: not run before this time (epoch ms). */
  dueAt: z.number().optional(),
  /** An async continuation (`camunda:asyncBefore` / `asyncAfter`): the job executor goes on from here. */
  continuation: z.enum(['before', 'after']).optional(),
});
export const timerWaitSchema = z.object({
  kind: z.literal('timer'),
  timerId: z.string(),
  dueAt: z.number(),
  /** Cycles (`R3/PT1H`): how many more times it fires after this one (null = unbounded), and the interval. */
  cycle: z.object({ remaining: z.number().int().nullable(), interval: z.string() }).optional(),
});
export const messageWaitSchema = z.object({
  kind: z.literal('message'),
  subscriptionId: z.string(),
  messageName: z.string(),
  correlationKey: z.string().nullable(),
});
export const signalWaitSchema = z.object({
  kind: z.literal('signal'),
  subscriptionId: z.string(),
  signalName: z.string(),
});
/** A conditional event: re-evaluated whenever the instance's variables change. */
export const conditionWaitSchema = z.object({ kind: z.literal('condition') });
/** A plain wait state (a receive task without a message), ended by `engine.trigger`. */
export const triggerWaitSchema = z.object({ kind: z.literal('trigger') });
/** A call activity waiting for the instance it started. */
export const childWaitSchema = z.object({ kind: z.literal('child'), childInstanceId: z.string() });
export const waitStateSchema = z.discriminatedUnion('kind', [
  userTaskWaitSchema,
  jobWaitSchema,
  timerWaitSchema,
  messageWaitSchema,
  signalWaitSchema,
  conditionWaitSchema,
  triggerWaitSchema,
  childWaitSchema,
]);
export type UserTaskWait = z.infer<typeof userTaskWaitSchema>;
export type JobWait = z.infer<typeof jobWaitSchema>;
export type TimerWait = z.infer<typeof timerWaitSchema>;
export type MessageWait = z.infer<typeof messageWaitSchema>;
export type SignalWait = z.infer<typeof signalWaitSchema>;
export type WaitState = z.infer<typeof waitStateSchema>;

export const elementInstanceSchema = z.object({
  /** Unique within the process instance (`<instanceId>.<n>` globally). */
  id: z.string(),
  elementId: z.string(),
  /** Element instance id of the enclosing sub-process, or null for the process scope. */
  scopeId: z.string().nullable(),
  state: lifecycleStateSchema,
  /** When the token arrived: also when its task was created or its subscription opened. */
  enteredAt: z.number(),
  /** Why the element is waiting, when it is. Tasks, timers, jobs and subscriptions are derived from this. */
  wait: waitStateSchema.optional(),
  /** Local variables (input mappings, multi-instance loop variables). */
  variables: variablesSchema.optional(),
  /**
   * Marks a listener rather than a token: a boundary event listening on the activity instance with this id
   * (null: the process scope),
   * an event sub-process start listening on its scope, or a catch event after an event-based gateway. A
   * listener is not counted when deciding whether a scope is done, and goes when what it listens on goes.
   */
  attachedTo: z.string().nullable().optional(),
  /** Multi-instance: the index of this inner instance (the body has none). */
  loopIndex: z.number().int().optional(),
  /** Multi-instance body bookkeeping. */
  loop: z
    .object({
      total: z.number().int(),
      started: z.number().int(),
      completed: z.number().int(),
      items: z.array(z.unknown()).optional(),
      outputs: z.array(z.unknown()).optional(),
    })
    .optional(),
});
export type ElementInstance = z.infer<typeof elementInstanceSchema>;

/** Tokens that arrived at a joining gateway and wait for the rest. */
export const joinStateSchema = z.object({
  elementId: z.string(),
  scopeId: z.string().nullable(),
  /** Sequence flow id -> number of tokens that arrived over it. */
  arrived: z.record(z.string(), z.number().int()),
});
export type JoinState = z.infer<typeof joinStateSchema>;

export const incidentSchema = z.object({
  id: z.string(),
  code: z.string(),
  message: z.string(),
  elementId: z.string(),
  elementInstanceId: z.string(),
  createdAt: z.number(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type IncidentState = z.infer<typeof incidentSchema>;

export const instanceStatusSchema = z.enum(['active', 'completed', 'terminated']);
export type InstanceStatus = z.infer<typeof instanceStatusSchema>;

export const instanceStateSchema = z.object({
  schemaVersion: z.literal(INSTANCE_STATE_SCHEMA_VERSION),
  id: z.string(),
  definitionId: z.string(),
  key: z.string(),
  version: z.number().int(),
  businessKey: z.string().nullable(),
  status: instanceStatusSchema,
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  /** Incremented by every committed command; stores use it for optimistic concurrency. */
  revision: z.number().int(),
  /** Counter for element instance, incident and history ids inside this instance. */
  nextId: z.number().int(),
  /** Sequence number of the next history event. */
  nextEventSeq: z.number().int(),
  variables: variablesSchema,
  elements: z.array(elementInstanceSchema),
  joins: z.array(joinStateSchema),
  incidents: z.array(incidentSchema),
  /** Completed activities that have a compensation handler, in completion order (run in reverse). */
  compensations: z.array(z.object({ elementId: z.string(), scopeId: z.string().nullable(), variables: variablesSchema.optional() })).optional(),
  /** Set for an instance started by a call activity. */
  parent: z.object({ instanceId: z.string(), elementInstanceId: z.string() }).optional(),
  /** A suspended instance accepts no commands and its timers wait. */
  suspended: z.boolean().optional(),
  /**
   * Work this instance's commands asked of other instances (signals, call activities, cancellations),
   * committed with the command that caused it and removed once delivered; an engine that finds an entry
   * past its `dueAt` (its engine died before delivering) delivers it (see runtime/effects.ts).
   */
  outbox: z.array(z.object({ id: z.string(), dueAt: z.number(), effect: z.record(z.string(), z.unknown()) })).optional(),
});
export type InstanceState = z.infer<typeof instanceStateSchema>;
