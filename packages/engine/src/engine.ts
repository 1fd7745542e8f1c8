import { systemClock } from './clock.js';
import { EngineError, isEngineError } from './errors.js';
import { engineOwnerId, randomIds } from './ids.js';
import { cloneJson } from './json-clone.js';
import {
  cancelInstance,
  claimUserTask,
  completeUserTask,
  retryIncident as retryIncidentCommand,
  setProcessVariables,
  triggerWaitState,
} from './runtime/commands.js';
import { CONTINUATION_JOB_TYPE } from './runtime/continuations.js';
import { EFFECT_JOB_TYPE, OUTBOX_GRACE_MS } from './runtime/effects.js';
import type { Execution } from './runtime/execution.js';
import { memoryStore } from './store/memory-store.js';
import type { Engine, EngineEvent, EngineEventName, EngineListener, EngineOptions, InstanceSnapshot, JobHandler, Task } from './engine/api-types.js';
import { CommandRunner } from './engine/command-runner.js';
import { InstanceCommands } from './engine/instance-commands.js';
import { migrate } from './engine/migrate.js';
import { correlate } from './engine/correlation.js';
import { DefinitionRegistry } from './engine/definition-registry.js';
import {
  completeTaskOptionsSchema,
  correlateOptionsSchema,
  historyPageSchema,
  incidentFilterSchema,
  instanceFilterSchema,
  jobFilterSchema,
  nonEmptyString,
  parseInput,
  migrateOptionsSchema,
  signalOptionsSchema,
  startOptionsSchema,
  taskFilterSchema,
  triggerOptionsSchema,
} from './engine/input-schemas.js';
import { toJsonObject } from './engine/json-values.js';
import { toSnapshot } from './engine/snapshot.js';
import { TimerScheduler } from './engine/timer-scheduler.js';


export type { Engine } from './engine/api-types.js';

/**
 * Creates an engine. Everything is injectable: the store (in-memory by default), the clock, the id source
 * and the handlers.
 * @example
 * const engine = createEngine({ handlers: { 'send-mail': async () => ({ sent: true }) } });
 * await engine.deploy(xml);
 * const instance = await engine.start('invoice', { variables: { amount: 420 } });
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const store = options.store ?? memoryStore();
  const clock = options.clock ?? systemClock();
  const ids = options.ids ?? randomIds();
  const handlers = new Map<string, JobHandler>(Object.entries(options.handlers ?? {}));
  const listeners = new Map<EngineEventName, Set<EngineListener>>();
  const background = new Set<Promise<unknown>>();
  const definitions = new DefinitionRegistry(store, () => clock.now());
  const scheduler = new TimerScheduler(clock, () => track(runDueWork()));
  const runner = new CommandRunner(store, definitions, clock, handlers, options.maxStepsPerCommand ?? 100_000, committed, options.expressionFunctions);
  const owner = engineOwnerId();
  const commands = new InstanceCommands(store, runner, definitions, ids, clock, (at) => !closed && scheduler.consider(at), owner, options.leaseMs ?? 30_000, () => [
    ...handlers.keys(),
    CONTINUATION_JOB_TYPE,
    EFFECT_JOB_TYPE,
  ]);
  const pollIntervalMs = options.pollIntervalMs;

  /** Runs due work, then (when polling for work other engines schedule) looks again after the interval. */
  async function runDueWork(): Promise<number> {
    const ran = await commands.runDueWork();
    if (pollIntervalMs !== undefined && !closed) scheduler.consider(clock.now() + pollIntervalMs);
    return ran;
  }
  let closed = false;

  function committed(execution: Execution): void {
    let continuation = false;
    for (const { wait } of execution.state.elements) {
      if (closed || (wait?.kind !== 'timer' && wait?.kind !== 'job')) continue;
      if (wait.kind === 'timer' || wait.dueAt !== undefined) scheduler.consider(wait.dueAt!);
      else if (wait.continuation) continuation = true;
    }
    // undelivered effects become runnable for every engine once their grace period is over
    if (execution.outboxed.length > 0 && !closed) scheduler.consider(clock.now() + OUTBOX_GRACE_MS);
    // the job executor picks an async continuation up right after this command has returned (`idle()` waits
    // for it; a `close()` before then leaves it to whichever engine looks next)
    if (continuation) void track(new Promise((resolve) => setTimeout(resolve, 0)).then(() => (closed ? 0 : runDueWork())));
    if (listeners.size > 0) for (const event of execution.history) emit({ ...cloneJson(event), instanceId: execution.state.id });
  }

  function emit(event: EngineEvent): void {
    for (const name of [event.type, '*'] as const) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(event);
        } catch (error) {
          console.error(`[pravah] a '${name}' listener threw; listeners observe only`, error);
        }
      }
    }
  }

  function track<T>(work: Promise<T>): Promise<T> {
    background.add(work);
    const done = () => background.delete(work);
    work.then(done, done);
    return work;
  }

  function snapshotOf(execution: Execution): InstanceSnapshot {
    return toSnapshot(execution.state, execution.process);
  }

  async function taskOrThrow(taskId: string): Promise<Task> {
    const task = await store.getTask(parseInput(nonEmptyString, taskId, 'task id'));
    if (!task) throw new EngineError('TASK_NOT_FOUND', `No open task '${taskId}'`, { details: { taskId } });
    return task;
  }

  // Arm the scheduler for timers already in a durable store.
  void track(
    store.nextTimerDueAt().then((next) => {
      if (next !== undefined && !closed) scheduler.consider(next);
      if (pollIntervalMs !== undefined && !closed) scheduler.consider(clock.now() + pollIntervalMs);
    }),
  );

  return {
    clock,
    store,

    async deploy(source) {
      const deployed = await definitions.deploy(source);
      const next = await store.nextTimerDueAt();
      if (next !== undefined && !closed) scheduler.consider(next);
      return deployed;
    },

    async start(key, startOptions = {}) {
      parseInput(nonEmptyString, key, 'process key');
      const { variables, businessKey, version } = parseInput(startOptionsSchema, startOptions, 'start options');
      const process = await definitions.resolve(key, version);
      if (process.model.startEvents.length === 0 && (process.model.eventStartEvents?.length ?? 0) > 0) {
        throw new EngineError('INVALID_ARGUMENT', `'${key}' has no none start event: it starts by message, signal or timer`, { details: { key } });
      }
      const execution = await commands.create(process, { businessKey: businessKey ?? null, variables: toJsonObject(variables, 'variables') });
      return snapshotOf(execution);
    },

    async getInstance(instanceId) {
      const state = await runner.load(parseInput(nonEmptyString, instanceId, 'instance id'));
      return toSnapshot(state, await definitions.pinned(state.definitionId));
    },

    listInstances: async (filter = {}) => store.listInstances(parseInput(instanceFilterSchema, filter, 'instance filter')),

    listTasks: async (filter = {}) => store.listTasks(parseInput(taskFilterSchema, filter, 'task filter')),

    async claimTask(taskId, user) {
      const task = await taskOrThrow(taskId);
      if (user !== null) parseInput(nonEmptyString, user, 'user');
      if (user !== null && task.assignee !== null && task.assignee !== user) {
        throw new EngineError('TASK_ALREADY_CLAIMED', `Task '${taskId}' is claimed by '${task.assignee}'`, { details: { taskId, assignee: task.assignee } });
      }
      await commands.run(task.instanceId, (execution) => claimUserTask(execution, task.elementInstanceId, user));
      return { ...task, assignee: user };
    },

    async completeTask(taskId, taskOptions = {}) {
      const { variables, user } = parseInput(completeTaskOptionsSchema, taskOptions, 'completeTask options');
      const task = await taskOrThrow(taskId);
      const values = toJsonObject(variables, 'variables');
      const { execution } = await commands.run(task.instanceId, (execution) =>
        completeUserTask(execution, task.elementInstanceId, values, user ?? task.assignee),
      );
      return snapshotOf(execution);
    },

    handle(type, handler) {
      parseInput(nonEmptyString, type, 'handler type');
      if (typeof handler !== 'function') throw new EngineError('INVALID_ARGUMENT', `Handler for '${type}' must be a function`);
      handlers.set(type, handler);
      track(runDueWork()).catch((error) => console.error(`[pravah] running waiting '${type}' jobs failed`, error));
      return () => {
        if (handlers.get(type) === handler) handlers.delete(type);
      };
    },

    listJobs: async (filter = {}) => store.listJobs(parseInput(jobFilterSchema, filter, 'job filter')),

    async correlateMessage(name, correlateOptions = {}) {
      parseInput(nonEmptyString, name, 'message name');
      const { correlationKey, variables, businessKey, processVariables } = parseInput(correlateOptionsSchema, correlateOptions, 'correlate options');
      return correlate(store, definitions, commands, name, { correlationKey, businessKey, processVariables, variables: toJsonObject(variables, 'variables') });
    },

    async broadcastSignal(name, signalOptions = {}) {
      parseInput(nonEmptyString, name, 'signal name');
      const { variables } = parseInput(signalOptionsSchema, signalOptions, 'signal options');
      return commands.broadcastSignal(name, toJsonObject(variables, 'variables'));
    },

    async trigger(instanceId, triggerOptions) {
      const { elementId, variables } = parseInput(triggerOptionsSchema, triggerOptions, 'trigger options');
      const values = toJsonObject(variables, 'variables');
      const { execution } = await commands.run(parseInput(nonEmptyString, instanceId, 'instance id'), (execution) => {
        const waiting = execution.state.elements.find((element) => element.elementId === elementId && element.wait?.kind === 'trigger');
        if (!waiting) throw new EngineError('INSTANCE_NOT_ACTIVE', `Instance '${instanceId}' does not wait at '${elementId}'`, { details: { instanceId, elementId } });
        triggerWaitState(execution, waiting.id, values);
      });
      return snapshotOf(execution);
    },

    async setVariables(instanceId, variables) {
      const values = toJsonObject(variables, 'variables');
      const { execution } = await commands.run(parseInput(nonEmptyString, instanceId, 'instance id'), (execution) => setProcessVariables(execution, values));
      return snapshotOf(execution);
    },

    async cancelInstance(instanceId, reason = 'cancelled') {
      const { execution } = await commands.run(parseInput(nonEmptyString, instanceId, 'instance id'), (execution) => {
        if (execution.state.status !== 'active') throw new EngineError('INSTANCE_NOT_ACTIVE', `Instance '${instanceId}' has ended`, { details: { instanceId } });
        cancelInstance(execution, reason);
      });
      return snapshotOf(execution);
    },

    async migrate(migrateOptions) {
      return migrate(store, runner, definitions, parseInput(migrateOptionsSchema, migrateOptions, 'migrate options'));
    },

    async suspendInstance(instanceId) {
      return snapshotOf((await runner.setSuspended(parseInput(nonEmptyString, instanceId, 'instance id'), true)).execution);
    },

    async resumeInstance(instanceId) {
      const { execution } = await runner.setSuspended(parseInput(nonEmptyString, instanceId, 'instance id'), false);
      for (const element of execution.state.elements) if (element.wait?.kind === 'timer') scheduler.consider(element.wait.dueAt);
      return snapshotOf(execution);
    },

    async history(instanceId, page = {}) {
      const { limit, offset = 0, afterSeq } = parseInput(historyPageSchema, page, 'history page');
      const events = (await store.history(parseInput(nonEmptyString, instanceId, 'instance id'))).filter((event) => afterSeq === undefined || event.seq > afterSeq);
      return events.slice(offset, limit === undefined ? undefined : offset + limit);
    },

    listIncidents: async (filter = {}) => store.listIncidents(parseInput(incidentFilterSchema, filter, 'incident filter')),

    async retryIncident(incidentId) {
      const incident = await store.getIncident(parseInput(nonEmptyString, incidentId, 'incident id'));
      if (!incident) throw new EngineError('INCIDENT_NOT_FOUND', `No open incident '${incidentId}'`, { details: { incidentId } });
      const { execution } = await commands.run(incident.instanceId, (execution) => retryIncidentCommand(execution, incidentId));
      return snapshotOf(execution);
    },

    async listDefinitions() {
      const counts = new Map((await store.countInstances()).map((row) => [row.definitionId, row]));
      return (await store.listDefinitions()).map((record) => {
        const row = counts.get(record.id);
        return {
          id: record.id,
          key: record.key,
          version: record.version,
          name: record.name,
          resourceName: record.resourceName,
          deployedAt: record.deployedAt,
          executable: record.executable !== false,
          instances: { active: row?.active ?? 0, completed: row?.completed ?? 0, terminated: row?.terminated ?? 0 },
        };
      });
    },

    runDueWork,

    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
      };
    },

    async idle() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },

    close() {
      closed = true;
      scheduler.stop();
    },
  };
}
