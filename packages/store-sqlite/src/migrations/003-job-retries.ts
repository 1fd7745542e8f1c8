import type { Migration } from '../migrate.js';

/**
 * Failed jobs that wait for a retry back-off (`JobRecord.dueAt`): not leased before that time, and part of
 * "when is the next thing due".
 */
export const jobRetriesMigration: Migration = {
  version: 3,
  name: 'job-retries',
  sql: `
    ALTER TABLE jobs ADD COLUMN due_at INTEGER;
    UPDATE jobs SET due_at = json_extract(record, '$.dueAt');
    UPDATE jobs SET record = json_set(record, '$.dueAt', NULL) WHERE json_type(record, '$.dueAt') IS NULL;
    CREATE INDEX jobs_due ON jobs (due_at) WHERE due_at IS NOT NULL;
  `,
};
