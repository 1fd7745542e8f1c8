/**
 * One engine process of the SQLite crash test (forked by `crash.test.ts`, run under tsx). Opens the file,
 * sends `ready`, then runs a mixed load until the parent kills it: starts `crash-mix` instances (noting
 * each id once `start` resolved) and completes the open user tasks, while its scheduler fires the short
 * timers and every service task appends its call to the side-effect log.
 * Arguments: database file, side-effect log, started-instances log.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createEngine, isEngineError } from '@pravah/engine';
import { sqliteStore } from '../src/sqlite-store.js';
import { recordingHandler, recordStarted } from './crash-log.js';

const [file, callsLog, startedLog] = process.argv.slice(2);
const engine = createEngine({
  store: sqliteStore({ file }),
  pollIntervalMs: 20,
  leaseMs: 300,
  handlers: { 'side-effect': recordingHandler(callsLog) },
});
process.send!('ready');

for (;;) {
  for (let started = 0; started < 2; started++) recordStarted(startedLog, (await engine.start('crash-mix')).id);
  for (const task of await engine.listTasks({ limit: 10 })) {
    await engine.completeTask(task.id).catch((error: unknown) => {
      // the scheduler may have finished the instance meanwhile; anything else is a real failure
      if (!isEngineError(error) || !['TASK_NOT_FOUND', 'TASK_NOT_ACTIVE'].includes(error.code)) throw error;
    });
  }
  await sleep(5);
}
