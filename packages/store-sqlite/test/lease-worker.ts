/**
 * One engine process of the work-leases race (run with tsx by `work-leases.test.ts`): opens the file, says
 * `ready`, waits for `go` on stdin, then leases due work under many owner ids, two rows a call, pausing a moment after each call, until a
 * call comes back empty, and prints every `[owner, kind, key]` it got as one JSON line.
 * Arguments: database file, owner prefix, `now`.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { sqliteStore } from '../src/sqlite-store.js';

const [file, prefix, nowText] = process.argv.slice(2);
const now = Number(nowText);
const store = sqliteStore({ file });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const leased: Array<[string, string, string]> = [];
for (let call = 0; ; call++) {
  const owner = `${prefix}-${call}`;
  const batch = await store.leaseDueWork({ owner, now, until: now + 3_600_000, limit: 2, jobTypes: ['charge'] });
  if (batch.length === 0) break;
  for (const work of batch) leased.push([owner, work.kind, work.kind === 'timer' ? work.id : work.jobKey]);
  await sleep(1); // lets the other process in between calls (SQLite's busy wait is not fair)
}
store.close();
process.stdout.write(`${JSON.stringify(leased)}\n`);
process.stdin.destroy();
