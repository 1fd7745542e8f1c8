import Database from 'better-sqlite3';
import { deriveRecords, type Engine, type HistoryEvent } from '@pravah/engine';
import type { HandlerCall } from './crash-log.js';

/** Every element of `crash-mix.bpmn`; each runs exactly once per instance (no loops, no boundary events). */
const ELEMENTS = ['start', 'prepare', 'fork', 'review', 'pause', 'charge', 'notify', 'join', 'archive', 'end'];
/** Its service tasks: each element instance is one job, `<instanceId>.<elementInstanceId>`. */
const SERVICE_TASKS = new Set(['prepare', 'charge', 'notify', 'archive']);
/** Query rows that must all be gone once every instance completed. */
const ROW_TABLES = ['tasks', 'jobs', 'timers', 'message_subscriptions', 'signal_subscriptions', 'incidents'];

export interface CrashEvidence {
  engine: Engine;
  file: string;
  /** Ids the workers noted after `start` resolved. */
  reportedStarted: string[];
  calls: HandlerCall[];
  /** When each killed worker got its SIGKILL, by pid. */
  killedAt: Map<number, number>;
}

export interface CrashReport {
  violations: string[];
  instances: number;
  jobs: number;
  calls: number;
  /** Calls of a job beyond its first: its first caller was killed before committing. */
  duplicateCalls: number;
  /** Calls for jobs no committed state holds: a killed worker ran the handler, then lost the command. */
  orphanCalls: number;
}

type ElementEvent = Extract<HistoryEvent, { elementInstanceId: string }>;

/** `Map.groupBy` (Node 21+), for Node 20. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Checks what must hold after any number of crashes once every instance ran to its end. */
export async function checkCrashInvariants({ engine, file, reportedStarted, calls, killedAt }: CrashEvidence): Promise<CrashReport> {
  const violations: string[] = [];
  const instances = await engine.listInstances({});
  const stored = new Set(instances.map((instance) => instance.id));

  // nothing lost: every id a worker saw `start` return is in the store, and every instance completed
  for (const id of reportedStarted) if (!stored.has(id)) violations.push(`instance ${id} was started but is not in the store`);
  for (const instance of instances) if (instance.status !== 'completed') violations.push(`instance ${instance.id} is ${instance.status}`);

  // each instance ran once: one start, one end, every element activated and ended exactly once
  const jobs = new Map<string, { instanceId: string; elementId: string; completedAt: number | undefined }>();
  for (const { id } of instances) {
    const history = await engine.history(id);
    const count = (type: HistoryEvent['type']) => history.filter((event) => event.type === type).length;
    if (count('instance-started') !== 1 || count('instance-completed') !== 1) violations.push(`instance ${id}: ${count('instance-started')} starts, ${count('instance-completed')} completions`);
    if (history.some((event, index) => event.seq !== index + 1)) violations.push(`instance ${id}: history seq has gaps or repeats`);
    const elementEvents = history.filter((event): event is ElementEvent => 'elementInstanceId' in event);
    const byElementInstance = groupBy(elementEvents, (event) => event.elementInstanceId);
    for (const [elementInstanceId, events] of byElementInstance) {
      const types = events.map((event) => event.type);
      if (types[0] !== 'element-activated' || types.filter((type) => type === 'element-activated').length !== 1 || types.length > 2) {
        violations.push(`instance ${id} element instance ${elementInstanceId} (${events[0].elementId}): ${types.join(', ')}`);
      }
    }
    for (const elementId of ELEMENTS) {
      const activated = elementEvents.filter((event) => event.elementId === elementId && event.type === 'element-activated');
      const completed = elementEvents.filter((event) => event.elementId === elementId && event.type === 'element-completed');
      if (activated.length !== 1 || completed.length !== 1) violations.push(`instance ${id}: ${elementId} activated ${activated.length}, completed ${completed.length} times`);
      if (SERVICE_TASKS.has(elementId)) {
        for (const event of activated) {
          const completion = completed.find((done) => done.elementInstanceId === event.elementInstanceId);
          jobs.set(`${id}.${event.elementInstanceId}`, { instanceId: id, elementId, completedAt: completion?.at });
        }
      }
    }
  }

  // no task, job, timer, subscription or incident row is left
  const db = new Database(file, { readonly: true });
  for (const table of ROW_TABLES) {
    const { rows } = db.prepare(`SELECT COUNT(*) AS rows FROM ${table}`).get() as { rows: number };
    if (rows !== 0) violations.push(`${rows} rows left in ${table}`);
  }
  db.close();

  // every job's handler ran at least once; a second call only after a kill cut the first caller short
  const callsByJob = groupBy(calls, (call) => call.jobKey);
  let duplicateCalls = 0;
  let orphanCalls = 0;
  for (const [jobKey, job] of jobs) {
    const made = callsByJob.get(jobKey) ?? [];
    if (made.length === 0) violations.push(`job ${jobKey} (${job.elementId}) completed without a handler call`);
    if (made.some((call) => call.elementId !== job.elementId)) violations.push(`job ${jobKey}: a call names another element`);
    duplicateCalls += Math.max(0, made.length - 1);
    for (const superseded of made.slice(0, -1)) {
      const killed = killedAt.get(superseded.pid);
      if (killed === undefined) violations.push(`job ${jobKey}: called again although its caller ${superseded.pid} was not killed`);
      else if (job.completedAt === undefined || job.completedAt < killed) violations.push(`job ${jobKey}: completed before its caller ${superseded.pid} was killed, yet called again`);
    }
    if (new Set(made.map((call) => call.pid)).size !== made.length) violations.push(`job ${jobKey}: one process called its handler twice`);
  }
  for (const [jobKey, made] of callsByJob) {
    if (jobs.has(jobKey)) continue;
    orphanCalls += made.length;
    // the command that reached the job never committed: only a killed worker may have made the call
    for (const call of made) if (!killedAt.has(call.pid)) violations.push(`job ${jobKey}: a live process ran a job no committed state holds`);
  }

  return { violations: violations.slice(0, 30), instances: instances.length, jobs: jobs.size, calls: calls.length, duplicateCalls, orphanCalls };
}

/**
 * What must hold after every restart, while instances are still running: every instance a worker reported
 * started is in the store and its state passes the schema; none completed twice; no element instance
 * completed twice; and the task and job rows of each active instance are exactly those its state derives.
 */
export async function checkAfterRestart(engine: Engine, reportedStarted: string[]): Promise<string[]> {
  const violations: string[] = [];
  for (const id of new Set(reportedStarted)) {
    const instance = await engine.getInstance(id).catch(() => undefined);
    if (!instance) {
      violations.push(`${id}: reported started but not in the store`);
      continue;
    }
    const history = await engine.history(id);
    if (history.filter((event) => event.type === 'instance-completed').length > 1) violations.push(`${id}: completed twice`);
    const completed = history.filter((event) => event.type === 'element-completed').map((event) => (event as ElementEvent).elementInstanceId);
    if (new Set(completed).size !== completed.length) violations.push(`${id}: an element instance completed twice`);
    if (instance.status !== 'active') continue;
    const state = await engine.store.loadInstance(id);
    const derived = deriveRecords(state as Parameters<typeof deriveRecords>[0]);
    const taskIds = (await engine.listTasks({ instanceId: id })).map((task) => task.id).sort();
    if (taskIds.join() !== derived.tasks.map((task) => task.id).sort().join()) violations.push(`${id}: task rows differ from its state`);
    const jobKeys = (await engine.listJobs({ instanceId: id })).map((job) => job.jobKey).sort();
    if (jobKeys.join() !== derived.jobs.map((job) => job.jobKey).sort().join()) violations.push(`${id}: job rows differ from its state`);
  }
  return violations;
}
