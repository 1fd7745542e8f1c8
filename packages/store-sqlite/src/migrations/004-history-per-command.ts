import type { Migration } from '../migrate.js';

/**
 * `history` rows hold one command's events as a JSON array (keyed by the first event's seq) instead of one
 * event each. No table changes, but the format does: this version number makes an older store refuse the
 * file (schema too new) instead of misreading its history.
 */
export const historyPerCommandMigration: Migration = {
  version: 4,
  name: 'history-per-command',
  sql: `-- history rows are JSON arrays of one command's events from now on`,
};
