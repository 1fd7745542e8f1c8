import type { JobRecord, TimerRecord } from './records.js';
import type { LeasedWork, WorkLeaseRequest } from './store.js';

/** The in-memory store's work leases: who holds which timer or job until when (see `Store.leaseDueWork`). */
export function memoryLeases() {
  const leases = new Map<string, { owner: string; until: number }>();
  const free = (key: string, owner: string, now: number) => {
    const lease = leases.get(key);
    return !lease || lease.owner === owner || lease.until <= now;
  };
  return {
    /** A timer or job row went away (its instance committed): its lease ends with it. */
    forget(kind: 'timer' | 'job', id: string): void {
      leases.delete(`${kind}:${id}`);
    },
    /** Leases due timers (`timers` sorted by due time) and runnable jobs, as the port describes. */
    lease(timers: readonly TimerRecord[], jobs: Iterable<JobRecord>, { owner, now, until, limit, jobTypes }: WorkLeaseRequest): LeasedWork[] {
      const leased: LeasedWork[] = [];
      for (const timer of timers) {
        if (timer.dueAt > now || leased.length >= limit) break;
        if (!free(`timer:${timer.id}`, owner, now)) continue;
        leases.set(`timer:${timer.id}`, { owner, until });
        leased.push({ kind: 'timer', ...timer });
      }
      const types = new Set(jobTypes);
      for (const job of jobs) {
        if (leased.length >= limit) break;
        if (job.blocked || (job.dueAt !== null && job.dueAt > now) || !types.has(job.type) || !free(`job:${job.jobKey}`, owner, now)) continue;
        leases.set(`job:${job.jobKey}`, { owner, until });
        leased.push({ kind: 'job', ...job });
      }
      return leased;
    },
  };
}
