/** `@pravah/store-sqlite`: a durable SQLite store for `createEngine({ store })`. */
export { sqliteStore } from './sqlite-store.js';
export type { SqliteStore, SqliteStoreOptions } from './sqlite-store.js';
export { migrations } from './migrations/migrations.js';
export type { Migration, MigrationResult } from './migrate.js';
