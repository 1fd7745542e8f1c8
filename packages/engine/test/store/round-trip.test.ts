import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { instanceStateSchema } from '../../src/model/instance-state.js';
import { memoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { TestClock } from '../../src/testing/test-clock.js';
import { sequentialIds } from '../../src/ids.js';
import { fixture } from '../fixture.js';

/**
 * Every wait state survives a JSON round trip: run to the wait, check the stored state is plain JSON that
 * the schema accepts, then resume with a brand-new engine on the same store and finish.
 */
function engineOn(store: Store, clock: TestClock, handlers = {}): Engine {
  const engine = createEngine({ store, clock, ids: sequentialIds(`e${Math.random().toString(36).slice(2, 6)}-`), handlers });
  clock.settle = () => engine.idle();
  return engine;
}

async function expectJsonRoundTrip(store: Store, instanceId: string): Promise<void> {
  const raw = await store.loadInstance(instanceId);
  const text = JSON.stringify(raw);
  expect(JSON.parse(text)).toEqual(raw);
  expect(instanceStateSchema.parse(JSON.parse(text))).toEqual(raw);
}

describe('wait states survive a JSON round trip and a new engine', () => {
  const waits: Array<[string, (engine: Engine, clock: TestClock, id: string) => Promise<void>]> = [
    ['user task', async (engine, _clock, id) => {
      const [task] = await engine.listTasks({ instanceId: id });
      await engine.completeTask(task.id);
    }],
    ['timer', async (_engine, clock) => clock.advance('PT1H')],
    ['keyed message catch', async (engine) => {
      expect(await engine.correlateMessage('payment-received', { correlationKey: 'A-1' })).toMatchObject({ correlated: true });
    }],
    ['receive task', async (engine) => {
      expect(await engine.correlateMessage('shipped')).toMatchObject({ correlated: true });
    }],
    ['job without a handler', async (engine) => {
      engine.handle('archive', () => ({ archived: true }));
      await engine.idle();
    }],
    ['user task in a sub-process', async (engine, _clock, id) => {
      const [task] = await engine.listTasks({ instanceId: id });
      await engine.completeTask(task.id);
    }],
  ];

  it('resumes each wait on a fresh engine and finishes', async () => {
    // given one store and a clock shared by successive engines
    const store = memoryStore();
    const clock = new TestClock('2026-02-01T00:00:00Z');
    let engine = engineOn(store, clock);
    await engine.deploy(fixture('wait-states.bpmn'));
    const { id } = await engine.start('waits', { variables: { orderId: 'A-1' } });
    for (const [, resume] of waits) {
      // when the instance waits, its state round-trips as JSON
      await expectJsonRoundTrip(store, id);
      engine.close();
      // and a new engine on the same store resumes it
      engine = engineOn(store, clock);
      await resume(engine, clock, id);
    }
    // then
    expect((await engine.getInstance(id)).status).toBe('completed');
    expect((await engine.getInstance(id)).variables).toMatchObject({ archived: true });
  });

  it('resumes a parallel join with one branch arrived', async () => {
    const store = memoryStore();
    const clock = new TestClock();
    const first = engineOn(store, clock, { work: () => ({}) });
    await first.deploy(fixture('parallel.bpmn'));
    const { id } = await first.start('parallel');
    await expectJsonRoundTrip(store, id);
    expect(((await store.loadInstance(id)) as { joins: unknown[] }).joins).toHaveLength(1);
    first.close();
    const second = engineOn(store, clock, { work: () => ({}) });
    const [task] = await second.listTasks({ instanceId: id });
    expect((await second.completeTask(task.id)).status).toBe('completed');
  });
});
