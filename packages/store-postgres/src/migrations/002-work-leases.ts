import type { Migration } from './migration.js';

/**
 * Leases on due work (`Store.leaseDueWork`): who holds a timer or job and until when (epoch ms). A commit
 * deletes and re-inserts an instance's rows, so the lease ends with the command that did the work. Due
 * timers are one range of `timers_due`; runnable jobs of a type are one range of the partial index below.
 */
export const workLeases: Migration = {
  version: 2,
  name: 'work-leases',
  sql: `
ALTER TABLE timers ADD COLUMN lease_owner text, ADD COLUMN lease_until bigint;
ALTER TABLE jobs ADD COLUMN lease_owner text, ADD COLUMN lease_until bigint;
CREATE INDEX jobs_runnable ON jobs (type, position) WHERE NOT blocked;
`,
};
