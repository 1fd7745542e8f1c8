/**
 * One engine process of W5's PostgreSQL row, forked by `w1-durable.ts`:
 * `w1-durable-worker.ts <url> <schema> <instances> <concurrency>`. Opens its own pool and engine on the
 * schema, warms up, reports `ready`, waits for `go`, runs its instances and reports `done` with its span.
 */
import { postgresStore } from '@pravah/store-postgres';
import pg from 'pg';
import { runPool } from './shared.js';
import { durableRun, epochMs, PG_POOL_SIZE, PG_WARMUP, type WorkerResult } from './w1-durable.js';

const [url, schema, instancesText, concurrencyText] = process.argv.slice(2);
const instances = Number(instancesText);
const concurrency = Number(concurrencyText);
const send = (message: object) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: PG_POOL_SIZE });
try {
  const run = await durableRun(postgresStore({ pool }), `PostgreSQL process ${process.pid}`);
  await runPool(PG_WARMUP, concurrency, run.start);
  const go = new Promise((resolve) => process.once('message', resolve));
  await send({ type: 'ready' });
  await go;
  const before = run.commits();
  const startedAt = epochMs();
  await runPool(instances, concurrency, run.start);
  const result: WorkerResult = { instances, commits: run.commits() - before, startedAt, endedAt: epochMs() };
  run.engine.close();
  await send({ type: 'done', ...result });
} catch (error) {
  await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
} finally {
  await pool.end();
  process.disconnect?.();
}
