/**
 * W5 (W1 on durable stores): the W1 FEEL model and handler, every instance run to its end in one store
 * commit, on (a) a SQLite file in a temp dir, one engine, and (b) PostgreSQL (`PRAVAH_PG_URL`) with two
 * engine processes (`w1-durable-worker.ts`) starting instances against one database at the same time.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { createEngine, type Engine, type Store } from '@pravah/engine';
import { passedElements } from '@pravah/engine/testing';
import { postgresStore } from '@pravah/store-postgres';
import { sqliteStore } from '@pravah/store-sqlite';
import pg from 'pg';
import { atLeast, processXml, runPool, throughput, type Row } from './shared.js';
import { CONCURRENCY, EXPECTED_ENDS, netOf } from './w1-straight-through.js';

export const FILE = 'w1-straight-through.feel.bpmn';
const SQLITE_WARMUP = 2_000;
const SQLITE_INSTANCES = 30_000;
const SQLITE_TARGET = 5_000;
const PG_PROCESSES = 2;
export const PG_WARMUP = 1_000;
const PG_INSTANCES_PER_PROCESS = 10_000;
export const PG_POOL_SIZE = 16;
const PG_TARGET = 2_000;

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/** An engine running W1 on `store`, counting the store's commits. */
export interface DurableRun {
  engine: Engine;
  commits(): number;
  /** Starts instance `index` and checks it completed. */
  start(index: number): Promise<void>;
}

/** Deploys the W1 model (identical content reuses the deployed version) and checks the three paths once. */
export async function durableRun(store: Store, label: string): Promise<DurableRun> {
  let commits = 0;
  const counted: Store = { ...store, commit: (commit) => (commits++, store.commit(commit)) };
  const engine = createEngine({ store: counted, handlers: { price: ({ variables }) => ({ amount: (variables.net as number) * 1.2 }) } });
  await engine.deploy(processXml(FILE));
  for (const [net, end] of EXPECTED_ENDS) {
    const { id } = await engine.start('straight-through', { variables: { net } });
    const passed = await passedElements(engine, id);
    if (!passed.includes(end)) throw new Error(`${label}: net ${net} should end at '${end}', passed ${passed.join(' -> ')}`);
  }
  return {
    engine,
    commits: () => commits,
    async start(index) {
      const { status } = await engine.start('straight-through', { variables: { net: netOf(index) } });
      if (status !== 'completed') throw new Error(`${label}: instance ended '${status}'`);
    },
  };
}

async function sqliteRow(): Promise<Row> {
  const directory = mkdtempSync(join(tmpdir(), 'pravah-bench-w5-'));
  const store = sqliteStore({ file: join(directory, 'w5.db') });
  try {
    const run = await durableRun(store, 'SQLite');
    await runPool(SQLITE_WARMUP, CONCURRENCY, run.start);
    const before = run.commits();
    const rate = await throughput(SQLITE_INSTANCES, CONCURRENCY, run.start);
    const commits = run.commits() - before;
    if (commits !== SQLITE_INSTANCES) throw new Error(`SQLite: ${commits} commits for ${SQLITE_INSTANCES} instances, expected one each`);
    run.engine.close();
    const verdict = atLeast(rate, SQLITE_TARGET);
    return {
      workload: `W5 W1 straight-through on a SQLite file (${CONCURRENCY} in flight)`,
      unit: 'instances/s',
      pravah: rate,
      other: null,
      otherLabel: '-',
      ratio: null,
      target: `>= ${SQLITE_TARGET.toLocaleString('en')}/s`,
      met: verdict.met,
      margin: verdict.margin,
      details: {
        file: FILE,
        store: 'sqliteStore({ file }) in a temp dir: WAL, synchronous=NORMAL',
        microsecondsPerInstance: 1e6 / rate,
        commitsPerInstance: commits / SQLITE_INSTANCES,
        instances: SQLITE_INSTANCES,
        warmup: SQLITE_WARMUP,
        concurrency: CONCURRENCY,
        targets: { instancesPerSecond: SQLITE_TARGET },
      },
    };
  } finally {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

/** What a worker reports when its timed run is over. */
export interface WorkerResult {
  instances: number;
  commits: number;
  startedAt: number;
  endedAt: number;
}

type WorkerMessage = { type: 'ready' } | ({ type: 'done' } & WorkerResult) | { type: 'error'; message: string };

/** Forks the engine processes, lets them warm up, starts their timed runs together and collects the results. */
async function runWorkers(url: string, schema: string): Promise<WorkerResult[]> {
  const args = [url, schema, String(PG_INSTANCES_PER_PROCESS), String(CONCURRENCY)];
  const workers = Array.from({ length: PG_PROCESSES }, () => fork(new URL('./w1-durable-worker.ts', import.meta.url), args));
  const next = (worker: (typeof workers)[number], type: WorkerMessage['type']) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'error') reject(new Error(`PostgreSQL worker: ${message.message}`));
        else if (message.type === type) resolve(message);
        else return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const onExit = (code: number | null) => reject(new Error(`PostgreSQL worker exited (${code}) before '${type}'`));
      worker.on('message', onMessage);
      worker.once('exit', onExit);
    });
  try {
    await Promise.all(workers.map((worker) => next(worker, 'ready')));
    const done = workers.map((worker) => next(worker, 'done'));
    for (const worker of workers) worker.send({ type: 'go' });
    return (await Promise.all(done)) as Array<{ type: 'done' } & WorkerResult>;
  } finally {
    for (const worker of workers) if (worker.exitCode === null) worker.kill();
  }
}

async function postgresRow(): Promise<Row> {
  const workload = `W5 W1 straight-through on PostgreSQL, ${PG_PROCESSES} engine processes (${CONCURRENCY} in flight each)`;
  const target = `>= ${PG_TARGET.toLocaleString('en')}/s`;
  const url = process.env.PRAVAH_PG_URL;
  if (!url) {
    const reason = 'skipped: PRAVAH_PG_URL is not set (eval "$(bash .ci/postgres.sh start)" && export PRAVAH_PG_URL)';
    return { workload, unit: 'instances/s', pravah: null, other: null, otherLabel: '-', ratio: null, target, met: null, margin: reason, details: { skipped: reason } };
  }
  const schema = `pravah_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 });
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    // Migrate and deploy once here, so the workers only find the schema and the version in place.
    const setup = createEngine({ store: postgresStore({ pool }) });
    await setup.deploy(processXml(FILE));
    setup.close();

    const results = await runWorkers(url, schema);
    const [{ count }] = (await pool.query(`SELECT count(*)::int AS count FROM instances WHERE status = 'completed'`)).rows as Array<{ count: number }>;
    const expected = PG_PROCESSES * (PG_INSTANCES_PER_PROCESS + PG_WARMUP + EXPECTED_ENDS.length);
    if (count !== expected) throw new Error(`PostgreSQL: ${count} completed instances in the database, expected ${expected}`);
    for (const result of results) {
      if (result.commits !== result.instances) throw new Error(`PostgreSQL: ${result.commits} commits for ${result.instances} instances, expected one each`);
    }

    const rates = results.map((result) => result.instances / ((result.endedAt - result.startedAt) / 1000));
    const rate = rates.reduce((sum, each) => sum + each, 0);
    const instances = results.reduce((sum, result) => sum + result.instances, 0);
    const wallSeconds = (Math.max(...results.map((result) => result.endedAt)) - Math.min(...results.map((result) => result.startedAt))) / 1000;
    const verdict = atLeast(rate, PG_TARGET);
    return {
      workload,
      unit: 'instances/s',
      pravah: rate,
      other: null,
      otherLabel: '-',
      ratio: null,
      target,
      met: verdict.met,
      margin: verdict.margin,
      details: {
        file: FILE,
        statistic: 'sum of the processes\' rates (each: its instances / its own timed span)',
        ratesPerProcess: rates,
        wallClockRate: instances / wallSeconds,
        microsecondsPerInstance: 1e6 / rate,
        processes: PG_PROCESSES,
        instancesPerProcess: PG_INSTANCES_PER_PROCESS,
        warmupPerProcess: PG_WARMUP,
        concurrencyPerProcess: CONCURRENCY,
        poolSizePerProcess: PG_POOL_SIZE,
        targets: { instancesPerSecond: PG_TARGET },
      },
    };
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

export async function durableStraightThrough(): Promise<Row[]> {
  return [await sqliteRow(), await postgresRow()];
}
