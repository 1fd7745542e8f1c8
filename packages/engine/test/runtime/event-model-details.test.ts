import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance, passedElements } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

const xml = fixture('event-details.bpmn');

describe('event model details', () => {
  it('a non-interrupting timer event sub-process fires on its cycle while the scope runs, and stops with it', async () => {
    // given
    const pings: string[] = [];
    const engine = createTestEngine({ handlers: { ping: ({ elementId }) => void pings.push(elementId) } });
    await engine.deploy(xml);
    const { id } = await engine.start('reminders');
    // when three hours pass, the R2 cycle fires twice
    await engine.clock.advance('PT3H');
    expect(pings).toEqual(['ping', 'ping']);
    await assertThatInstance(engine, id).isWaitingAt('work');
    // then completing the task ends the instance; an uncaught escalation is ignored
    const [task] = await engine.listTasks({ instanceId: id });
    await engine.completeTask(task.id);
    await assertThatInstance(engine, id).isCompleted();
    await assertThatInstance(engine, id).hasPassedElementsInOrder('note', 'rEnd');
  });

  it('a non-interrupting conditional boundary fires when a variable change makes it true', async () => {
    const engine = createTestEngine({ handlers: { ping: () => ({}) } });
    await engine.deploy(xml);
    const { id } = await engine.start('reminders', { variables: { size: 3 } });
    await engine.setVariables(id, { size: 5 });
    await assertThatInstance(engine, id).isWaitingAt('work');
    await engine.setVariables(id, { size: 12 });
    await assertThatInstance(engine, id).isWaitingAt('split', 'work');
  });

  it('a signal start event starts the latest version of its process', async () => {
    const engine = createTestEngine();
    await engine.deploy(xml);
    const { started } = await engine.broadcastSignal('restock', { variables: { sku: 'A-1' } });
    expect(started).toHaveLength(1);
    await assertThatInstance(engine, started[0]).isCompleted();
    await assertThatInstance(engine, started[0]).hasVariable('sku', 'A-1');
  });

  it('correlates Camunda 7 style by business key and by process variables', async () => {
    const engine = createTestEngine();
    await engine.deploy(xml);
    const a = await engine.start('camunda7Approval', { businessKey: 'INV-1', variables: { region: 'north' } });
    const b = await engine.start('camunda7Approval', { businessKey: 'INV-2', variables: { region: 'south' } });
    expect(await engine.correlateMessage('approve', { businessKey: 'INV-2' })).toMatchObject({ correlated: true, instanceId: b.id });
    expect(await engine.correlateMessage('approve', { processVariables: { region: 'south' } })).toEqual({ correlated: false });
    expect(await engine.correlateMessage('approve', { processVariables: { region: 'north' } })).toMatchObject({ correlated: true, instanceId: a.id });
  });

  it('a Zeebe multi-instance collects one output per item in order', async () => {
    const engine = createTestEngine({ handlers: { price: ({ variables }) => ({ seen: (variables.item as { sku: string }).sku }) } });
    await engine.deploy(xml);
    const items = [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 3 }, { sku: 'c', qty: 1 }];
    const instance = await engine.start('fanOut', { variables: { items, unit: 10 } });
    expect(instance.status).toBe('completed');
    expect(instance.variables.prices).toEqual([20, 30, 10]);
    expect((await passedElements(engine, instance.id)).filter((elementId) => elementId === 'price')).toHaveLength(4);
  });

  it('an error the called process does not catch is caught on the call activity; the child ends with it', async () => {
    const engine = createTestEngine();
    await engine.deploy(xml);
    const parent = await engine.start('parent', { variables: { broken: true } });
    const [childTask] = await engine.listTasks({ elementId: 'childTask' });
    expect(childTask.instanceId).not.toBe(parent.id);
    await engine.completeTask(childTask.id);
    await assertThatInstance(engine, parent.id).isWaitingAt('recover');
    expect((await engine.getInstance(childTask.instanceId)).status).toBe('terminated');
  });

  it('cancelling the parent cancels the child it called', async () => {
    const engine = createTestEngine();
    await engine.deploy(xml);
    const parent = await engine.start('parent', { variables: { broken: false } });
    const [childTask] = await engine.listTasks({ elementId: 'childTask' });
    await engine.cancelInstance(parent.id);
    expect((await engine.getInstance(childTask.instanceId)).status).toBe('terminated');
    expect(await engine.listTasks({})).toEqual([]);
  });
});
