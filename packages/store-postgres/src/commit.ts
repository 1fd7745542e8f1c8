import { deriveRecords, EngineError, type InstanceCommit, type TaskRecord } from '@pravah/engine';
import type { PoolClient } from 'pg';
import {
  incidentsTable,
  insertStatement,
  jobsTable,
  signalsTable,
  subscriptionsTable,
  tasksTable,
  timersTable,
} from './tables.js';

/** Deletes every query row of one instance (the candidates go with their tasks), in one statement. */
const DELETE_DERIVED = `
  WITH tasks_gone AS (DELETE FROM tasks WHERE instance_id = $1),
       jobs_gone AS (DELETE FROM jobs WHERE instance_id = $1),
       timers_gone AS (DELETE FROM timers WHERE instance_id = $1),
       messages_gone AS (DELETE FROM message_subscriptions WHERE instance_id = $1),
       signals_gone AS (DELETE FROM signal_subscriptions WHERE instance_id = $1)
  DELETE FROM incidents WHERE instance_id = $1`;

const INSERT_INSTANCE = `
  INSERT INTO instances (id, definition_id, key, version, business_key, status, started_at, ended_at, revision, state)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (id) DO NOTHING`;

const UPDATE_INSTANCE = `
  UPDATE instances
  SET definition_id = $2, key = $3, version = $4, business_key = $5, status = $6, started_at = $7, ended_at = $8, revision = $9, state = $10
  WHERE id = $1 AND revision = $11`;

const INSERT_HISTORY = `
  INSERT INTO history (instance_id, seq, event)
  SELECT $1, event.seq, event.json FROM unnest($2::int[], $3::text[]) AS event(seq, json)`;

const INSERT_CANDIDATES = `
  INSERT INTO task_candidates (task_id, kind, name)
  SELECT candidate.task_id, candidate.kind, candidate.name FROM unnest($1::text[], $2::text[], $3::text[]) AS candidate(task_id, kind, name)
  ON CONFLICT DO NOTHING`;

/**
 * One command's write, inside the caller's transaction: the instance row (a conditional UPDATE on the
 * expected revision, or an INSERT for a new instance), the command's history, and the instance's query
 * rows replaced by what `deriveRecords` makes of the new state. A revision mismatch or an existing id is
 * CONCURRENT_MODIFICATION (retryable: reload and run the command again).
 */
export async function writeCommit(client: PoolClient, { state, expectedRevision, history }: InstanceCommit): Promise<void> {
  const row = [
    state.id, state.definitionId, state.key, state.version, state.businessKey, state.status,
    state.startedAt, state.endedAt, state.revision, JSON.stringify(state),
  ];
  const written =
    expectedRevision === null
      ? await client.query(INSERT_INSTANCE, row)
      : await client.query(UPDATE_INSTANCE, [...row, expectedRevision]);
  if (written.rowCount !== 1) {
    throw new EngineError(
      'CONCURRENT_MODIFICATION',
      expectedRevision === null
        ? `Instance '${state.id}' exists already`
        : `Instance '${state.id}' was changed by another command (expected revision ${expectedRevision})`,
      { details: { instanceId: state.id, expectedRevision, retryable: true } },
    );
  }

  if (history.length > 0) {
    await client.query(INSERT_HISTORY, [state.id, history.map((event) => event.seq), history.map((event) => JSON.stringify(event))]);
  }

  if (expectedRevision !== null) await client.query(DELETE_DERIVED, [state.id]);
  const records = deriveRecords(state);
  if (records.tasks.length > 0) {
    await client.query(insertStatement(tasksTable, records.tasks));
    const candidates = candidateRows(records.tasks);
    if (candidates[0].length > 0) await client.query(INSERT_CANDIDATES, candidates);
  }
  if (records.jobs.length > 0) await client.query(insertStatement(jobsTable, records.jobs));
  if (records.timers.length > 0) await client.query(insertStatement(timersTable, records.timers));
  if (records.subscriptions.length > 0) await client.query(insertStatement(subscriptionsTable, records.subscriptions));
  if (records.signals.length > 0) await client.query(insertStatement(signalsTable, records.signals));
  if (records.incidents.length > 0) await client.query(insertStatement(incidentsTable, records.incidents));
}

/** Parallel arrays (task ids, kinds, names) of every candidate user and group of the tasks. */
function candidateRows(tasks: readonly TaskRecord[]): [string[], string[], string[]] {
  const taskIds: string[] = [];
  const kinds: string[] = [];
  const names: string[] = [];
  const add = (taskId: string, kind: 'user' | 'group', name: string) => {
    taskIds.push(taskId);
    kinds.push(kind);
    names.push(name);
  };
  for (const task of tasks) {
    for (const name of task.candidateUsers) add(task.id, 'user', name);
    for (const name of task.candidateGroups) add(task.id, 'group', name);
  }
  return [taskIds, kinds, names];
}
