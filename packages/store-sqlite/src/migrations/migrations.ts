import type { Migration } from '../migrate.js';
import { initialMigration } from './001-initial.js';
import { workLeasesMigration } from './002-work-leases.js';
import { jobRetriesMigration } from './003-job-retries.js';
import { historyPerCommandMigration } from './004-history-per-command.js';

/** Every schema migration this package ships, in version order. Append; never edit a shipped one. */
export const migrations: readonly Migration[] = [initialMigration, workLeasesMigration, jobRetriesMigration, historyPerCommandMigration];
