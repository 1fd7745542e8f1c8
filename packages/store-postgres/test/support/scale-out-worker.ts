/**
 * One engine process of the scale-out test (forked by `scale-out.test.ts`, run under tsx). Opens an engine on
 * the test's schema with the `charge` handler, which counts its call in `side_effects` by job key, and
 * polls for due work. Sends `ready`; on `report` sends how many jobs and timers it ran; on `stop` closes and
 * exits. Arguments: database URL, schema.
 */
import { createEngine } from '@pravah/engine';
import pg from 'pg';
import { postgresStore } from '../../src/postgres-store.js';

export interface WorkerReport {
  pid: number;
  handlerCalls: number;
  timersFired: number;
}

const [url, schema] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
const ran: WorkerReport = { pid: process.pid, handlerCalls: 0, timersFired: 0 };
const engine = createEngine({
  store: postgresStore({ pool }),
  pollIntervalMs: 20,
  leaseMs: 2_000,
  handlers: {
    charge: async ({ jobKey }) => {
      ran.handlerCalls++;
      await pool.query('INSERT INTO side_effects (job_key, calls) VALUES ($1, 1) ON CONFLICT (job_key) DO UPDATE SET calls = side_effects.calls + 1', [jobKey]);
    },
  },
});
engine.on('element-completed', (event) => {
  if (event.type === 'element-completed' && event.elementId === 'settle') ran.timersFired++;
});

process.on('message', async (message) => {
  if (message === 'report') process.send!(ran);
  if (message === 'stop') {
    engine.close();
    await engine.idle();
    await pool.end();
    process.exit(0);
  }
});
process.send!('ready');
