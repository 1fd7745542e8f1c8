import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { postgresStore, type PostgresStore } from '../../src/postgres-store.js';

/** The test database, e.g. from `eval "$(.ci/postgres.sh start)"`. Without it the PostgreSQL tests skip. */
export const PG_URL = process.env.PRAVAH_PG_URL;

/** Title suffix of suites that need the database, so a skipped run says why. */
export const NEEDS_PG = 'needs PRAVAH_PG_URL (skipped without it; `eval "$(bash .ci/postgres.sh start)"` sets it)';

/** An empty schema of its own, so test files (and tests) never see each other's rows. */
export interface FreshSchema {
  name: string;
  /** A new pool whose connections work in this schema (`search_path`). The caller ends it. */
  pool(options?: pg.PoolConfig): pg.Pool;
  /** A store on a new pool of its own; `close` ends both. */
  store(): PostgresStore;
  /** Runs one statement on a short-lived admin connection in this schema. */
  query(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

export async function freshSchema(): Promise<FreshSchema> {
  if (!PG_URL) throw new Error('PRAVAH_PG_URL is not set');
  const name = `pravah_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const pools: pg.Pool[] = [];
  const pool = (options: pg.PoolConfig = {}) => {
    const created = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${name}`, max: 4, ...options });
    created.on('error', () => undefined);
    pools.push(created);
    return created;
  };
  const query = async (sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${name}` });
    await client.connect();
    try {
      return await client.query(sql, values);
    } finally {
      await client.end();
    }
  };
  await query(`CREATE SCHEMA ${name}`);
  return {
    name,
    pool,
    store() {
      const own = pool();
      const store = postgresStore({ pool: own });
      return { ...store, close: async () => own.end() };
    },
    query,
    async drop() {
      await Promise.all(pools.map((created) => (created.ended ? undefined : created.end())));
      await query(`DROP SCHEMA ${name} CASCADE`);
    },
  };
}
