import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/store/memory-store.js';
import { createTestEngine } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

describe('memory store', () => {
  it('keeps at most `retainFinished` finished instances, dropping those that finished first', async () => {
    // given a store that keeps two finished instances
    const engine = createTestEngine({ store: memoryStore({ retainFinished: 2 }) });
    await engine.deploy(fixture('script.bpmn'));
    await engine.deploy(fixture('approval.bpmn'));
    const waiting = await engine.start('approval', { variables: { requester: 'x' } });
    // when three instances complete
    const done = [];
    for (let index = 0; index < 3; index++) done.push(await engine.start('script', { variables: { price: 1, quantity: index } }));
    // then the first is gone, the last two and the active one remain
    await expect(engine.getInstance(done[0].id)).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    expect((await engine.getInstance(done[2].id)).status).toBe('completed');
    expect((await engine.getInstance(waiting.id)).status).toBe('active');
    expect(await engine.history(done[0].id)).toEqual([]);
  });

  it('hands out copies: changing a returned snapshot or history changes nothing stored', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('script.bpmn'));
    const instance = await engine.start('script', { variables: { price: 2, quantity: 2, nested: { a: 1 } } });
    (instance.variables.nested as { a: number }).a = 99;
    const [, changed] = await engine.history(instance.id);
    (changed as unknown as { variables: { nested: { a: number } } }).variables.nested.a = 98;
    expect((await engine.getInstance(instance.id)).variables.nested).toEqual({ a: 1 });
    const [, again] = await engine.history(instance.id);
    expect(again).toMatchObject({ type: 'variables-changed', variables: { nested: { a: 1 } } });
  });
});
