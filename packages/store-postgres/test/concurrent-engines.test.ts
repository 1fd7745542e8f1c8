import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, sequentialIds, type Engine } from '@pravah/engine';
import { postgresStore } from '../src/postgres-store.js';
import { freshSchema, NEEDS_PG, PG_URL, type FreshSchema } from './support/fresh-schema.js';
import { codeOf, count, engineRaceTests, LOSING_CODES } from '../../engine/test-support/engine-races.js';
import { loadBarrier } from '../../engine/test-support/load-barrier.js';

const xml = readFileSync(new URL('./fixtures/task-then-message.bpmn', import.meta.url), 'utf8');

describe.skipIf(!PG_URL)(`two engines on one PostgreSQL database: ${NEEDS_PG}`, () => {
  let schema: FreshSchema;
  let barrier: ReturnType<typeof loadBarrier>;
  let engines: [Engine, Engine];
  beforeEach(async () => {
    schema = await freshSchema();
    barrier = loadBarrier();
    // each engine has its own store on its own pool, as two engine processes would
    engines = [
      createEngine({ store: barrier.wrap(postgresStore({ pool: schema.pool() }), 'a'), ids: sequentialIds('a-') }),
      createEngine({ store: barrier.wrap(postgresStore({ pool: schema.pool() }), 'b'), ids: sequentialIds('b-') }),
    ];
    await engines[0].deploy(xml);
  });
  afterEach(async () => {
    for (const engine of engines) engine.close();
    await schema.drop();
  });

  it('lets exactly one of two engines complete the same task when both start in the same tick', async () => {
    // given an instance waiting at its user task
    const [first, second] = engines;
    const { id } = await first.start('task-then-message', { variables: { orderId: 'PO-2' } });
    const [task] = await second.listTasks({ instanceId: id });
    // when both engines complete it, started in the same tick with no help
    const results = await Promise.allSettled([first.completeTask(task.id), second.completeTask(task.id)]);
    // then one wins, the other fails with a losing code; the instance advanced once
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(LOSING_CODES).toContain(codeOf(results.find((result) => result.status === 'rejected')!));
    expect(count(await second.history(id), 'task-completed')).toBe(1);
  });

  engineRaceTests(() => ({ engines, barrier }));
});
