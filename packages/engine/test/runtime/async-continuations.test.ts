import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

describe('async continuations (camunda:asyncBefore / asyncAfter)', () => {
  it('commits at each async boundary and lets the job executor go on in a command of its own', async () => {
    // given a user task with asyncAfter and a service task with asyncBefore whose handler fails once
    const engine = createTestEngine();
    const calls: number[] = [];
    engine.handle('charge', ({ attempt }) => {
      calls.push(attempt);
      if (attempt === 1) throw new Error('gateway timeout');
      return { charged: true };
    });
    await engine.deploy(fixture('async-continuations.bpmn'));
    const { id } = await engine.start('async');
    const [task] = await engine.listTasks({ instanceId: id });
    // when the task completes, its command commits at the asyncAfter boundary (the snapshot shows it)
    const afterTask = await engine.completeTask(task.id);
    expect(afterTask.activeElements).toMatchObject([{ elementId: 'review', state: 'completing', waitingFor: 'job' }]);
    // and the job executor goes on by itself in commands of its own: review leaves, charge waits at its
    // asyncBefore boundary, then runs
    await engine.idle();
    // then the handler's first failure did not undo anything before the boundary: it retried and finished
    expect(calls).toEqual([1, 2]);
    await assertThatInstance(engine, id).isCompleted();
    await assertThatInstance(engine, id).hasPassedElementsInOrder('review', 'charge', 'end');
  });

  it('a continuation survives a restart: another engine on the same store goes on', async () => {
    const first = createTestEngine();
    await first.deploy(fixture('async-continuations.bpmn'));
    const { id } = await first.start('async');
    const [task] = await first.listTasks({ instanceId: id });
    await first.completeTask(task.id);
    first.close();
    expect(await first.listJobs({ instanceId: id })).toMatchObject([{ type: 'pravah:continue', elementId: 'review' }]);
    const second = createTestEngine({ store: first.store, handlers: { charge: () => ({}) } });
    await second.runDueWork();
    await second.idle();
    await assertThatInstance(second, id).isCompleted();
  });
});
