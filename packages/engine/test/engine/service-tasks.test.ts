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

  it('retries a failing handler while attempts are left, then raises an incident that a retry clears', async () => {
    // given a handler that fails twice (the model allows 2 attempts: zeebe:taskDefinition retries="2")
    const engine = createTestEngine();
    let failures = 2;
    engine.handle('charge-card', ({ attempt }) => {
      if (failures-- > 0) throw new Error('card service down');
      return { attemptSeen: attempt };
    });
    await engine.deploy(fixture('zeebe-order.bpmn'));
    // when
    const instance = await engine.start('order', { variables: { amount: 1 } });
    // then both attempts ran at once and the second failure is an incident
    expect(instance.status).toBe('active');
    await assertThatInstance(engine, instance.id).hasIncident({ code: 'HANDLER_FAILED', elementId: 'charge' });
    const history = await engine.history(instance.id);
    expect(history.filter((event) => event.type === 'job-failed')).toMatchObject([{ attempt: 1, message: 'card service down' }]);
    const [incident] = await engine.listIncidents({ instanceId: instance.id });
    expect(incident.message).toContain('card service down');
    // when retried by an operator
    const after = await engine.retryIncident(incident.id);
    // then the third attempt succeeds
    expect(after.status).toBe('completed');
    expect(after.variables.attemptSeen).toBe(3);
    expect(await engine.listIncidents({})).toEqual([]);
    const types = (await engine.history(instance.id)).map((event) => event.type);
    expect(types).toContain('incident-raised');
    expect(types).toContain('incident-resolved');
  });

  it('waits out a camunda:failedJobRetryTimeCycle between attempts', async () => {
    // given R3/PT10S: three attempts, ten seconds apart, and a handler that always fails
    const engine = createTestEngine();
    const attempts: number[] = [];
    engine.handle('charge-card', ({ attempt }) => {
      attempts.push(attempt);
      throw new Error('down');
    });
    const xml = fixture('zeebe-order.bpmn').replace(
      '<zeebe:taskDefinition type="charge-card" retries="2" />',
      '<zeebe:taskDefinition type="charge-card" /><camunda:failedJobRetryTimeCycle>R3/PT10S</camunda:failedJobRetryTimeCycle>',
    );
    await engine.deploy(xml);
    const { id } = await engine.start('order', { variables: { amount: 1 } });
    // then the first attempt failed and the job waits ten seconds
    expect(attempts).toEqual([1]);
    expect(await engine.listJobs({ instanceId: id })).toMatchObject([{ dueAt: Date.parse('2026-01-01T00:00:10Z') }]);
    await engine.clock.advance('PT9S');
    expect(attempts).toEqual([1]);
    await engine.clock.advance('PT1S');
    expect(attempts).toEqual([1, 2]);
    await engine.clock.advance('PT10S');
    expect(attempts).toEqual([1, 2, 3]);
    await assertThatInstance(engine, id).hasIncident({ code: 'HANDLER_FAILED' });
    await engine.clock.advance('PT1M');
    expect(attempts).toEqual([1, 2, 3]);
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
