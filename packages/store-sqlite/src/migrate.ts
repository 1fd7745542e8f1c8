import type BetterSqlite3 from 'better-sqlite3';
import { EngineError } from '@pravah/engine';

/** One step of the schema: applied once, in version order, and recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  /** Schema version before and after. */
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the database to the newest schema: applies the pending migrations in one immediate transaction (a
 * second process opening the same file waits, then finds nothing to do). A database whose schema is newer
 * than `migrations` is refused with STATE_INVALID rather than used by code that does not know it.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[], now: () => number = Date.now): MigrationResult {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  const run = db.transaction((): MigrationResult => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const { version } = db.prepare('SELECT coalesce(max(version), 0) AS version FROM schema_migrations').get() as { version: number };
    if (version > latest) {
      throw new EngineError(
        'STATE_INVALID',
        `The database schema is version ${version}, newer than this @pravah/store-sqlite knows (${latest}): upgrade the package`,
        { details: { schemaVersion: version, supportedVersion: latest, database: db.name } },
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
      applied.push(migration.version);
    }
    return { from: version, to: Math.max(version, latest), applied };
  });
  return run.immediate();
}
