import { EngineError } from '@pravah/engine';
import type { Pool } from 'pg';
import { migrations as shipped, type Migration } from './migrations/index.js';
import { inTransaction } from './transaction.js';

/** What `migrate` did: the schema version before and after. */
export interface MigrationOutcome {
  from: number;
  to: number;
}

/**
 * Brings the schema in the pool's `search_path` up to the newest migration this package ships, in one
 * transaction under an advisory lock (per schema), so engine processes that start together apply each
 * migration exactly once. A database whose schema is newer than this code is refused with `STATE_INVALID`
 * (`details.reason: 'SCHEMA_TOO_NEW'`): upgrade the package rather than run old code on it.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = shipped): Promise<MigrationOutcome> {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('pravah.store-postgres.migrate:' || coalesce(current_schema(), '')))`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations');
    const current = rows[0].version;
    if (current > latest) {
      throw new EngineError(
        'STATE_INVALID',
        `The database schema is at version ${current}, newer than this @pravah/store-postgres knows (${latest}); upgrade the package`,
        { details: { reason: 'SCHEMA_TOO_NEW', databaseVersion: current, codeVersion: latest } },
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return { from: current, to: Math.max(current, latest) };
  });
}
