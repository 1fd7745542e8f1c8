import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { sequentialIds } from '../../src/ids.js';
import { memoryStore } from '../../src/store/memory-store.js';
import { TestClock } from '../../src/testing/test-clock.js';
import { fixture } from '../fixture.js';

/** Several engines on one store: due work is leased, so each timer and job runs once. */
describe('engines sharing a store', () => {
  it('runs a waiting job once when two engines with a handler look for work at the same time', async () => {
    // given a job that waited for a handler, and two engines on the same store
    const store = memoryStore();
    const clock = new TestClock();
    const calls: string[] = [];
    const first = createEngine({ store, clock, ids: sequentialIds('a-') });
    await first.deploy(fixture('zeebe-order.bpmn'));
    const { id } = await first.start('order', { variables: { amount: 5 } });
    const second = createEngine({ store, clock, ids: sequentialIds('b-') });
    // when both register a handler and run due work at once
    first.handle('charge-card', () => void calls.push('first'));
    second.handle('charge-card', () => void calls.push('second'));
    await Promise.all([first.idle(), second.idle(), first.runDueWork(), second.runDueWork()]);
    // then the handler ran once and the instance completed
    expect(calls).toHaveLength(1);
    expect((await first.getInstance(id)).status).toBe('completed');
  });

  it('a polling engine fires a timer another engine created', async () => {
    // given engine B, polling every minute, is already running when engine A starts an instance that waits
    // an hour and stops (B never saw the timer being created)
    const store = memoryStore();
    const clock = new TestClock();
    const b = createEngine({ store, clock, ids: sequentialIds('b-'), pollIntervalMs: 60_000 });
    clock.settle = () => b.idle();
    await b.idle();
    const a = createEngine({ store, clock, ids: sequentialIds('a-') });
    await a.deploy(fixture('wait-states.bpmn'));
    const { id } = await a.start('waits', { variables: { orderId: 'A-1' } });
    const [task] = await a.listTasks({ instanceId: id });
    await a.completeTask(task.id);
    a.close();
    // when the hour passes
    await clock.advance('PT61M');
    // then the timer fired through B
    expect((await b.getInstance(id)).activeElements.map((element) => element.elementId)).toEqual(['payment']);
    b.close();
  });
});
