import type { Migration } from '../migrate.js';

/**
 * Leases on due work (`Store.leaseDueWork`): who holds a timer or job and until when. A commit deletes and
 * re-inserts an instance's rows, so the lease ends with the command that did the work. `jobs.blocked`
 * (from the record, until now only in its JSON) lets "runnable jobs of these types" be one index range.
 */
export const workLeasesMigration: Migration = {
  version: 2,
  name: 'work-leases',
  sql: `
    ALTER TABLE timers ADD COLUMN lease_owner TEXT;
    ALTER TABLE timers ADD COLUMN lease_until INTEGER;

    ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
    ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
    ALTER TABLE jobs ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
    UPDATE jobs SET blocked = coalesce(json_extract(record, '$.blocked'), 0);
    CREATE INDEX jobs_runnable ON jobs (type) WHERE blocked = 0;
  `,
};
