import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Clock } from '@pravah/engine';
import { freshSchema, NEEDS_PG, PG_URL, type FreshSchema } from './support/fresh-schema.js';
import type { WorkerReport } from './support/scale-out-worker.js';

const xml = readFileSync(new URL('./fixtures/charge-then-wait.bpmn', import.meta.url), 'utf8');
const INSTANCES = 1_000;
const WORKERS = 3;
const DEADLINE_MS = 60_000;

/** The parent only starts instances: a clock that never wakes it leaves every job and timer to the workers. */
const neverWakes: Clock = { now: () => Date.now(), wakeAt: () => () => undefined };

/** Forks `scale-out-worker.ts` under tsx on the schema; resolves once its engine is open. */
async function startWorker(schema: string): Promise<ChildProcess> {
  const child = fork(new URL('./support/scale-out-worker.ts', import.meta.url).pathname, [PG_URL!, schema], {
    execArgv: ['--conditions=@pravah/source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = await Promise.race([once(child, 'message'), once(child, 'exit').then(([code]) => [`exit ${code}`])]);
  if (message !== 'ready') throw new Error(`scale-out worker did not start: ${message}`);
  return child;
}

async function reportOf(worker: ChildProcess): Promise<WorkerReport> {
  const reply = once(worker, 'message');
  worker.send('report');
  return (await reply)[0] as WorkerReport;
}

describe.skipIf(!PG_URL)(`three engine processes on one PostgreSQL schema: ${NEEDS_PG}`, () => {
  let schema: FreshSchema;
  let workers: ChildProcess[] = [];
  beforeEach(async () => {
    schema = await freshSchema();
    await schema.query('CREATE TABLE side_effects (job_key text PRIMARY KEY, calls int NOT NULL)');
  });
  afterEach(async () => {
    await Promise.all(
      workers.map(async (worker) => {
        if (worker.exitCode !== null || worker.signalCode !== null) return;
        const exited = once(worker, 'exit');
        worker.send('stop');
        await Promise.race([exited, sleep(5_000).then(() => worker.kill('SIGKILL'))]);
      }),
    );
    workers = [];
    await schema.drop();
  });

  it('runs every job exactly once and leaves no instance, job or timer behind', { timeout: 120_000 }, async () => {
    const began = Date.now();
    // given the process deployed and three worker processes polling the schema
    const engine = createEngine({ store: schema.store(), clock: neverWakes });
    await engine.deploy(xml);
    workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker(schema.name)));

    // when the parent starts 1,000 instances, each waiting at its `charge` job for a worker to lease it
    const ids: string[] = [];
    for (let batch = 0; batch < INSTANCES; batch += 10) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, async () => (await engine.start('charge-then-wait')).id))));
    }
    const startedIn = Date.now() - began;
    const deadline = Date.now() + DEADLINE_MS;
    while ((await engine.listInstances({ status: 'active', limit: 1 })).length > 0 && Date.now() < deadline) await sleep(100);
    const reports = await Promise.all(workers.map(reportOf));

    // then every instance completed, none is stuck
    expect(await engine.listInstances({ status: 'active' })).toEqual([]);
    const completed = await engine.listInstances({ status: 'completed' });
    expect(completed.map((instance) => instance.id).sort()).toEqual([...ids].sort());
    // and every job's handler ran exactly once: one side effect per instance, each counted once
    const { rows: effects } = await schema.query('SELECT job_key, calls FROM side_effects');
    expect(effects).toHaveLength(INSTANCES);
    expect(effects.filter((effect) => effect.calls !== 1)).toEqual([]);
    expect(new Set(effects.map((effect) => String(effect.job_key).split('.')[0]))).toEqual(new Set(ids));
    // and no job, timer (with its lease) or incident is left
    for (const table of ['jobs', 'timers', 'incidents']) {
      expect({ table, rows: (await schema.query(`SELECT COUNT(*)::int AS rows FROM ${table}`)).rows[0].rows }).toEqual({ table, rows: 0 });
    }
    // and each process did some of the work, the calls adding up to the side effects
    expect(reports.reduce((sum, report) => sum + report.handlerCalls, 0)).toBe(INSTANCES);
    expect(reports.reduce((sum, report) => sum + report.timersFired, 0)).toBe(INSTANCES);
    for (const report of reports) expect(report.handlerCalls).toBeGreaterThan(0);
    console.log(
      `scale-out: ${INSTANCES} instances started in ${(startedIn / 1000).toFixed(1)} s, all done in ${((Date.now() - began) / 1000).toFixed(1)} s; ` +
        `jobs / timers per process: ${reports.map((report) => `${report.handlerCalls} / ${report.timersFired}`).join(', ')}`,
    );
    engine.close();
  });
});
