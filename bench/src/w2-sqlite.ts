/**
 * W5 (W2 on SQLite): many instances waiting at a user task in a SQLite file. Reports the file size per
 * waiting instance (database + WAL after a checkpoint) and the median latency of
 * `engine.listTasks({ candidateGroup, limit: 50 })`. `BENCH_W2_SQLITE_COUNT` sets the count (default 100,000).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEngine } from '@pravah/engine';
import { sqliteStore } from '@pravah/store-sqlite';
import { atMost, median, now, processXml, runPool, type Row } from './shared.js';

const DEFAULT_COUNT = 100_000;
const CONCURRENCY = 64;
const WARMUP_CALLS = 20;
const CALLS = 200;
const TARGET_MS = 5;
/** One instance in a hundred waits in the `auditors` group, the rest in `managers`. */
const AUDIT_EVERY = 100;

function count(): number {
  const text = process.env.BENCH_W2_SQLITE_COUNT;
  const value = text === undefined ? DEFAULT_COUNT : Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_W2_SQLITE_COUNT must be a positive integer, got '${text}'`);
  return value;
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** Median milliseconds of `CALLS` calls after `WARMUP_CALLS`, checking each returns `expected` rows. */
async function medianLatency(call: () => Promise<unknown[]>, expected: number): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < WARMUP_CALLS + CALLS; round++) {
    const started = now();
    const rows = await call();
    const elapsed = now() - started;
    if (rows.length !== expected) throw new Error(`SQLite listTasks returned ${rows.length} rows, expected ${expected}`);
    if (round >= WARMUP_CALLS) samples.push(elapsed);
  }
  return median(samples);
}

export async function sqliteWaiting(): Promise<Row[]> {
  const instances = count();
  const directory = mkdtempSync(join(tmpdir(), 'pravah-bench-w5-'));
  const file = join(directory, 'w2.db');
  const store = sqliteStore({ file });
  try {
    const engine = createEngine({ store });
    await engine.deploy(processXml('w2-waiting-groups.bpmn'));
    const started = now();
    let reported = started;
    await runPool(instances, CONCURRENCY, async (index) => {
      const key = index % AUDIT_EVERY === 0 ? 'waiting-audit' : 'waiting-review';
      const { status } = await engine.start(key, { businessKey: `PO-${index}`, variables: { orderId: `PO-${index}`, amount: index % 2000 } });
      if (status !== 'active') throw new Error(`SQLite: instance is '${status}', expected 'active'`);
      if (now() - reported > 30_000) {
        reported = now();
        console.log(`  W5 SQLite waiting: ${(index + 1).toLocaleString('en')} of ${instances.toLocaleString('en')} started`);
      }
    });
    const createSeconds = (now() - started) / 1000;

    const limit = Math.min(50, instances - Math.ceil(instances / AUDIT_EVERY));
    const managersMs = await medianLatency(() => engine.listTasks({ candidateGroup: 'managers', limit: 50 }), limit);
    const auditorsMs = await medianLatency(
      () => engine.listTasks({ candidateGroup: 'auditors', limit: 50 }),
      Math.min(50, Math.ceil(instances / AUDIT_EVERY)),
    );
    engine.close();

    const walBefore = sizeOf(`${file}-wal`);
    const probe = new Database(file);
    probe.pragma('wal_checkpoint(TRUNCATE)');
    probe.close();
    const bytes = sizeOf(file) + sizeOf(`${file}-wal`);
    const verdict = atMost(managersMs, TARGET_MS);
    const details = { instances, concurrency: CONCURRENCY, createSeconds, createRate: instances / createSeconds, auditEvery: AUDIT_EVERY };
    return [
      {
        workload: `W5 W2 SQLite file bytes per waiting instance (${instances.toLocaleString('en')})`,
        unit: 'bytes',
        pravah: bytes / instances,
        other: null,
        otherLabel: '-',
        ratio: null,
        target: '-',
        met: null,
        margin: '',
        details: { ...details, fileBytes: bytes, walBytesBeforeCheckpoint: walBefore, measure: 'size of the .db + .db-wal after PRAGMA wal_checkpoint(TRUNCATE)' },
      },
      {
        workload: `W5 W2 SQLite listTasks({ candidateGroup, limit: 50 }) median (${instances.toLocaleString('en')} waiting)`,
        unit: 'ms',
        pravah: managersMs,
        other: null,
        otherLabel: '-',
        ratio: null,
        target: `< ${TARGET_MS} ms (at 1,000,000)`,
        met: verdict.met,
        margin: verdict.margin,
        details: { ...details, calls: CALLS, warmupCalls: WARMUP_CALLS, statistic: 'median', group: 'managers', auditorsMedianMs: auditorsMs, targets: { maxMs: TARGET_MS } },
      },
    ];
  } finally {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
