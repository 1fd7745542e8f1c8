import { expect, it } from 'vitest';
import { isEngineError, type Engine, type HistoryEvent } from '@pravah/engine';
import type { loadBarrier } from './load-barrier.js';

/**
 * The races every durable store must settle the same way: two engines (two connections or pools) on one
 * database, each command having loaded the instance before either commits. Registers its tests in the
 * caller's `describe`; `context()` gives the engines (the first has deployed `task-then-message`) and the
 * load barrier that wraps their stores.
 */
export const LOSING_CODES = ['TASK_NOT_ACTIVE', 'TASK_NOT_FOUND', 'CONCURRENT_MODIFICATION'];

export const count = (history: HistoryEvent[], type: HistoryEvent['type'], elementId?: string) =>
  history.filter((event) => event.type === type && (elementId === undefined || ('elementId' in event && event.elementId === elementId))).length;

export const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' && isEngineError(result.reason) ? result.reason.code : undefined;

export function engineRaceTests(context: () => { engines: [Engine, Engine]; barrier: ReturnType<typeof loadBarrier> }): void {
  it('lets exactly one of two engines complete the same task', async () => {
    // given an instance waiting at its user task, seen by both engines
    const { engines, barrier } = context();
    const [first, second] = engines;
    const { id } = await first.start('task-then-message', { variables: { orderId: 'PO-1' } });
    const [task] = await first.listTasks({ candidateGroup: 'managers' });
    expect(await second.listTasks({ candidateGroup: 'managers' })).toEqual([task]);
    // when both complete it at once, each having loaded the instance before either commits
    barrier.arm(2);
    const results = await Promise.allSettled([
      first.completeTask(task.id, { user: 'ann', variables: { approvedBy: 'ann' } }),
      second.completeTask(task.id, { user: 'bob', variables: { approvedBy: 'bob' } }),
    ]);
    // then the race was real: both loads came before the first commit
    expect(barrier.log.slice(0, 2).sort()).toEqual(['a loaded', 'b loaded']);
    // and exactly one completion went through; the other failed with a losing code
    const winners = results.filter((result) => result.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const loserIndex = results.findIndex((result) => result.status === 'rejected');
    expect(LOSING_CODES).toContain(codeOf(results[loserIndex]));
    // and the instance advanced once: one task-completed, the message catch entered once
    const history = await first.history(id);
    expect(count(history, 'task-completed')).toBe(1);
    expect(count(history, 'element-completed', 'approve')).toBe(1);
    expect(count(history, 'element-activated', 'payment')).toBe(1);
    expect(history.map((event) => event.seq)).toEqual(history.map((_, index) => index + 1));
    // and the loser, reading again, sees the task gone and the instance at the message catch
    const loser = engines[loserIndex];
    expect(await loser.listTasks({ candidateGroup: 'managers' })).toEqual([]);
    expect(await loser.store.getTask(task.id)).toBeUndefined();
    const retried = await loser.completeTask(task.id).catch((error: unknown) => error);
    expect(isEngineError(retried) && retried.code).toBe('TASK_NOT_FOUND');
    const seen = await loser.getInstance(id);
    expect(seen.activeElements.map((element) => element.elementId)).toEqual(['payment']);
    expect(seen.variables.approvedBy).toBe(loserIndex === 0 ? 'bob' : 'ann');
  });

  it('records exactly one delivery when two engines correlate the same message at once', async () => {
    // given an instance past its user task, waiting for the payment message of PO-3
    const { engines, barrier } = context();
    const [first, second] = engines;
    const { id } = await first.start('task-then-message', { variables: { orderId: 'PO-3' } });
    const [task] = await first.listTasks({ instanceId: id });
    await first.completeTask(task.id);
    expect(await second.store.findSubscriptions('payment-received', 'PO-3')).toHaveLength(1);
    // when both engines correlate the message, each having loaded the instance before either commits
    barrier.arm(2);
    const results = await Promise.allSettled([
      first.correlateMessage('payment-received', { correlationKey: 'PO-3', variables: { paidVia: 'a' } }),
      second.correlateMessage('payment-received', { correlationKey: 'PO-3', variables: { paidVia: 'b' } }),
    ]);
    expect(barrier.log.slice(0, 2).sort()).toEqual(['a loaded', 'b loaded']);
    // then exactly one reports a delivery; the other was refused (or found nothing left to deliver to)
    const delivered = results.flatMap((result, index) => (result.status === 'fulfilled' && result.value.correlated ? [index] : []));
    expect(delivered).toHaveLength(1);
    const other = results[1 - delivered[0]];
    if (other.status === 'rejected') expect(codeOf(other)).toBe('CONCURRENT_MODIFICATION');
    else expect(other.value).toEqual({ correlated: false });
    // and history holds that one delivery: the catch completed once, with the winner's variables
    const history = await second.history(id);
    expect(count(history, 'element-completed', 'payment')).toBe(1);
    expect(count(history, 'instance-completed')).toBe(1);
    const changes = history.filter((event) => event.type === 'variables-changed' && event.elementId === 'payment');
    expect(changes).toEqual([expect.objectContaining({ variables: { paidVia: delivered[0] === 0 ? 'a' : 'b' } })]);
    expect((await first.getInstance(id)).status).toBe('completed');
    expect(await first.store.findSubscriptions('payment-received', 'PO-3')).toEqual([]);
  });
}
