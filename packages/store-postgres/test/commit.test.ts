import { isEngineError, type InstanceState } from '@pravah/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitingState } from '../../engine/test-support/store-contract.js';
import type { PostgresStore } from '../src/postgres-store.js';
import { freshSchema, NEEDS_PG, PG_URL, type FreshSchema } from './support/fresh-schema.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  return isEngineError(error) ? error.code : error === undefined ? undefined : String(error);
}

/** Waits until `count` sessions wait on a lock in an instance UPDATE. */
async function waitForBlocked(schema: FreshSchema, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await schema.query(`SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query LIKE '%UPDATE instances%'`);
    if (rows[0].blocked >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} sessions blocked`);
}

describe.skipIf(!PG_URL)(`commit across processes: ${NEEDS_PG}`, () => {
  let schema: FreshSchema;
  let first: PostgresStore;
  let second: PostgresStore;
  beforeEach(async () => {
    schema = await freshSchema();
    // two stores on two pools: two engine processes sharing one database
    first = schema.store();
    second = schema.store();
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    await schema.drop();
  });

  it('lets exactly one of two commits with the same expected revision win; the other gets CONCURRENT_MODIFICATION', async () => {
    // given an instance at revision 1 that both processes loaded
    const created = waitingState('c1', { waits: [{ elementId: 'review', wait: { kind: 'userTask', assignee: 'ann' } }] });
    await first.commit({ state: created, expectedRevision: null, history: [] });
    const loaded = [(await first.loadInstance('c1')) as InstanceState, (await second.loadInstance('c1')) as InstanceState];
    const next = (state: InstanceState, assignee: string): InstanceState => ({
      ...waitingState('c1', { waits: [{ elementId: 'review', wait: { kind: 'userTask', assignee } }] }),
      revision: state.revision + 1,
    });
    // and a third session holds the instance row, so both commits are in flight when it lets go
    const lock = schema.pool({ max: 1 });
    const holder = await lock.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM instances WHERE id = 'c1' FOR UPDATE`);
    // when both commit revision 2
    const outcomes = Promise.all([
      codeOf(first.commit({ state: next(loaded[0], 'bob'), expectedRevision: 1, history: [] })),
      codeOf(second.commit({ state: next(loaded[1], 'carl'), expectedRevision: 1, history: [] })),
    ]);
    await waitForBlocked(schema, 2);
    await holder.query('COMMIT');
    holder.release();
    const codes = await outcomes;
    // then one succeeded and the other was refused, and the stored rows are the winner's
    expect(codes.filter((code) => code === undefined)).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONCURRENT_MODIFICATION')).toHaveLength(1);
    const winner = codes[0] === undefined ? 'bob' : 'carl';
    expect(((await second.loadInstance('c1')) as InstanceState).revision).toBe(2);
    expect((await first.listTasks({ instanceId: 'c1' })).map((task) => task.assignee)).toEqual([winner]);
  });

  it('lets exactly one of two creates of the same instance id win', async () => {
    // when both processes create instance c2 at once
    const codes = await Promise.all(
      [first, second].map((store, index) =>
        codeOf(store.commit({ state: waitingState('c2', { businessKey: `B-${index}` }), expectedRevision: null, history: [] })),
      ),
    );
    // then one wins, the other is refused with CONCURRENT_MODIFICATION
    expect(codes.sort()).toEqual(['CONCURRENT_MODIFICATION', undefined]);
    expect(await first.listInstances({})).toHaveLength(1);
  });

  it('leaves nothing behind when a commit fails part way', async () => {
    // given an instance at revision 1
    const created = waitingState('c3', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'payment' } }] });
    await first.commit({ state: created, expectedRevision: null, history: [{ seq: 0, at: 1, type: 'instance-completed' }] });
    // when a commit fails after the instance row was written (a second instance's task id collides)
    await schema.query(
      `INSERT INTO tasks (id, instance_id, element_id, element_instance_id, definition_id, key, candidate_users, candidate_groups, created_at)
       VALUES ('c3.1', 'other', 'x', '1', 'order:1', 'order', '{}', '{}', 0)`,
    );
    const next = { ...waitingState('c3', { waits: [{ elementId: 'review', wait: { kind: 'userTask' } }] }), revision: 2 };
    const code = await codeOf(second.commit({ state: next, expectedRevision: 1, history: [{ seq: 1, at: 2, type: 'instance-completed' }] }));
    // then the error surfaces and the instance, its rows and its history are those of revision 1
    expect(code).not.toBeUndefined();
    expect(await first.loadInstance('c3')).toEqual(created);
    expect((await first.listJobs({ instanceId: 'c3' })).map((job) => job.jobKey)).toEqual(['c3.1']);
    expect(await first.history('c3')).toHaveLength(1);
  });
});
