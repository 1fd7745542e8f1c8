import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

describe('user tasks', () => {
  it('creates a task from camunda: attributes, evaluating expressions', async () => {
    // given
    const engine = createTestEngine({ startTime: '2026-03-01T09:00:00Z' });
    await engine.deploy(fixture('approval.bpmn'));
    // when
    const instance = await engine.start('approval', { variables: { requester: 'bob' } });
    // then
    const [task] = await engine.listTasks({ instanceId: instance.id });
    expect(task).toMatchObject({
      elementId: 'review',
      name: 'Review request',
      assignee: 'ann',
      candidateGroups: ['managers', 'finance'],
      candidateUsers: [],
      dueDate: '2026-03-03T09:00:00.000Z',
      formKey: 'review-form',
    });
    await assertThatInstance(engine, instance.id).isWaitingAt('review');
  });

  it('creates a task from zeebe: extensions with FEEL', async () => {
    const engine = createTestEngine();
    engine.handle('charge-card', () => ({}));
    await engine.deploy(fixture('zeebe-order.bpmn'));
    const instance = await engine.start('order', { variables: { amount: 5000, clerk: 'zoe', region: 'emea' } });
    const [task] = await engine.listTasks({ instanceId: instance.id });
    expect(task).toMatchObject({ elementId: 'manual', assignee: 'zoe', candidateGroups: ['risk', 'emea'], formKey: 'risk-form' });
  });

  it('filters tasks by assignee, candidate group and element', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('approval.bpmn'));
    await engine.start('approval', { variables: { requester: 'bob' } });
    await engine.start('approval', { variables: { requester: 'eve' } });
    expect((await engine.listTasks({ assignee: 'ann' })).length).toBe(1);
    expect((await engine.listTasks({ assignee: 'carl' })).length).toBe(1);
    expect((await engine.listTasks({ candidateGroup: 'finance' })).length).toBe(2);
    expect((await engine.listTasks({ candidateGroup: 'sales' })).length).toBe(0);
    expect((await engine.listTasks({ elementId: 'review', limit: 1 })).length).toBe(1);
  });

  it('claims, refuses a second claimant, completes and records who did it', async () => {
    // given
    const engine = createTestEngine();
    engine.handle('notify', () => undefined);
    await engine.deploy(fixture('approval.bpmn'));
    const instance = await engine.start('approval', { variables: { requester: 'eve' } });
    const [task] = await engine.listTasks({ instanceId: instance.id });
    await engine.claimTask(task.id, null);
    // when
    const claimed = await engine.claimTask(task.id, 'dora');
    // then
    expect(claimed.assignee).toBe('dora');
    await expect(engine.claimTask(task.id, 'fred')).rejects.toMatchObject({ code: 'TASK_ALREADY_CLAIMED' });
    // when completed
    const done = await engine.completeTask(task.id, { variables: { approved: false } });
    // then
    expect(done.status).toBe('completed');
    await assertThatInstance(engine, instance.id).hasPassedElementsInOrder('start', 'review', 'decide', 'rejectedFlow', 'rejected');
    const history = await engine.history(instance.id);
    expect(history.find((event) => event.type === 'task-completed')).toMatchObject({ completedBy: 'dora', taskId: task.id });
    await expect(engine.completeTask(task.id)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });
});

describe('history pages', () => {
  it('pages the audit trail by cursor (afterSeq) and by offset', async () => {
    const engine = createTestEngine();
    await engine.deploy(fixture('approval.bpmn'));
    const { id } = await engine.start('approval', { variables: { requester: 'bob' } });
    const all = await engine.history(id);
    expect(await engine.history(id, { limit: 2 })).toEqual(all.slice(0, 2));
    expect(await engine.history(id, { afterSeq: all[1].seq, limit: 2 })).toEqual(all.slice(2, 4));
    expect(await engine.history(id, { offset: 3 })).toEqual(all.slice(3));
    await expect(engine.history(id, { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
