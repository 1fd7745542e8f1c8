import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveRecords } from '@pravah/engine';
import { waitingState } from '../../engine/test-support/store-contract.js';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/migrations.js';
import { sqliteStore } from '../src/sqlite-store.js';
import { tempDatabase } from './temp-database.js';

const T0 = 1_764_579_600_000;
const MINUTE = 60_000;
const charge = { kind: 'job', type: 'charge' } as const;

/** A worker process (`lease-worker.ts` under tsx) that says `ready` and, after `go`, prints what it leased. */
function leaseWorker(file: string, prefix: string, now: number) {
  const child = spawn(process.execPath, ['--conditions=@pravah/source', '--import', 'tsx', new URL('./lease-worker.ts', import.meta.url).pathname, file, prefix, String(now)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const line = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`lease worker ${prefix} exited early`);
    return value as string;
  };
  return {
    ready: line,
    async leased(): Promise<Array<[string, string, string]>> {
      child.stdin.write('go\n');
      const result = JSON.parse(await line());
      await once(child, 'exit');
      return result;
    },
  };
}

describe('leased due work on SQLite', () => {
  let database: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    database = tempDatabase();
  });
  afterEach(() => database.remove());

  it('upgrades a database at schema 1 to leases, keeping its timers and jobs (and which jobs are blocked)', async () => {
    // given a file at schema 1 with a due timer, a job and a job blocked by an incident
    const db = new Database(database.file);
    migrate(db, migrations.slice(0, 1));
    const states = [
      waitingState('a', { waits: [{ elementId: 'wait', wait: { kind: 'timer', dueAt: T0 } }, { elementId: 'pay', wait: charge }] }),
      waitingState('b', { waits: [{ elementId: 'stuck', wait: charge }], incidents: [{ on: 0, code: 'HANDLER_FAILED' }] }),
    ];
    for (const state of states) {
      db.prepare(
        `INSERT INTO instances (id, definition_id, key, version, business_key, status, revision, state, started_at, ended_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(state.id, state.definitionId, state.key, state.version, state.businessKey, state.status, state.revision, JSON.stringify(state), state.startedAt, state.endedAt);
      const records = deriveRecords(state);
      for (const job of records.jobs) db.prepare('INSERT INTO jobs (job_key, instance_id, type, record) VALUES (?, ?, ?, ?)').run(job.jobKey, job.instanceId, job.type, JSON.stringify(job));
      for (const timer of records.timers) db.prepare('INSERT INTO timers (id, instance_id, due_at, record) VALUES (?, ?, ?, ?)').run(timer.id, timer.instanceId, timer.dueAt, JSON.stringify(timer));
    }
    db.close();
    // when this version opens it
    const store = sqliteStore({ file: database.file });
    // then migrations 2 and 3 are applied and the old rows lease like new ones: the blocked job stays out
    const check = new Database(database.file, { readonly: true });
    expect(check.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'work-leases' },
      { version: 3, name: 'job-retries' },
      { version: 4, name: 'history-per-command' },
    ]);
    check.close();
    const leased = await store.leaseDueWork({ owner: 'one', now: T0, until: T0 + MINUTE, limit: 10, jobTypes: ['charge'] });
    expect(leased).toEqual([
      { kind: 'timer', ...deriveRecords(states[0]).timers[0] },
      { kind: 'job', ...deriveRecords(states[0]).jobs[0] },
    ]);
    expect(await store.leaseDueWork({ owner: 'two', now: T0, until: T0 + MINUTE, limit: 10, jobTypes: ['charge'] })).toEqual([]);
    store.close();
  });

  it('never leases one row to two processes that ask at the same moment', { timeout: 30_000 }, async () => {
    // given 300 instances, each with a due timer and a charge job
    const seed = sqliteStore({ file: database.file });
    for (let index = 0; index < 300; index++) {
      const state = waitingState(`i${index}`, { waits: [{ elementId: 'wait', wait: { kind: 'timer', dueAt: T0 + index } }, { elementId: 'pay', wait: charge }] });
      await seed.commit({ state, expectedRevision: null, history: [] });
    }
    seed.close();
    // when two processes, each on its own connection, lease two rows at a time under fresh owner ids
    const workers = [leaseWorker(database.file, 'a', T0 + MINUTE), leaseWorker(database.file, 'b', T0 + MINUTE)];
    await Promise.all(workers.map((worker) => worker.ready()));
    const [a, b] = await Promise.all(workers.map((worker) => worker.leased()));
    // then both got work, and every timer and job went to exactly one owner
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const keys = [...a, ...b].map(([, kind, key]) => `${kind}:${key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Array.from({ length: 300 }, (_, index) => [`job:i${index}.2`, `timer:i${index}.1`]).flat().sort());
  });
});
