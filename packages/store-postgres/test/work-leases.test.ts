import { deriveRecords, type LeasedWork, type Store } from '@pravah/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitingState } from '../../engine/test-support/store-contract.js';
import { writeCommit } from '../src/commit.js';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { postgresStore } from '../src/postgres-store.js';
import { inTransaction } from '../src/transaction.js';
import { freshSchema, NEEDS_PG, PG_URL, type FreshSchema } from './support/fresh-schema.js';

const T0 = 1_764_579_600_000;
const MINUTE = 60_000;
const charge = { kind: 'job', type: 'charge' } as const;
const keyOf = (work: LeasedWork) => `${work.kind}:${work.kind === 'timer' ? work.id : work.jobKey}`;

describe.skipIf(!PG_URL)(`leased due work on PostgreSQL: ${NEEDS_PG}`, () => {
  let schema: FreshSchema;
  beforeEach(async () => {
    schema = await freshSchema();
  });
  afterEach(async () => schema.drop());

  it('upgrades a database at schema 1 to leases, keeping its timers and jobs', async () => {
    // given a database at schema 1 with a due timer, a job and a job blocked by an incident
    const pool = schema.pool();
    await migrate(pool, migrations.slice(0, 1));
    const states = [
      waitingState('a', { waits: [{ elementId: 'wait', wait: { kind: 'timer', dueAt: T0 } }, { elementId: 'pay', wait: charge }] }),
      waitingState('b', { waits: [{ elementId: 'stuck', wait: charge }], incidents: [{ on: 0, code: 'HANDLER_FAILED' }] }),
    ];
    // rows as a schema-1 store wrote them: jobs without the later columns
    for (const state of states) {
      const jobs = deriveRecords(state).jobs;
      const withoutJobs = { ...state, elements: state.elements.filter((element) => element.wait?.kind !== 'job') };
      await inTransaction(pool, (client) => writeCommit(client, { state: withoutJobs, expectedRevision: null, history: [] }));
      for (const job of jobs) {
        await pool.query(
          'INSERT INTO jobs (job_key, instance_id, element_id, element_instance_id, type, attempts, retries, blocked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [job.jobKey, job.instanceId, job.elementId, job.elementInstanceId, job.type, job.attempts, job.retries, job.blocked],
        );
      }
    }
    // when this version's store is first used
    const store = postgresStore({ pool });
    const leased = await store.leaseDueWork({ owner: 'one', now: T0, until: T0 + MINUTE, limit: 10, jobTypes: ['charge'] });
    // then migrations 2 and 3 were applied and the old rows lease like new ones: the blocked job stays out
    const { rows } = await schema.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'work-leases' },
      { version: 3, name: 'job-retries' },
    ]);
    expect(leased).toEqual([
      { kind: 'timer', ...deriveRecords(states[0]).timers[0] },
      { kind: 'job', ...deriveRecords(states[0]).jobs[0] },
    ]);
    expect(await store.leaseDueWork({ owner: 'two', now: T0, until: T0 + MINUTE, limit: 10, jobTypes: ['charge'] })).toEqual([]);
  });

  it('never leases one row to two stores that ask at the same moment', async () => {
    // given 100 instances, each with a due timer and a charge job
    const seed = schema.store();
    for (let index = 0; index < 100; index++) {
      const state = waitingState(`i${index}`, { waits: [{ elementId: 'wait', wait: { kind: 'timer', dueAt: T0 + index } }, { elementId: 'pay', wait: charge }] });
      await seed.commit({ state, expectedRevision: null, history: [] });
    }
    // when two stores on their own pools (two engine processes) each run four lease loops at once, every
    // call under a fresh owner id, three rows a call, until a call comes back empty
    const got = new Map<string, string[]>();
    const drain = async (store: Store, prefix: string) => {
      for (let call = 0; ; call++) {
        const owner = `${prefix}-${call}`;
        const batch = await store.leaseDueWork({ owner, now: T0 + MINUTE, until: T0 + 2 * MINUTE, limit: 3, jobTypes: ['charge'] });
        if (batch.length === 0) return;
        for (const work of batch) got.set(keyOf(work), [...(got.get(keyOf(work)) ?? []), owner]);
      }
    };
    const stores = [schema.store(), schema.store()];
    await Promise.all(stores.flatMap((store, index) => [0, 1, 2, 3].map((loop) => drain(store, `${'ab'[index]}${loop}`))));
    // then every timer and job went to exactly one owner, the one its row names, and both stores got work
    const expected = Array.from({ length: 100 }, (_, index) => [`job:i${index}.2`, `timer:i${index}.1`]).flat();
    expect([...got.keys()].sort()).toEqual(expected.sort());
    expect([...got.values()].filter((owners) => owners.length > 1)).toEqual([]);
    const { rows } = await schema.query(`SELECT 'timer:' || id AS key, lease_owner FROM timers UNION ALL SELECT 'job:' || job_key, lease_owner FROM jobs`);
    expect(Object.fromEntries(rows.map((row) => [row.key, row.lease_owner]))).toEqual(Object.fromEntries([...got].map(([key, [owner]]) => [key, owner])));
    const owners = [...got.values()].map(([owner]) => owner[0]);
    expect(new Set(owners)).toEqual(new Set(['a', 'b']));
    for (const store of [seed, ...stores]) await store.close();
  });
});
