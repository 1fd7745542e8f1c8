/** `@pravah/store-postgres`: a PostgreSQL `Store` for the Pravah engine. */
export { postgresStore } from './postgres-store.js';
export type { PostgresStore, PostgresStoreOptions } from './postgres-store.js';
export { migrate } from './migrate.js';
export type { MigrationOutcome } from './migrate.js';
export { migrations } from './migrations/index.js';
export type { Migration } from './migrations/index.js';
