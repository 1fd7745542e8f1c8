import { isEngineError } from '@pravah/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { postgresStore } from '../src/postgres-store.js';
import { freshSchema, NEEDS_PG, PG_URL, type FreshSchema } from './support/fresh-schema.js';

const latest = migrations[migrations.length - 1].version;

describe.skipIf(!PG_URL)(`migrations: ${NEEDS_PG}`, () => {
  let schema: FreshSchema;
  beforeEach(async () => {
    schema = await freshSchema();
  });
  afterEach(async () => schema.drop());

  it('creates the schema at first use and records every migration once', async () => {
    // given an empty schema
    const store = postgresStore({ pool: schema.pool() });
    // when the store is first used
    expect(await store.listDefinitions()).toEqual([]);
    // then every shipped migration is recorded, and running migrate again changes nothing
    const { rows } = await schema.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(migrations.map(({ version, name }) => ({ version, name })));
    expect(await migrate(schema.pool())).toEqual({ from: latest, to: latest });
  });

  it('applies each migration exactly once when several processes start together', async () => {
    // given eight stores on separate pools, as eight engine processes would have
    const stores = Array.from({ length: 8 }, () => postgresStore({ pool: schema.pool({ max: 1 }) }));
    // when all of them are first used at the same moment
    const results = await Promise.allSettled(stores.map((store) => store.listInstances({})));
    // then all succeed and each migration is recorded once
    expect(results.map((result) => result.status)).toEqual(stores.map(() => 'fulfilled'));
    const { rows } = await schema.query('SELECT version, count(*)::int AS times FROM schema_migrations GROUP BY version ORDER BY version');
    expect(rows).toEqual(migrations.map(({ version }) => ({ version, times: 1 })));
  });

  it('applies only the migrations a database does not have yet, in order', async () => {
    // given a database at version 1 and code that ships a second migration
    await migrate(schema.pool(), migrations.slice(0, 1));
    const next = { version: 2, name: 'task-notes', sql: 'ALTER TABLE tasks ADD COLUMN note text' };
    // when it migrates
    const outcome = await migrate(schema.pool(), [...migrations.slice(0, 1), next]);
    // then only the new one runs
    expect(outcome).toEqual({ from: 1, to: 2 });
    const { rows } = await schema.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'tasks' AND column_name = 'note'`, [schema.name]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a database whose schema is newer than the code with STATE_INVALID', async () => {
    // given a database migrated by a newer version of the package
    await migrate(schema.pool());
    await schema.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')`, [latest + 1]);
    // when this version's store is used
    const error = await postgresStore({ pool: schema.pool() }).listDefinitions().catch((caught: unknown) => caught);
    // then it is refused, saying which versions meet
    expect(isEngineError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STATE_INVALID', details: { reason: 'SCHEMA_TOO_NEW', databaseVersion: latest + 1, codeVersion: latest } });
  });
});
