import type { Migration } from './migration.js';

/**
 * Failed jobs that wait for a retry back-off (`JobRecord.dueAt`): not leased before that time, and part of
 * "when is the next thing due".
 */
export const jobRetries: Migration = {
  version: 3,
  name: 'job-retries',
  sql: `
ALTER TABLE jobs ADD COLUMN due_at bigint;
CREATE INDEX jobs_due ON jobs (due_at) WHERE due_at IS NOT NULL;
`,
};
