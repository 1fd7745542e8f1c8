import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

async function taskOf(engine: ReturnType<typeof createTestEngine>, instanceId: string, elementId: string) {
  const [task] = await engine.listTasks({ instanceId, elementId });
  if (!task) throw new Error(`no task ${elementId}`);
  return task;
}

describe('timers, messages, sub-processes', () => {
  it('walks every wait state: task, timer, keyed message, receive task, job, sub-process', async () => {
    // given
    const engine = createTestEngine({ startTime: '2026-05-01T00:00:00Z' });
    await engine.deploy(fixture('wait-states.bpmn'));
    const { id } = await engine.start('waits', { variables: { orderId: 'A-1' } });
    // when the task completes, a one-hour timer starts
    await engine.completeTask((await taskOf(engine, id, 'task')).id);
    const waiting = await engine.getInstance(id);
    expect(waiting.activeElements).toMatchObject([{ elementId: 'timer', waitingFor: 'timer', dueAt: Date.parse('2026-05-01T01:00:00Z') }]);
    // then it does not fire early
    await engine.clock.advance('PT59M');
    await assertThatInstance(engine, id).isWaitingAt('timer');
    await engine.clock.advance('PT1M');
    await assertThatInstance(engine, id).isWaitingAt('payment');
    // when a message with the wrong key arrives, nothing happens
    expect(await engine.correlateMessage('payment-received', { correlationKey: 'B-2' })).toEqual({ correlated: false });
    // when the right one arrives
    expect(await engine.correlateMessage('payment-received', { correlationKey: 'A-1', variables: { paid: true } })).toEqual({
      correlated: true,
      instanceId: id,
      elementId: 'payment',
    });
    await assertThatInstance(engine, id).isWaitingAt('ship');
    await engine.correlateMessage('shipped');
    // the job waits without a handler
    await assertThatInstance(engine, id).isWaitingAt('job');
    engine.handle('archive', () => ({ archived: true }));
    await engine.idle();
    await assertThatInstance(engine, id).isWaitingAt('subTask');
    await engine.completeTask((await taskOf(engine, id, 'subTask')).id);
    // then
    await assertThatInstance(engine, id).isCompleted();
    await assertThatInstance(engine, id).hasPassedElementsInOrder('task', 'timer', 'payment', 'ship', 'job', 'subTask', 'subEnd', 'sub', 'end');
    await assertThatInstance(engine, id).hasVariable('paid', true);
  });

  it('terminate end inside a sub-process ends only that scope; at the top it ends the instance', async () => {
    // given
    const engine = createTestEngine();
    await engine.deploy(fixture('terminate.bpmn'));
    const { id } = await engine.start('terminate');
    await assertThatInstance(engine, id).isWaitingAt('slow', 'inner', 'killSub');
    // when the sub-process terminates itself
    await engine.completeTask((await taskOf(engine, id, 'killSub')).id);
    // then only its scope ended
    await assertThatInstance(engine, id).isWaitingAt('slow', 'afterSub');
    const terminated = (await engine.history(id)).filter((event) => event.type === 'element-terminated').map((event) => 'elementId' in event && event.elementId);
    expect(terminated).toEqual(['inner']);
    // when the top-level terminate end is reached
    await engine.completeTask((await taskOf(engine, id, 'afterSub')).id);
    // then the other branch is cancelled and the instance completed
    const instance = await engine.getInstance(id);
    expect(instance.status).toBe('completed');
    expect(instance.activeElements).toEqual([]);
    expect(await engine.listTasks({ instanceId: id })).toEqual([]);
  });

  it('evaluates a FEEL script task into its result variable', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('script.bpmn'));
    const instance = await engine.start('script', { variables: { price: 2.5, quantity: 4 } });
    expect(instance.status).toBe('completed');
    expect(instance.variables.total).toBe(10);
  });
});
