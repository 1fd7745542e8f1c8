import type BetterSqlite3 from 'better-sqlite3';
import type { deriveRecords } from '@pravah/engine';

type Statement = BetterSqlite3.Statement<unknown[]>;
type DerivedRecords = ReturnType<typeof deriveRecords>;

/** Tables holding rows derived from instance state, each with an `instance_id` column. */
const DERIVED_TABLES = [
  'task_candidate_groups',
  'task_candidate_users',
  'tasks',
  'jobs',
  'timers',
  'message_subscriptions',
  'signal_subscriptions',
  'incidents',
] as const;

export interface DerivedRowWriter {
  /** Deletes every derived row of the instance. */
  remove(instanceId: string): void;
  /** Inserts the rows `deriveRecords` made of the instance's new state. */
  insert(records: DerivedRecords): void;
}

/** Prepared statements that keep the query rows of one instance in step with its state. */
export function derivedRowWriter(db: BetterSqlite3.Database): DerivedRowWriter {
  const deletes: Statement[] = DERIVED_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE instance_id = ?`));
  const task = db.prepare('INSERT INTO tasks (id, instance_id, element_id, key, assignee, created_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const group = db.prepare('INSERT INTO task_candidate_groups (group_name, created_at, task_id, instance_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const user = db.prepare('INSERT INTO task_candidate_users (user_name, created_at, task_id, instance_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const job = db.prepare('INSERT INTO jobs (job_key, instance_id, type, blocked, due_at, record) VALUES (?, ?, ?, ?, ?, ?)');
  const timer = db.prepare('INSERT INTO timers (id, instance_id, due_at, record) VALUES (?, ?, ?, ?)');
  const subscription = db.prepare(
    'INSERT INTO message_subscriptions (id, instance_id, message_name, correlation_key, created_at, record) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const signal = db.prepare('INSERT INTO signal_subscriptions (id, instance_id, signal_name, record) VALUES (?, ?, ?, ?)');
  const incident = db.prepare('INSERT INTO incidents (id, instance_id, element_id, code, created_at, record) VALUES (?, ?, ?, ?, ?, ?)');

  return {
    remove(instanceId) {
      for (const statement of deletes) statement.run(instanceId);
    },
    insert(records) {
      for (const row of records.tasks) {
        task.run(row.id, row.instanceId, row.elementId, row.key, row.assignee, row.createdAt, JSON.stringify(row));
        for (const name of row.candidateGroups) group.run(name, row.createdAt, row.id, row.instanceId);
        for (const name of row.candidateUsers) user.run(name, row.createdAt, row.id, row.instanceId);
      }
      for (const row of records.jobs) job.run(row.jobKey, row.instanceId, row.type, Number(row.blocked), row.dueAt, JSON.stringify(row));
      for (const row of records.timers) timer.run(row.id, row.instanceId, row.dueAt, JSON.stringify(row));
      for (const row of records.subscriptions) {
        subscription.run(row.id, row.instanceId, row.messageName, row.correlationKey, row.createdAt, JSON.stringify(row));
      }
      for (const row of records.signals) signal.run(row.id, row.instanceId, row.signalName, JSON.stringify(row));
      for (const row of records.incidents) incident.run(row.id, row.instanceId, row.elementId, row.code, row.createdAt, JSON.stringify(row));
    },
  };
}
