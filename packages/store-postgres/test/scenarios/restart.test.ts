import { readFileSync } from 'node:fs';
import { createEngine, sequentialIds, type Engine } from '@pravah/engine';
import { TestClock } from '../../../engine/src/testing/test-clock.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresStore, type PostgresStore } from '../../src/postgres-store.js';
import { freshSchema, NEEDS_PG, PG_URL, type FreshSchema } from '../support/fresh-schema.js';

const xml = readFileSync(new URL('../fixtures/review-and-charge.bpmn', import.meta.url), 'utf8');

/** One engine process: its own pool and store on the shared database. */
function boot(schema: FreshSchema, clock: TestClock, process: string): { engine: Engine; store: PostgresStore } {
  const store = postgresStore({ pool: schema.pool() });
  const engine = createEngine({ store, clock, ids: sequentialIds(`${process}-`), handlers: { charge: ({ variables }) => ({ charged: variables.amount }) } });
  clock.settle = () => engine.idle();
  return { engine, store };
}

describe.skipIf(!PG_URL)(`an instance outlives its engine: ${NEEDS_PG}`, () => {
  let schema: FreshSchema;
  beforeEach(async () => {
    schema = await freshSchema();
  });
  afterEach(async () => schema.drop());

  it('runs to a user task, and a new engine on a new store finishes it after the timer', async () => {
    // given an engine that deployed the process and started an instance, waiting at the review task
    const clock = new TestClock('2026-03-01T09:00:00Z');
    const before = boot(schema, clock, 'first');
    await before.engine.deploy({ xml, name: 'review-and-charge.bpmn' });
    const { id } = await before.engine.start('review-and-charge', { businessKey: 'ORDER-7', variables: { amount: 120 } });
    expect((await before.engine.listTasks({ candidateGroup: 'managers' })).map((task) => task.elementId)).toEqual(['review']);
    // when that engine and its store are closed
    before.engine.close();
    await before.store.close();

    // then a new engine with a new store sees the task, the definition and the instance
    const after = boot(schema, clock, 'second');
    const [task] = await after.engine.listTasks({ instanceId: id });
    expect(task).toMatchObject({ elementId: 'review', businessKey: 'ORDER-7', candidateGroups: ['managers'] });
    // and completes it; the timer waits an hour, then the job handler charges the card
    await after.engine.completeTask(task.id, { user: 'ann' });
    expect(await after.store.dueTimers(clock.now(), 10)).toEqual([]);
    expect(await after.store.nextTimerDueAt()).toBe(clock.now() + 3_600_000);
    await clock.advance('PT1H');
    await after.engine.idle();

    const [summary] = await after.store.listInstances({ businessKey: 'ORDER-7' });
    expect(summary).toMatchObject({ id, status: 'completed' });
    const history = await after.store.history(id);
    expect(history.map((event) => event.seq)).toEqual(history.map((_, index) => history[0].seq + index));
    expect(history.filter((event) => event.type === 'element-completed').map((event) => 'elementId' in event && event.elementId)).toEqual([
      'start',
      'review',
      'coolOff',
      'charge',
      'done',
    ]);
    expect(history).toContainEqual(expect.objectContaining({ type: 'task-completed', completedBy: 'ann' }));
    expect(await after.store.listTasks({})).toEqual([]);
    expect(await after.store.listJobs({})).toEqual([]);
    after.engine.close();
  });
});
