import { EngineError, type IncidentFilter, type InstanceCounts, type InstanceFilter, type InstanceSummary, type JobFilter, type Store, type TaskFilter } from '@pravah/engine';
import pg from 'pg';
import { writeCommit } from './commit.js';
import { migrate } from './migrate.js';
import {
  columnList,
  definitionsTable,
  fromRow,
  incidentsTable,
  insertStatement,
  jobsTable,
  signalsTable,
  startTimersTable,
  subscriptionsTable,
  tasksTable,
  timersTable,
  type Table,
} from './tables.js';
import { inTransaction } from './transaction.js';
import { whereClause } from './where.js';
import { leaseDueWork } from './work-leases.js';

export type PostgresStoreOptions =
  /** The store opens (and `close` ends) its own pool. */
  | { connectionString: string }
  /** A pool you own: `close` leaves it open. Set `search_path` on it to keep the tables in another schema. */
  | { pool: pg.Pool };

export interface PostgresStore extends Store {
  /** Ends the store's own pool (a pool passed in stays open). */
  close(): Promise<void>;
}

const SUMMARY = 'id, key, version, definition_id, business_key, status, started_at, ended_at';

/**
 * A `Store` on PostgreSQL: instance state as JSON text with a revision for optimistic concurrency, history
 * appended per command, and indexed query rows derived from each state. The schema is created and upgraded
 * by the migrations this package ships, on first use.
 *
 * @example
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL! });
 * const engine = createEngine({ store });
 * // ... on shutdown
 * engine.close();
 * await store.close();
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  const ownsPool = !('pool' in options);
  const pool = 'pool' in options ? options.pool : new pg.Pool({ connectionString: options.connectionString });
  // An idle client that loses its connection is dropped by the pool; the next query reports the problem.
  if (ownsPool) pool.on('error', () => undefined);
  let ready: Promise<unknown> | undefined;
  let closed = false;

  /** The pool, once the schema is migrated (the first call migrates; a failed migration is retried next call). */
  async function db(): Promise<pg.Pool> {
    if (closed) throw new EngineError('INVALID_ARGUMENT', 'The PostgreSQL store is closed');
    ready ??= migrate(pool).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return pool;
  }

  async function select<T>(table: Table<T>, where: string, values: unknown[]): Promise<T[]> {
    const { rows } = await (await db()).query(`SELECT ${columnList(table)} FROM ${table.name}${where}`, values);
    return rows.map((row) => fromRow(table, row));
  }

  async function selectOne<T>(table: Table<T>, where: string, values: unknown[]): Promise<T | undefined> {
    return (await select(table, where, values))[0];
  }

  return {
    kind: 'postgres',

    async saveDefinitions(records) {
      if (records.length === 0) return;
      await inTransaction(await db(), async (client) => {
        const { text, values } = insertStatement(definitionsTable, records);
        const { rows } = await client.query<{ id: string }>(`${text} ON CONFLICT DO NOTHING RETURNING id`, values);
        if (rows.length !== records.length) {
          const saved = new Set(rows.map((row) => row.id));
          const existing = records.find((record) => !saved.has(record.id)) ?? records[0];
          throw new EngineError('CONCURRENT_MODIFICATION', `Definition '${existing.id}' exists already`, { details: { definitionId: existing.id } });
        }
      });
    },

    getDefinition: (id) => selectOne(definitionsTable, ' WHERE id = $1', [id]),

    findDefinition: (key, version) =>
      version === undefined
        ? selectOne(definitionsTable, ' WHERE key = $1 ORDER BY version DESC LIMIT 1', [key])
        : selectOne(definitionsTable, ' WHERE key = $1 AND version = $2', [key, version]),

    listDefinitions: () => select(definitionsTable, ' ORDER BY key COLLATE "C", version', []),

    async countInstances() {
      const { rows } = await (await db()).query<InstanceCounts>(`
        SELECT definition_id AS "definitionId",
               count(*) FILTER (WHERE status = 'active')::int AS active,
               count(*) FILTER (WHERE status = 'completed')::int AS completed,
               count(*) FILTER (WHERE status = 'terminated')::int AS terminated
        FROM instances GROUP BY definition_id ORDER BY min(position)`);
      return rows;
    },

    async loadInstance(id) {
      const { rows } = await (await db()).query<{ state: string }>('SELECT state FROM instances WHERE id = $1', [id]);
      return rows.length === 0 ? undefined : JSON.parse(rows[0].state);
    },

    async commit(commit) {
      await inTransaction(await db(), (client) => writeCommit(client, commit));
    },

    async listInstances(filter: InstanceFilter) {
      const { sql, values } = whereClause(filter, { key: 'key = ?', version: 'version = ?', status: 'status = ?', businessKey: 'business_key = ?' });
      const { rows } = await (await db()).query(`SELECT ${SUMMARY} FROM instances${sql}`, values);
      return rows.map(toSummary);
    },

    async history(instanceId) {
      const { rows } = await (await db()).query<{ event: string }>('SELECT event FROM history WHERE instance_id = $1 ORDER BY id', [instanceId]);
      return rows.map((row) => JSON.parse(row.event));
    },

    listTasks(filter: TaskFilter) {
      const { sql, values } = whereClause(filter, {
        instanceId: 'instance_id = ?',
        assignee: 'assignee = ?',
        elementId: 'element_id = ?',
        key: 'key = ?',
        candidateGroup: `id IN (SELECT task_id FROM task_candidates WHERE kind = 'group' AND name = ?)`,
        candidateUser: `id IN (SELECT task_id FROM task_candidates WHERE kind = 'user' AND name = ?)`,
      });
      return select(tasksTable, sql, values);
    },

    getTask: (taskId) => selectOne(tasksTable, ' WHERE id = $1', [taskId]),

    listIncidents(filter: IncidentFilter) {
      const { sql, values } = whereClause(filter, { instanceId: 'instance_id = ?', elementId: 'element_id = ?', code: 'code = ?' });
      return select(incidentsTable, sql, values);
    },

    getIncident: (incidentId) => selectOne(incidentsTable, ' WHERE id = $1', [incidentId]),

    listJobs(filter: JobFilter) {
      const { sql, values } = whereClause(filter, { type: 'type = ?', instanceId: 'instance_id = ?' });
      return select(jobsTable, sql, values);
    },

    findSubscriptions: (messageName, correlationKey) =>
      correlationKey === null
        ? select(subscriptionsTable, ' WHERE message_name = $1 AND correlation_key IS NULL ORDER BY created_at, position', [messageName])
        : select(subscriptionsTable, ' WHERE message_name = $1 AND correlation_key = $2 ORDER BY created_at, position', [messageName, correlationKey]),

    findSignalSubscriptions: (signalName) => select(signalsTable, ' WHERE signal_name = $1 ORDER BY position', [signalName]),

    dueTimers: (now, limit) => select(timersTable, ' WHERE due_at <= $1 ORDER BY due_at, position LIMIT $2', [now, limit]),

    leaseDueWork: async (request) => inTransaction(await db(), (client) => leaseDueWork(client, request)),

    async nextTimerDueAt() {
      const { rows } = await (await db()).query<{ next: string | null }>(
        'SELECT least((SELECT min(due_at) FROM timers), (SELECT min(due_at) FROM start_timers), (SELECT min(due_at) FROM jobs WHERE NOT blocked)) AS next',
      );
      return rows[0].next === null ? undefined : Number(rows[0].next);
    },

    async replaceStartTimers(key, timers) {
      await inTransaction(await db(), async (client) => {
        await client.query('DELETE FROM start_timers WHERE key = $1', [key]);
        if (timers.length > 0) await client.query(insertStatement(startTimersTable, timers));
      });
    },

    dueStartTimers: (now, limit) => select(startTimersTable, ' WHERE due_at <= $1 ORDER BY due_at, position LIMIT $2', [now, limit]),

    async advanceStartTimer(fired, next) {
      const client = await db();
      const { rowCount } =
        next === null
          ? await client.query('DELETE FROM start_timers WHERE id = $1 AND due_at = $2', [fired.id, fired.dueAt])
          : await client.query(
              'UPDATE start_timers SET id = $3, definition_id = $4, key = $5, element_id = $6, due_at = $7, cycle = $8 WHERE id = $1 AND due_at = $2',
              [fired.id, fired.dueAt, next.id, next.definitionId, next.key, next.elementId, next.dueAt, next.cycle === undefined ? null : JSON.stringify(next.cycle)],
            );
      return (rowCount ?? 0) > 0;
    },

    listStartTimers: () => select(startTimersTable, ' ORDER BY position', []),

    async close() {
      if (closed) return;
      closed = true;
      await ready?.catch(() => undefined);
      if (ownsPool) await pool.end();
    },
  };
}

function toSummary(row: Record<string, unknown>): InstanceSummary {
  return {
    id: row.id as string,
    key: row.key as string,
    version: row.version as number,
    definitionId: row.definition_id as string,
    businessKey: row.business_key as string | null,
    status: row.status as InstanceSummary['status'],
    startedAt: Number(row.started_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
  };
}
