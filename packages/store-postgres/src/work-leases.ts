import type { LeasedWork, WorkLeaseRequest } from '@pravah/engine';
import type { PoolClient } from 'pg';
import { columnList, fromRow, jobsTable, timersTable } from './tables.js';

/** Another owner's lease that has not run out keeps the row from everyone else ($1 owner, $3 now). */
const LEASABLE = '(lease_owner IS NULL OR lease_owner = $1 OR lease_until <= $3)';

/**
 * Leases take the rows with `FOR UPDATE SKIP LOCKED`: a row another transaction is leasing (or a commit is
 * rewriting) is passed over, not waited for, and a row leased meanwhile fails the re-checked condition.
 * `RETURNING` gives no order, so the rows are sorted by the same keys afterwards.
 */
const LEASE_TIMERS = `
  UPDATE timers SET lease_owner = $1, lease_until = $2
  WHERE id IN (
    SELECT id FROM timers WHERE due_at <= $3 AND ${LEASABLE}
    ORDER BY due_at, position LIMIT $4 FOR UPDATE SKIP LOCKED)
  RETURNING ${columnList(timersTable)}, position`;

const LEASE_JOBS = `
  UPDATE jobs SET lease_owner = $1, lease_until = $2
  WHERE job_key IN (
    SELECT job_key FROM jobs WHERE type = ANY($5::text[]) AND NOT blocked AND (due_at IS NULL OR due_at <= $3) AND ${LEASABLE}
    ORDER BY position LIMIT $4 FOR UPDATE SKIP LOCKED)
  RETURNING ${columnList(jobsTable)}, position`;

type Positioned = Record<string, unknown> & { position: string };

const byPosition = (a: Positioned, b: Positioned) => Number(a.position) - Number(b.position);

/**
 * `Store.leaseDueWork`, inside the caller's transaction: due timers (earliest first, then insertion order),
 * then runnable jobs of the asked types (oldest first), at most `limit` rows in all.
 */
export async function leaseDueWork(client: PoolClient, { owner, now, until, limit, jobTypes }: WorkLeaseRequest): Promise<LeasedWork[]> {
  if (limit <= 0) return [];
  const timers = await client.query<Positioned>(LEASE_TIMERS, [owner, until, now, limit]);
  const leased: LeasedWork[] = timers.rows
    .sort((a, b) => Number(a.due_at) - Number(b.due_at) || byPosition(a, b))
    .map((row) => ({ kind: 'timer', ...fromRow(timersTable, row) }));
  const remaining = limit - leased.length;
  if (remaining <= 0 || jobTypes.length === 0) return leased;
  const jobs = await client.query<Positioned>(LEASE_JOBS, [owner, until, now, remaining, jobTypes]);
  for (const row of jobs.rows.sort(byPosition)) leased.push({ kind: 'job', ...fromRow(jobsTable, row) });
  return leased;
}
