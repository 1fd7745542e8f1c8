import { describe, expect, it } from 'vitest';
import { BpmnError } from '../../src/errors.js';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

describe('operating running instances', () => {
  it('migrates on purpose: tasks, timers and subscriptions move with their elements; history records it', async () => {
    // given an instance on v1 waiting at a task (with a timer boundary) and a message, and v2 renaming the task
    const engine = createTestEngine();
    await engine.deploy(fixture('migration-v1.bpmn'));
    const { id } = await engine.start('orders');
    await engine.deploy(fixture('migration-v2.bpmn'));
    const [taskBefore] = await engine.listTasks({ instanceId: id });
    // when planned without a mapping, then the renamed task is a problem and nothing moves
    const dry = await engine.migrate({ key: 'orders', fromVersion: 1, toVersion: 2, dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.problems).toMatchObject([{ instanceId: id, elementId: 'review', code: 'NO_TARGET' }]);
    await expect(engine.migrate({ key: 'orders', fromVersion: 1, toVersion: 2 })).rejects.toMatchObject({ code: 'MIGRATION_INVALID' });
    expect((await engine.getInstance(id)).version).toBe(1);
    // when migrated with a mapping
    const result = await engine.migrate({ key: 'orders', fromVersion: 1, toVersion: 2, mapping: { review: 'check', reviewTimeout: 'reviewTimeout' } });
    // then
    expect(result.applied).toBe(true);
    const after = await engine.getInstance(id);
    expect(after.version).toBe(2);
    const [taskAfter] = await engine.listTasks({ instanceId: id });
    expect(taskAfter).toMatchObject({ id: taskBefore.id, elementId: 'check', assignee: 'ann' });
    expect(after.activeElements.find((element) => element.elementId === 'reviewTimeout')?.dueAt).toBe(Date.parse('2026-01-01T01:00:00Z'));
    expect((await engine.history(id)).some((event) => event.type === 'instance-migrated')).toBe(true);
    expect(await engine.listInstances({ key: 'orders', version: 2 })).toMatchObject([{ id, definitionId: 'orders:2' }]);
    expect((await engine.listDefinitions()).map(({ id: definitionId, instances }) => [definitionId, instances.active])).toEqual([
      ['orders:1', 0],
      ['orders:2', 1],
    ]);
    // and it runs on v2 from now on
    await engine.correlateMessage('ping');
    await engine.completeTask(taskAfter.id);
    await assertThatInstance(engine, id).isWaitingAt('archive');
  });

  it('refuses a migration onto an element of another kind', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('migration-v1.bpmn'));
    const { id } = await engine.start('orders');
    await engine.deploy(fixture('migration-v2.bpmn'));
    const result = await engine.migrate({ instanceIds: [id], key: 'orders', toVersion: 2, mapping: { review: 'archive', wait: 'check' }, dryRun: true });
    // review -> archive is fine (both user tasks in the process scope); a message catch cannot become a user task
    expect(result.problems).toEqual([expect.objectContaining({ instanceId: id, elementId: 'wait', code: 'TYPE_MISMATCH' })]);
  });

  it('cancels an instance: every token and subscription goes, status terminated', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('migration-v1.bpmn'));
    const { id } = await engine.start('orders');
    const cancelled = await engine.cancelInstance(id, 'customer withdrew');
    expect(cancelled.status).toBe('terminated');
    expect(cancelled.activeElements).toEqual([]);
    expect(await engine.listTasks({ instanceId: id })).toEqual([]);
    expect(await engine.correlateMessage('ping')).toEqual({ correlated: false });
    expect((await engine.history(id)).at(-1)).toMatchObject({ type: 'instance-terminated', reason: 'customer withdrew' });
    await expect(engine.cancelInstance(id)).rejects.toMatchObject({ code: 'INSTANCE_NOT_ACTIVE' });
  });

  it('a suspended instance accepts no commands and its timers wait until it is resumed', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('migration-v1.bpmn'));
    const { id } = await engine.start('orders');
    await engine.suspendInstance(id);
    const [task] = await engine.listTasks({ instanceId: id });
    await expect(engine.completeTask(task.id)).rejects.toMatchObject({ code: 'INSTANCE_SUSPENDED' });
    await engine.clock.advance('PT2H');
    await assertThatInstance(engine, id).isWaitingAt('review', 'wait');
    await engine.resumeInstance(id);
    await engine.clock.advance('PT1S');
    await assertThatInstance(engine, id).isWaitingAt('wait');
  });
});

describe('escalations, errors, signals and conditions together', () => {
  it('walks a non-interrupting escalation, a signal and a condition set from outside', async () => {
    const engine = createTestEngine({ handlers: { charge: () => ({}) } });
    await engine.deploy(fixture('events-mix.bpmn'));
    const { id } = await engine.start('mix');
    // the escalation is caught without interrupting: a task appears, the sub-process goes on
    await assertThatInstance(engine, id).isWaitingAt('notifyLate', 'waitGo');
    await assertThatInstance(engine, id).hasVariable('escalation', 'LATE');
    expect(await engine.broadcastSignal('go')).toEqual({ triggered: 1, started: [] });
    await assertThatInstance(engine, id).isWaitingAt('notifyLate', 'until');
    await engine.setVariables(id, { ready: false });
    await assertThatInstance(engine, id).isWaitingAt('notifyLate', 'until');
    await engine.setVariables(id, { ready: true });
    await assertThatInstance(engine, id).isWaitingAt('notifyLate');
    const [task] = await engine.listTasks({ instanceId: id });
    await engine.completeTask(task.id);
    await assertThatInstance(engine, id).isCompleted();
  });

  it('a BpmnError from a handler is caught by the error boundary of the enclosing sub-process', async () => {
    const engine = createTestEngine({
      handlers: {
        charge: () => {
          throw new BpmnError('CARD_DECLINED', 'insufficient funds');
        },
      },
    });
    await engine.deploy(fixture('events-mix.bpmn'));
    const { id } = await engine.start('mix');
    await assertThatInstance(engine, id).isCompleted();
    await assertThatInstance(engine, id).hasPassedElementsInOrder('onDeclined', 'declined');
    await assertThatInstance(engine, id).hasVariable('code', 'CARD_DECLINED');
    await assertThatInstance(engine, id).hasVariable('reason', 'insufficient funds');
  });
});
