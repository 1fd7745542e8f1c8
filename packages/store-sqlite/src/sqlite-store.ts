import Database from 'better-sqlite3';
import {
  EngineError,
  deriveRecords,
  type DefinitionRecord,
  type HistoryEvent,
  type IncidentRecord,
  type InstanceCommit,
  type InstanceCounts,
  type InstanceSummary,
  type JobRecord,
  type SignalSubscriptionRecord,
  type StartTimerRecord,
  type Store,
  type SubscriptionRecord,
  type TaskRecord,
  type TimerRecord,
} from '@pravah/engine';
import { toDefinition, type DefinitionRow } from './definition-rows.js';
import { derivedRowWriter } from './derived-rows.js';
import { filteredQueries, taskQuery } from './filtered-query.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/migrations.js';
import { workLeaser } from './work-leases.js';

export interface SqliteStoreOptions {
  /** Path of the database file (created when missing), or `':memory:'`. */
  file: string;
  /** How long a write waits for another connection's lock before failing, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

export interface SqliteStore extends Store {
  /** Closes the database. The store must not be used afterwards. */
  close(): void;
}

const parse = <T>(rows: unknown[]): T[] => rows.map((row) => JSON.parse(row as string) as T);

/**
 * A durable store in one SQLite file (better-sqlite3, WAL). The schema is created and upgraded by the
 * migrations shipped in this package when the store opens. A commit is one transaction: the revision
 * check, the state, the history and the instance's query rows.
 *
 * @example const engine = createEngine({ store: sqliteStore({ file: 'pravah.db' }) });
 */
export function sqliteStore({ file, busyTimeoutMs = 5000 }: SqliteStoreOptions): SqliteStore {
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }

  const list = filteredQueries(db);
  const rows = derivedRowWriter(db);
  const lease = workLeaser(db);
  const one = (sql: string) => db.prepare(sql).pluck();
  const statements = {
    insertDefinition: db.prepare(
      `INSERT INTO definitions (id, key, version, name, xml, checksum, resource_name, deployed_at, executable)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    getDefinition: db.prepare('SELECT * FROM definitions WHERE id = ?'),
    latestDefinitionId: db.prepare('SELECT id FROM definitions WHERE key = ? ORDER BY version DESC LIMIT 1').pluck(),
    definitionVersion: db.prepare('SELECT * FROM definitions WHERE key = ? AND version = ?'),
    listDefinitions: db.prepare('SELECT * FROM definitions ORDER BY key, version'),
    countInstances: db.prepare(
      `SELECT definition_id AS definitionId, sum(status = 'active') AS active, sum(status = 'completed') AS completed,
         sum(status = 'terminated') AS terminated FROM instances GROUP BY definition_id`,
    ),
    loadInstance: one('SELECT state FROM instances WHERE id = ?'),
    insertInstance: db.prepare(
      `INSERT INTO instances (id, definition_id, key, version, business_key, status, revision, state, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    updateInstance: db.prepare(
      `UPDATE instances SET definition_id = ?, key = ?, version = ?, business_key = ?, status = ?, revision = ?, state = ?,
         started_at = ?, ended_at = ? WHERE id = ? AND revision = ?`,
    ),
    currentRevision: one('SELECT revision FROM instances WHERE id = ?'),
    appendHistory: db.prepare('INSERT INTO history (instance_id, seq, event) VALUES (?, ?, ?)'),
    history: one('SELECT event FROM history WHERE instance_id = ? ORDER BY seq'),
    getTask: one('SELECT record FROM tasks WHERE id = ?'),
    getIncident: one('SELECT record FROM incidents WHERE id = ?'),
    subscriptions: one('SELECT record FROM message_subscriptions WHERE message_name = ? AND correlation_key IS ? ORDER BY created_at, id'),
    signals: one('SELECT record FROM signal_subscriptions WHERE signal_name = ? ORDER BY rowid'),
    dueTimers: one('SELECT record FROM timers WHERE due_at <= ? ORDER BY due_at LIMIT ?'),
    nextTimer: one('SELECT min(due_at) FROM timers'),
    nextJobRetry: one('SELECT min(due_at) FROM jobs WHERE due_at IS NOT NULL AND blocked = 0'),
    nextStartTimer: one('SELECT min(due_at) FROM start_timers'),
    deleteStartTimers: db.prepare('DELETE FROM start_timers WHERE key = ?'),
    insertStartTimer: db.prepare('INSERT INTO start_timers (id, key, due_at, record) VALUES (?, ?, ?, ?)'),
    updateStartTimer: db.prepare('UPDATE start_timers SET key = ?, due_at = ?, record = ? WHERE id = ? AND due_at = ?'),
    deleteStartTimer: db.prepare('DELETE FROM start_timers WHERE id = ? AND due_at = ?'),
    dueStartTimers: one('SELECT record FROM start_timers WHERE due_at <= ? ORDER BY due_at LIMIT ?'),
    listStartTimers: one('SELECT record FROM start_timers ORDER BY rowid'),
  };

  const saveDefinitions = db.transaction((records: DefinitionRecord[]) => {
    for (const record of records) {
      const { changes } = statements.insertDefinition.run(
        record.id,
        record.key,
        record.version,
        record.name ?? null,
        record.xml,
        record.checksum,
        record.resourceName ?? null,
        record.deployedAt,
        record.executable === undefined ? null : Number(record.executable),
      );
      if (changes === 0) {
        throw new EngineError('CONCURRENT_MODIFICATION', `Definition '${record.id}' exists already`, { details: { definitionId: record.id } });
      }
    }
  });

  /** Definition records never change once saved, so they are read from the file once. */
  const definitionCache = new Map<string, DefinitionRecord>();

  const commit = db.transaction(({ state, expectedRevision, history }: InstanceCommit) => {
    const text = JSON.stringify(state);
    const summary = [state.definitionId, state.key, state.version, state.businessKey, state.status, state.revision, text, state.startedAt, state.endedAt];
    const { changes } =
      expectedRevision === null
        ? statements.insertInstance.run(state.id, ...summary)
        : statements.updateInstance.run(...summary, state.id, expectedRevision);
    if (changes === 0) {
      const current = statements.currentRevision.get(state.id) ?? null;
      throw new EngineError('CONCURRENT_MODIFICATION', `Instance '${state.id}' was changed by another command (revision ${current}, expected ${expectedRevision})`, {
        details: { instanceId: state.id, retryable: true },
      });
    }
    if (expectedRevision !== null) rows.remove(state.id);
    // one row per command (its events as a JSON array, keyed by the first seq): a command writes 15 events
    // on a short process, and one insert instead of fifteen is most of a commit's cost
    if (history.length > 0) statements.appendHistory.run(state.id, history[0].seq, JSON.stringify(history));
    rows.insert(deriveRecords(state));
  });

  const replaceStartTimers = db.transaction((key: string, timers: StartTimerRecord[]) => {
    statements.deleteStartTimers.run(key);
    for (const timer of timers) statements.insertStartTimer.run(timer.id, timer.key, timer.dueAt, JSON.stringify(timer));
  });

  const definition = (row: unknown): DefinitionRecord | undefined => (row === undefined ? undefined : toDefinition(row as DefinitionRow));
  const record = <T>(text: unknown): T | undefined => (text === undefined ? undefined : (JSON.parse(text as string) as T));

  return {
    kind: 'sqlite',

    close() {
      if (!db.open) return;
      db.pragma('optimize');
      db.close();
    },

    async saveDefinitions(records) {
      saveDefinitions.immediate(records);
    },

    async getDefinition(id) {
      return definition(statements.getDefinition.get(id));
    },

    async findDefinition(key, version) {
      if (version === undefined) {
        // every start asks for the latest version: read only its id, and the (immutable) record once
        const id = statements.latestDefinitionId.get(key) as string | undefined;
        if (id === undefined) return undefined;
        let cached = definitionCache.get(id);
        if (!cached) definitionCache.set(id, (cached = definition(statements.getDefinition.get(id))!));
        return { ...cached };
      }
      return definition(statements.definitionVersion.get(key, version));
    },

    async listDefinitions() {
      return (statements.listDefinitions.all() as DefinitionRow[]).map(toDefinition);
    },

    async countInstances() {
      return statements.countInstances.all() as InstanceCounts[];
    },

    async loadInstance(id) {
      return record<unknown>(statements.loadInstance.get(id));
    },

    async commit(instanceCommit) {
      commit.immediate(instanceCommit);
    },

    async listInstances(filter) {
      return list({
        select: 'id, key, version, definition_id AS definitionId, business_key AS businessKey, status, started_at AS startedAt, ended_at AS endedAt',
        columns: 'many',
        from: 'instances',
        conditions: [
          ['key = ?', filter.key],
          ['version = ?', filter.version],
          ['status = ?', filter.status],
          ['business_key = ?', filter.businessKey],
        ],
        orderBy: 'rowid',
        page: filter,
      }) as InstanceSummary[];
    },

    async history(instanceId) {
      // rows are commands (arrays of events); a single event object is also read, as older rows may hold one
      return parse<HistoryEvent | HistoryEvent[]>(statements.history.all(instanceId)).flat();
    },

    async listTasks(filter) {
      return parse<TaskRecord>(list(taskQuery(filter)));
    },

    async getTask(taskId) {
      return record<TaskRecord>(statements.getTask.get(taskId));
    },

    async listIncidents(filter) {
      const conditions: Array<[string, unknown]> = [
        ['instance_id = ?', filter.instanceId],
        ['element_id = ?', filter.elementId],
        ['code = ?', filter.code],
      ];
      return parse<IncidentRecord>(list({ select: 'record', from: 'incidents', conditions, orderBy: 'created_at, id', page: filter }));
    },

    async getIncident(incidentId) {
      return record<IncidentRecord>(statements.getIncident.get(incidentId));
    },

    async listJobs(filter) {
      const conditions: Array<[string, unknown]> = [
        ['type = ?', filter.type],
        ['instance_id = ?', filter.instanceId],
      ];
      return parse<JobRecord>(list({ select: 'record', from: 'jobs', conditions, orderBy: 'rowid', page: filter }));
    },

    async findSubscriptions(messageName, correlationKey) {
      return parse<SubscriptionRecord>(statements.subscriptions.all(messageName, correlationKey));
    },

    async findSignalSubscriptions(signalName) {
      return parse<SignalSubscriptionRecord>(statements.signals.all(signalName));
    },

    async dueTimers(now, limit) {
      return parse<TimerRecord>(statements.dueTimers.all(now, limit));
    },

    async leaseDueWork(request) {
      return lease(request);
    },

    async nextTimerDueAt() {
      const due = [statements.nextTimer.get(), statements.nextStartTimer.get(), statements.nextJobRetry.get()].filter(
        (at): at is number => typeof at === 'number',
      );
      return due.length > 0 ? Math.min(...due) : undefined;
    },

    async replaceStartTimers(key, timers) {
      replaceStartTimers.immediate(key, timers);
    },

    async dueStartTimers(now, limit) {
      return parse<StartTimerRecord>(statements.dueStartTimers.all(now, limit));
    },

    async advanceStartTimer(fired, next) {
      const { changes } = next
        ? statements.updateStartTimer.run(next.key, next.dueAt, JSON.stringify(next), fired.id, fired.dueAt)
        : statements.deleteStartTimer.run(fired.id, fired.dueAt);
      return changes > 0;
    },

    async listStartTimers() {
      return parse<StartTimerRecord>(statements.listStartTimers.all());
    },
  };
}
