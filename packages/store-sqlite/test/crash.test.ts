import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, isEngineError } from '@pravah/engine';
import { sqliteStore } from '../src/sqlite-store.js';
import { checkAfterRestart, checkCrashInvariants } from './crash-invariants.js';
import { readLines, recordingHandler, type HandlerCall } from './crash-log.js';
import { fixture } from './fixture.js';
import { tempDatabase } from './temp-database.js';

const KILLS = 24;
/** A kill lands this long after the worker said `ready`. */
const KILL_AFTER_MS = { min: 50, max: 400 };
const DRAIN_DEADLINE_MS = 30_000;

/** mulberry32: the kill delays follow from a seed the summary prints. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Forks `crash-worker.ts` under tsx on the file; resolves once its engine is open and the load begins. */
async function startWorker(args: string[]): Promise<ChildProcess> {
  const child = fork(new URL('./crash-worker.ts', import.meta.url).pathname, args, {
    execArgv: ['--conditions=@pravah/source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = await Promise.race([once(child, 'message'), once(child, 'exit').then(([code]) => [`exit ${code}`])]);
  if (message !== 'ready') throw new Error(`crash worker did not start: ${message}`);
  return child;
}

describe('SQLite under SIGKILL', () => {
  let database: ReturnType<typeof tempDatabase>;
  let worker: ChildProcess | undefined;
  beforeEach(() => {
    database = tempDatabase();
  });
  afterEach(() => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    database.remove();
  });

  it('loses no instance and completes each exactly once across repeated kills of its engine process', { timeout: 120_000 }, async () => {
    const began = Date.now();
    const seed = Number(process.env.PRAVAH_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const logs = { calls: join(database.file, '..', 'calls.log'), started: join(database.file, '..', 'started.log') };
    const workerArgs = [database.file, logs.calls, logs.started];
    // given the crash-mix process deployed on a fresh file
    const deployer = sqliteStore({ file: database.file });
    await createEngine({ store: deployer }).deploy(fixture('crash-mix.bpmn'));
    deployer.close();

    // when a worker process runs the mixed load on it and is killed at a random moment, again and again
    const killedAt = new Map<number, number>();
    for (let kill = 0; kill < KILLS; kill++) {
      worker = await startWorker(workerArgs);
      await sleep(KILL_AFTER_MS.min + Math.floor(random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min)));
      // a worker that stopped by itself failed: its load must run until the kill
      expect({ exitCode: worker.exitCode, signal: worker.signalCode }).toEqual({ exitCode: null, signal: null });
      const exited = once(worker, 'exit');
      killedAt.set(worker.pid!, Date.now());
      worker.kill('SIGKILL');
      expect((await exited)[1]).toBe('SIGKILL');
      // and after each kill, before the next restart, the file is consistent
      const checkStore = sqliteStore({ file: database.file });
      const checker = createEngine({ store: checkStore, clock: { now: () => Date.now(), wakeAt: () => () => {} } }); // reads only
      expect(await checkAfterRestart(checker, readLines(logs.started)), `after kill ${kill + 1}`).toEqual([]);
      checker.close();
      checkStore.close();
    }

    // and a last engine on the file runs every instance to its end (tasks completed here, timers fired)
    const store = sqliteStore({ file: database.file });
    const engine = createEngine({ store, pollIntervalMs: 20, leaseMs: 300, handlers: { 'side-effect': recordingHandler(logs.calls) } });
    const deadline = Date.now() + DRAIN_DEADLINE_MS;
    while ((await engine.listInstances({ status: 'active', limit: 1 })).length > 0 && Date.now() < deadline) {
      for (const task of await engine.listTasks({ limit: 50 })) {
        await engine.completeTask(task.id).catch((error: unknown) => {
          if (!isEngineError(error) || !['TASK_NOT_FOUND', 'TASK_NOT_ACTIVE'].includes(error.code)) throw error;
        });
      }
      await sleep(20);
    }
    engine.close();
    await engine.idle();

    // then every invariant holds
    const report = await checkCrashInvariants({
      engine,
      file: database.file,
      reportedStarted: readLines(logs.started),
      calls: readLines(logs.calls).map((line) => JSON.parse(line) as HandlerCall),
      killedAt,
    });
    store.close();
    console.log(
      `crash test (seed ${seed}): ${KILLS} kills, ${report.instances} instances (${readLines(logs.started).length} reported started), ` +
        `${report.jobs} jobs, ${report.calls} handler calls: ${report.duplicateCalls} repeated after a kill, ` +
        `${report.orphanCalls} for commands a kill lost; ${((Date.now() - began) / 1000).toFixed(1)} s`,
    );
    expect(report.violations).toEqual([]);
    expect(report.instances).toBeGreaterThan(KILLS);
  });
});
