import { initial } from './001-initial.js';
import { workLeases } from './002-work-leases.js';
import { jobRetries } from './003-job-retries.js';
import type { Migration } from './migration.js';

/** Every migration this package ships, in version order. Add new ones at the end; never edit applied ones. */
export const migrations: readonly Migration[] = [initial, workLeases, jobRetries];

export type { Migration } from './migration.js';
