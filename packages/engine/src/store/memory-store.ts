import { EngineError } from '../errors.js';
import { cloneJson } from '../json-clone.js';
import type { HistoryEvent } from '../model/history-event.js';
import { memoryDefinitions } from './memory-definitions.js';
import { memoryLeases } from './memory-leases.js';
import { memoryStartTimers } from './memory-start-timers.js';
import { packHistory, unpackHistory, type PackedHistory } from './packed-history.js';
import type { InstanceState } from '../model/instance-state.js';
import {
  deriveRecords,
  summarize,
  type DerivedRecords,
  type IncidentRecord,
  type InstanceSummary,
  type JobRecord,
  type SignalSubscriptionRecord,
  type SubscriptionRecord,
  type TaskRecord,
  type TimerRecord,
} from './records.js';
import type {
  IncidentFilter,
  InstanceCommit,
  InstanceCounts,
  InstanceFilter,
  JobFilter,
  Page,
  Store,
  TaskFilter,
  WorkLeaseRequest,
} from './store.js';

interface StoredInstance extends InstanceSummary {
  revision: number;
  /**
   * Active instances: the state as JSON text (compact, and every load parses a private copy). Finished
   * ones: the state object the engine handed over and no longer touches (no serialisation on the hot path;
   * loads return deep copies).
   */
  state: string | InstanceState;
  records: DerivedRecords;
  history: PackedHistory[];
}

export interface MemoryStoreOptions {
  /**
   * How many completed or terminated instances (with their history) to keep; beyond that the ones that
   * finished first are dropped. Active instances are always kept. Default 10,000; `Infinity` keeps all.
   * The in-memory store is for tests and short-lived processes; durable history belongs in a database store.
   */
  retainFinished?: number;
}

/**
 * The default store: everything in this process's memory, nothing survives a restart. Instances are kept as
 * JSON text, so a command always works on its own copy and a failed command leaves nothing behind.
 */
export function memoryStore(options: MemoryStoreOptions = {}): Store {
  const retainFinished = options.retainFinished ?? 10_000;
  /** Finished instance ids in the order they finished; `finished[firstFinished]` is the oldest kept. */
  let finished: string[] = [];
  let firstFinished = 0;
  const instances = new Map<string, StoredInstance>();
  const tasks = new Map<string, TaskRecord>();
  const jobs = new Map<string, JobRecord>();
  const incidents = new Map<string, IncidentRecord>();
  const subscriptions = new Map<string, Map<string, SubscriptionRecord>>();
  const signals = new Map<string, Map<string, SignalSubscriptionRecord>>();
  const startTimers = memoryStartTimers();
  const leases = memoryLeases();
  const timers: TimerRecord[] = []; // sorted by dueAt

  function addRecords(records: DerivedRecords): void {
    for (const task of records.tasks) tasks.set(task.id, task);
    for (const job of records.jobs) jobs.set(job.jobKey, job);
    for (const incident of records.incidents) incidents.set(incident.id, incident);
    for (const subscription of records.subscriptions) {
      let byId = subscriptions.get(subscription.messageName);
      if (!byId) subscriptions.set(subscription.messageName, (byId = new Map()));
      byId.set(subscription.id, subscription);
    }
    for (const signal of records.signals) {
      let byId = signals.get(signal.signalName);
      if (!byId) signals.set(signal.signalName, (byId = new Map()));
      byId.set(signal.id, signal);
    }
    for (const timer of records.timers) timers.splice(timerIndex(timer.dueAt, true), 0, timer);
  }

  function removeRecords(records: DerivedRecords): void {
    for (const task of records.tasks) tasks.delete(task.id);
    for (const job of records.jobs) {
      jobs.delete(job.jobKey);
      leases.forget('job', job.jobKey);
    }
    for (const incident of records.incidents) incidents.delete(incident.id);
    for (const subscription of records.subscriptions) subscriptions.get(subscription.messageName)?.delete(subscription.id);
    for (const signal of records.signals) signals.get(signal.signalName)?.delete(signal.id);
    for (const timer of records.timers) {
      leases.forget('timer', timer.id);
      for (let index = timerIndex(timer.dueAt); index < timers.length && timers[index].dueAt === timer.dueAt; index++) {
        if (timers[index].id === timer.id) {
          timers.splice(index, 1);
          break;
        }
      }
    }
  }

  function forgetOldFinished(instanceId: string): void {
    finished.push(instanceId);
    while (finished.length - firstFinished > retainFinished) instances.delete(finished[firstFinished++]);
    if (firstFinished > 4096 && firstFinished * 2 > finished.length) {
      finished = finished.slice(firstFinished);
      firstFinished = 0;
    }
  }

  /** First index whose dueAt is >= `dueAt` (or > `dueAt` with `after`), by binary search. */
  function timerIndex(dueAt: number, after = false): number {
    let low = 0;
    let high = timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (timers[middle].dueAt < dueAt || (after && timers[middle].dueAt === dueAt)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  return {
    kind: 'memory',

    ...memoryDefinitions(),

    async countInstances() {
      const counts = new Map<string, InstanceCounts>();
      for (const summary of instances.values()) {
        let row = counts.get(summary.definitionId);
        if (!row) counts.set(summary.definitionId, (row = { definitionId: summary.definitionId, active: 0, completed: 0, terminated: 0 }));
        row[summary.status]++;
      }
      return [...counts.values()];
    },

    async loadInstance(id) {
      const stored = instances.get(id);
      if (!stored) return undefined;
      return typeof stored.state === 'string' ? JSON.parse(stored.state) : cloneJson(stored.state);
    },

    async commit({ state, expectedRevision, history }: InstanceCommit) {
      const stored = instances.get(state.id);
      const current = stored ? stored.revision : null;
      if (current !== expectedRevision) {
        throw new EngineError('CONCURRENT_MODIFICATION', `Instance '${state.id}' was changed by another command (revision ${current}, expected ${expectedRevision})`, {
          details: { instanceId: state.id, retryable: true },
        });
      }
      const kept = state.status === 'active' ? JSON.stringify(state) : state;
      const records = deriveRecords(state);
      const packed = packHistory(history);
      if (stored) {
        removeRecords(stored.records);
        stored.status = state.status;
        stored.endedAt = state.endedAt;
        stored.definitionId = state.definitionId; // a migration moves an instance to another version
        stored.version = state.version;
        stored.revision = state.revision;
        stored.state = kept;
        stored.records = records;
        if (packed) stored.history.push(packed);
      } else {
        const row = summarize(state) as StoredInstance;
        row.revision = state.revision;
        row.state = kept;
        row.records = records;
        row.history = packed ? [packed] : [];
        instances.set(state.id, row);
      }
      addRecords(records);
      if (state.status !== 'active') forgetOldFinished(state.id);
    },

    async listInstances(filter: InstanceFilter) {
      const rows: InstanceSummary[] = [];
      for (const summary of instances.values()) {
        if (filter.key !== undefined && summary.key !== filter.key) continue;
        if (filter.version !== undefined && summary.version !== filter.version) continue;
        if (filter.status !== undefined && summary.status !== filter.status) continue;
        if (filter.businessKey !== undefined && summary.businessKey !== filter.businessKey) continue;
        rows.push(summarize(summary));
      }
      return page(rows, filter);
    },

    async history(instanceId) {
      const events: HistoryEvent[] = [];
      for (const batch of instances.get(instanceId)?.history ?? []) unpackHistory(batch, events);
      return events;
    },

    async listTasks(filter: TaskFilter) {
      const rows: TaskRecord[] = [];
      for (const task of tasks.values()) {
        if (filter.instanceId !== undefined && task.instanceId !== filter.instanceId) continue;
        if (filter.assignee !== undefined && task.assignee !== filter.assignee) continue;
        if (filter.elementId !== undefined && task.elementId !== filter.elementId) continue;
        if (filter.key !== undefined && task.key !== filter.key) continue;
        if (filter.candidateGroup !== undefined && !task.candidateGroups.includes(filter.candidateGroup)) continue;
        if (filter.candidateUser !== undefined && !task.candidateUsers.includes(filter.candidateUser)) continue;
        rows.push(task);
      }
      return page(rows, filter).map(copyTask);
    },

    async getTask(taskId) {
      const task = tasks.get(taskId);
      return task && copyTask(task);
    },

    async listIncidents(filter: IncidentFilter) {
      const rows: IncidentRecord[] = [];
      for (const incident of incidents.values()) {
        if (filter.instanceId !== undefined && incident.instanceId !== filter.instanceId) continue;
        if (filter.elementId !== undefined && incident.elementId !== filter.elementId) continue;
        if (filter.code !== undefined && incident.code !== filter.code) continue;
        rows.push({ ...incident });
      }
      return page(rows, filter);
    },

    async getIncident(incidentId) {
      const incident = incidents.get(incidentId);
      return incident && { ...incident };
    },

    async listJobs(filter: JobFilter) {
      const rows: JobRecord[] = [];
      for (const job of jobs.values()) {
        if (filter.type !== undefined && job.type !== filter.type) continue;
        if (filter.instanceId !== undefined && job.instanceId !== filter.instanceId) continue;
        rows.push({ ...job });
      }
      return page(rows, filter);
    },

    async findSubscriptions(messageName, correlationKey) {
      const rows: SubscriptionRecord[] = [];
      for (const subscription of subscriptions.get(messageName)?.values() ?? []) {
        if (subscription.correlationKey === correlationKey) rows.push({ ...subscription });
      }
      return rows.sort((a, b) => a.createdAt - b.createdAt);
    },

    async dueTimers(now, limit) {
      const rows: TimerRecord[] = [];
      for (const timer of timers) {
        if (timer.dueAt > now || rows.length >= limit) break;
        rows.push({ ...timer });
      }
      return rows;
    },

    async findSignalSubscriptions(signalName) {
      return [...(signals.get(signalName)?.values() ?? [])].map((signal) => ({ ...signal }));
    },

    async leaseDueWork(request: WorkLeaseRequest) {
      return leases.lease(timers, jobs.values(), request);
    },

    async nextTimerDueAt() {
      const candidates = [timers[0]?.dueAt, startTimers.earliest()];
      for (const job of jobs.values()) if (job.dueAt !== null && !job.blocked) candidates.push(job.dueAt);
      const due = candidates.filter((at): at is number => at !== undefined);
      return due.length > 0 ? Math.min(...due) : undefined;
    },

    replaceStartTimers: startTimers.replaceStartTimers,
    dueStartTimers: startTimers.dueStartTimers,
    advanceStartTimer: startTimers.advanceStartTimer,
    listStartTimers: startTimers.listStartTimers,
  };
}

function page<T>(rows: T[], { offset = 0, limit }: Page): T[] {
  return offset === 0 && limit === undefined ? rows : rows.slice(offset, limit === undefined ? undefined : offset + limit);
}

function copyTask(task: TaskRecord): TaskRecord {
  return { ...task, candidateUsers: [...task.candidateUsers], candidateGroups: [...task.candidateGroups] };
}
