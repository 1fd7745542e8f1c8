import type BetterSqlite3 from 'better-sqlite3';
import type { JobRecord, LeasedWork, TimerRecord, WorkLeaseRequest } from '@pravah/engine';

/** A candidate row: its rowid (to set the lease on) and its record as JSON text. */
interface Candidate {
  rowid: number;
  record: string;
}

/** Another owner's lease that has not run out keeps the row from everyone else. */
const LEASABLE = '(lease_owner IS NULL OR lease_owner = @owner OR lease_until <= @now)';

/**
 * `Store.leaseDueWork` on SQLite: the candidates are selected and their leases set in one IMMEDIATE
 * transaction, so a second connection (or process) waits for the write lock and then sees the leases.
 * Timers come earliest first (`due_at`, then insertion order), jobs oldest first (insertion order).
 */
export function workLeaser(db: BetterSqlite3.Database): (request: WorkLeaseRequest) => LeasedWork[] {
  const dueTimers = db.prepare<unknown[], Candidate>(
    `SELECT rowid, record FROM timers WHERE due_at <= @now AND ${LEASABLE} ORDER BY due_at, rowid LIMIT @limit`,
  );
  const runnableJobs = db.prepare<unknown[], Candidate>(
    `SELECT rowid, record FROM jobs
     WHERE type IN (SELECT value FROM json_each(@types)) AND blocked = 0 AND (due_at IS NULL OR due_at <= @now) AND ${LEASABLE}
     ORDER BY rowid LIMIT @limit`,
  );
  const leaseTimer = db.prepare('UPDATE timers SET lease_owner = ?, lease_until = ? WHERE rowid = ?');
  const leaseJob = db.prepare('UPDATE jobs SET lease_owner = ?, lease_until = ? WHERE rowid = ?');

  const lease = db.transaction(({ owner, now, until, limit, jobTypes }: WorkLeaseRequest): LeasedWork[] => {
    const leased: LeasedWork[] = [];
    if (limit <= 0) return leased;
    for (const { rowid, record } of dueTimers.all({ owner, now, limit })) {
      leaseTimer.run(owner, until, rowid);
      leased.push({ kind: 'timer', ...(JSON.parse(record) as TimerRecord) });
    }
    const remaining = limit - leased.length;
    if (remaining <= 0 || jobTypes.length === 0) return leased;
    for (const { rowid, record } of runnableJobs.all({ owner, now, limit: remaining, types: JSON.stringify(jobTypes) })) {
      leaseJob.run(owner, until, rowid);
      leased.push({ kind: 'job', ...(JSON.parse(record) as JobRecord) });
    }
    return leased;
  });
  return (request) => lease.immediate(request);
}
