import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

describe('effects on other instances go through an outbox', () => {
  it('a call activity whose child could not be started (the engine died) is completed from the outbox later', async () => {
    // given a store that fails the first creation of a called child, as a crash right after the parent's commit
    const inner = memoryStore();
    let crash = true;
    const store: Store = {
      ...inner,
      async commit(change) {
        if (crash && change.expectedRevision === null && change.state.parent) {
          crash = false;
          throw new Error('engine died');
        }
        return inner.commit(change);
      },
    };
    const engine = createTestEngine({ store });
    await engine.deploy(fixture('event-details.bpmn'));
    // when the parent starts, its commit lands but the child does not
    await expect(engine.start('parent', { variables: { broken: false } })).rejects.toThrow('engine died');
    const [parent] = await engine.listInstances({ key: 'parent' });
    expect(await engine.listInstances({ key: 'child' })).toEqual([]);
    expect(await engine.listJobs({ instanceId: parent.id })).toMatchObject([{ type: 'pravah:effect' }]);
    // then after the grace period the outbox entry is delivered: the child runs, the entry is gone
    await engine.clock.advance('PT31S');
    const [child] = await engine.listInstances({ key: 'child' });
    expect(child).toMatchObject({ status: 'active' });
    expect(await engine.listJobs({ instanceId: parent.id })).toEqual([]);
    // and the process goes on as usual
    const [task] = await engine.listTasks({ instanceId: child.id });
    await engine.completeTask(task.id);
    await assertThatInstance(engine, parent.id).isCompleted();
  });

  it('delivers effects at once in the normal case and leaves no outbox behind', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('event-details.bpmn'));
    const parent = await engine.start('parent', { variables: { broken: false } });
    expect(await engine.listInstances({ key: 'child' })).toHaveLength(1);
    expect(await engine.listJobs({})).toEqual([]);
    expect(((await engine.store.loadInstance(parent.id)) as { outbox?: unknown }).outbox).toBeUndefined();
  });
});
