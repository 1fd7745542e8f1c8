import { describe, expect, it } from 'vitest';
import { BpmnError } from '../../src/errors.js';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

describe('service tasks and handlers', () => {
  it('calls the handler with the job context and merges the returned variables', async () => {
    // given
    const engine = createTestEngine();
    const calls: unknown[] = [];
    engine.handle('charge-card', (job) => {
      calls.push(job);
      return { charged: true, amount: 10 };
    });
    await engine.deploy(fixture('zeebe-order.bpmn'));
    // when
    const instance = await engine.start('order', { variables: { amount: 999 }, businessKey: 'PO-1' });
    // then
    expect(instance.status).toBe('completed');
    expect(instance.variables).toEqual({ amount: 10, charged: true });
    expect(calls).toEqual([
      {
        type: 'charge-card',
        jobKey: `${instance.id}.2`,
        instanceId: instance.id,
        elementId: 'charge',
        businessKey: 'PO-1',
        attempt: 1,
        variables: { amount: 999 },
        headers: { currency: 'EUR' },
      },
    ]);
  });

  it('turns a thrown exception into an incident that a retry clears', async () => {
    // given a handler that fails once
    const engine = createTestEngine();
    let failures = 1;
    engine.handle('charge-card', ({ attempt }) => {
      if (failures-- > 0) throw new Error('card service down');
      return { attemptSeen: attempt };
    });
    await engine.deploy(fixture('zeebe-order.bpmn'));
    // when
    const instance = await engine.start('order', { variables: { amount: 1 } });
    // then
    expect(instance.status).toBe('active');
    await assertThatInstance(engine, instance.id).hasIncident({ code: 'HANDLER_FAILED', elementId: 'charge' });
    const [incident] = await engine.listIncidents({ instanceId: instance.id });
    expect(incident.message).toContain('card service down');
    // when retried
    const after = await engine.retryIncident(incident.id);
    // then
    expect(after.status).toBe('completed');
    expect(after.variables.attemptSeen).toBe(2);
    expect(await engine.listIncidents({})).toEqual([]);
    const types = (await engine.history(instance.id)).map((event) => event.type);
    expect(types).toContain('incident-raised');
    expect(types).toContain('incident-resolved');
  });

  it('raises UNHANDLED_BPMN_ERROR for a BpmnError nothing catches', async () => {
    const engine = createTestEngine();
    engine.handle('charge-card', () => {
      throw new BpmnError('CARD_DECLINED', 'declined');
    });
    await engine.deploy(fixture('zeebe-order.bpmn'));
    const instance = await engine.start('order', { variables: { amount: 1 } });
    await assertThatInstance(engine, instance.id).hasIncident({ code: 'UNHANDLED_BPMN_ERROR', elementId: 'charge' });
  });

  it('raises HANDLER_RESULT_INVALID when a handler returns something that is not variables', async () => {
    const engine = createTestEngine();
    engine.handle('charge-card', () => 42 as never);
    await engine.deploy(fixture('zeebe-order.bpmn'));
    const instance = await engine.start('order', { variables: { amount: 1 } });
    await assertThatInstance(engine, instance.id).hasIncident({ code: 'HANDLER_RESULT_INVALID' });
  });

  it('leaves a job waiting until a handler for its type is registered, then runs it', async () => {
    // given no handler
    const engine = createTestEngine();
    await engine.deploy(fixture('zeebe-order.bpmn'));
    const instance = await engine.start('order', { variables: { amount: 1 } });
    expect(await engine.listJobs({ type: 'charge-card' })).toMatchObject([{ instanceId: instance.id, elementId: 'charge' }]);
    // when a handler arrives
    engine.handle('charge-card', async () => ({ late: true }));
    await engine.idle();
    // then
    await assertThatInstance(engine, instance.id).isCompleted();
    await assertThatInstance(engine, instance.id).hasVariable('late', true);
  });

  it('awaits async handlers and runs parallel branches through the join', async () => {
    const engine = createTestEngine();
    let calls = 0;
    engine.handle('work', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { [`done${++calls}`]: true };
    });
    await engine.deploy(fixture('parallel.bpmn'));
    const instance = await engine.start('parallel');
    await assertThatInstance(engine, instance.id).isWaitingAt('c');
    const [task] = await engine.listTasks({ instanceId: instance.id });
    const done = await engine.completeTask(task.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toEqual({ done1: true, done2: true });
    await assertThatInstance(engine, instance.id).hasPassedElementsInOrder('fork', 'a', 'b', 'c', 'join', 'end');
  });
});
