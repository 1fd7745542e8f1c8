import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance, passedElements, type TestEngine } from '../../src/testing/index.js';
import { complete, deployed, model, waitingAt } from './conformance-helpers.js';

// Manifest cases of the full event model (issue 3), each asserting the outcome MANIFEST.md gives.

async function tasks(engine: TestEngine, instanceId: string): Promise<string[]> {
  return (await engine.listTasks({ instanceId })).map((task) => task.elementId).sort();
}

async function status(engine: TestEngine, instanceId: string): Promise<string> {
  return (await engine.getInstance(instanceId)).status;
}

describe('conformance: event-based gateway and boundary events', () => {
  it('8: event-based gateway race: the message wins, the signal and timer listeners go', async () => {
    const engine = await deployed('camunda7/EventBasedGatewayTest.testCatchSignalAndMessageAndTimer.bpmn20.xml');
    const { id } = await engine.start('catchSignal');
    expect(await waitingAt(engine, id)).toEqual(['messageEvent', 'signalEvent', 'timerEvent']);
    expect(await engine.correlateMessage('newInvoice')).toMatchObject({ correlated: true, instanceId: id });
    expect(await waitingAt(engine, id)).toEqual(['task3']);
    expect((await engine.broadcastSignal('alert')).triggered).toBe(0);
    await engine.clock.advance('PT1M');
    expect(await waitingAt(engine, id)).toEqual(['task3']);
    await complete(engine, id, 'task3');
    expect(await status(engine, id)).toBe('completed');
  });

  it('9: three interrupting timers on one task: the earliest (PT1H) wins and cancels the others', async () => {
    const engine = await deployed('camunda7/BoundaryTimerEventTest.testMultipleTimersOnUserTask.bpmn20.xml');
    const { id } = await engine.start('multipleTimersOnUserTask');
    expect((await engine.getInstance(id)).activeElements.filter((element) => element.waitingFor === 'timer')).toHaveLength(3);
    await engine.clock.advance(3_605_000);
    expect(await tasks(engine, id)).toEqual(['thirdTask']);
    expect((await engine.getInstance(id)).activeElements.filter((element) => element.waitingFor === 'timer')).toHaveLength(0);
  });

  it('10: non-interrupting R/PT1H cycle fires every hour until the task ends', async () => {
    const engine = await deployed('camunda7/BoundaryTimerNonInterruptingEventTest.testTimerWithCycle.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const { id } = await engine.start(key);
    await engine.clock.advance('PT1H');
    expect((await engine.listTasks({ instanceId: id, elementId: 'timerFiredTask' })).length).toBe(1);
    await engine.clock.advance('PT1H');
    expect((await engine.listTasks({ instanceId: id, elementId: 'timerFiredTask' })).length).toBe(2);
    await complete(engine, id, 'task');
    await engine.clock.advance('PT1H');
    expect((await engine.listTasks({ instanceId: id, elementId: 'timerFiredTask' })).length).toBe(2);
  });

  it('11: two non-interrupting timers on one task', async () => {
    const engine = await deployed('camunda7/BoundaryTimerNonInterruptingEventTest.testMultipleTimersOnUserTask.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const { id } = await engine.start(key);
    const byName = async () => (await engine.listTasks({ instanceId: id })).map((task) => task.name).sort();
    await engine.clock.advance(3_605_000);
    expect(await byName()).toEqual(['Escalation Task 1', 'First Task']);
    const escalation1 = (await engine.listTasks({ instanceId: id })).find((task) => task.name === 'Escalation Task 1')!;
    await engine.completeTask(escalation1.id);
    expect(await byName()).toEqual(['First Task']);
    await engine.clock.advance(7_205_000);
    expect(await byName()).toEqual(['Escalation Task 2', 'First Task']);
    expect((await engine.getInstance(id)).activeElements.filter((element) => element.waitingFor === 'timer')).toHaveLength(0);
    await engine.completeTask((await engine.listTasks({ instanceId: id })).find((task) => task.name === 'First Task')!.id);
    expect(await byName()).toEqual(['Escalation Task 2']);
    await engine.completeTask((await engine.listTasks({ instanceId: id }))[0].id);
    expect(await status(engine, id)).toBe('completed');
  });

  it('14: interrupting message boundary, both ways', async () => {
    const engine = await deployed('camunda7/MessageBoundaryEventTest.testSingleBoundaryMessageEvent.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const a = await engine.start(key);
    await engine.correlateMessage('messageName');
    expect(await tasks(engine, a.id)).toEqual(['taskAfterMessage']);
    await complete(engine, a.id, 'taskAfterMessage');
    expect(await status(engine, a.id)).toBe('completed');
    const b = await engine.start(key);
    await complete(engine, b.id, 'task');
    expect((await engine.getInstance(b.id)).activeElements.some((element) => element.waitingFor === 'message')).toBe(false);
    expect(await tasks(engine, b.id)).toEqual(['taskAfterTask']);
    await complete(engine, b.id, 'taskAfterTask');
    expect(await status(engine, b.id)).toBe('completed');
  });

  it('15: non-interrupting message boundary fires repeatedly, tokens reach the same end', async () => {
    const engine = await deployed('camunda7/MessageNonInterruptingBoundaryEventTest.testSingleNonInterruptingBoundaryMessageEvent.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const { id } = await engine.start(key);
    await engine.correlateMessage('messageName');
    expect(await tasks(engine, id)).toEqual(['task', 'taskAfterMessage']);
    await complete(engine, id, 'taskAfterMessage');
    expect(await status(engine, id)).toBe('active');
    await engine.correlateMessage('messageName');
    await complete(engine, id, 'taskAfterMessage');
    await complete(engine, id, 'task');
    expect(await tasks(engine, id)).toEqual(['taskAfterTask']);
    await complete(engine, id, 'taskAfterTask');
    expect(await status(engine, id)).toBe('completed');
  });

  it('18: interrupting signal boundary on a sub-process waiting on a P1D timer', async () => {
    const engine = await deployed('camunda7/SignalEventTest.testSignalBoundaryOnSubProcess.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const { id } = await engine.start(key);
    expect((await engine.broadcastSignal('stopSignal')).triggered).toBe(1);
    expect(await status(engine, id)).toBe('completed');
    await assertThatInstance(engine, id).hasPassedElementsInOrder('end');
  });
});

describe('conformance: errors and event sub-processes', () => {
  it('12: error end event in a sub-process caught by a catch-all boundary', async () => {
    const engine = await deployed('camunda7/BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocess.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const { id } = await engine.start(key);
    await complete(engine, id, 'subprocessTask');
    expect((await engine.listTasks({ instanceId: id })).map((task) => task.name)).toEqual(['task after catching the error']);
  });

  it('13: an event sub-process inside the scope beats the boundary; a matching code beats catch-all', async () => {
    const engine = await deployed('camunda7/ErrorEventSubProcessTest.testErrorCodeTakesPrecedence.bpmn20.xml');
    const { id } = await engine.start('CatchErrorInEmbeddedSubProcess');
    expect(await tasks(engine, id)).toEqual(['taskAfterErrorCatch2']);
    expect(await passedElements(engine, id)).not.toContain('catchErrorBoundary');
    await complete(engine, id, 'taskAfterErrorCatch2');
    expect(await status(engine, id)).toBe('completed');
  });

  it('16: interrupting message event sub-process at process level', async () => {
    const engine = await deployed('camunda7/MessageEventSubprocessTest.testInterruptingUnderProcessDefinition.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const a = await engine.start(key);
    await complete(engine, a.id, 'task');
    expect(await status(engine, a.id)).toBe('completed');
    const b = await engine.start(key);
    await engine.correlateMessage('newMessage');
    expect(await tasks(engine, b.id)).toEqual(['eventSubProcessTask']);
    await complete(engine, b.id, 'eventSubProcessTask');
    expect(await status(engine, b.id)).toBe('completed');
  });

  it('17: non-interrupting message event sub-process: the instance ends when both branches end', async () => {
    const engine = await deployed('camunda7/MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const a = await engine.start(key);
    await complete(engine, a.id, 'task');
    expect(await status(engine, a.id)).toBe('completed');
    for (const order of [['task', 'eventSubProcessTask'], ['eventSubProcessTask', 'task']]) {
      const { id } = await engine.start(key);
      await engine.correlateMessage('newMessage');
      expect(await tasks(engine, id)).toEqual(['eventSubProcessTask', 'task']);
      await complete(engine, id, order[0]);
      expect(await status(engine, id)).toBe('active');
      await complete(engine, id, order[1]);
      expect(await status(engine, id)).toBe('completed');
    }
  });
});

describe('conformance: call activity, multi-instance, compensation', () => {
  it('19: call activity runs the called process and continues after it', async () => {
    const engine = await deployed('camunda7/simpleSubProcess.bpmn20.xml', 'camunda7/CallActivity.testCallSimpleSubProcess.bpmn20.xml');
    const definitions = await engine.listDefinitions();
    const caller = definitions.find((definition) => definition.key !== 'simpleSubProcess')!;
    const { id } = await engine.start(caller.key);
    const names = async () => (await engine.listTasks({})).map((task) => task.name);
    expect(await names()).toEqual(['Task before subprocess']);
    await engine.completeTask((await engine.listTasks({}))[0].id);
    expect(await names()).toEqual(['Task in subprocess']);
    const [childTask] = await engine.listTasks({});
    expect(childTask.instanceId).not.toBe(id);
    await engine.completeTask(childTask.id);
    expect(await names()).toEqual(['Task after subprocess']);
    await engine.completeTask((await engine.listTasks({}))[0].id);
    expect(await status(engine, id)).toBe('completed');
    expect(await status(engine, childTask.instanceId)).toBe('completed');
  });

  it('20: parallel multi-instance over a collection with a completion condition', async () => {
    const engine = await deployed('camunda7/MultiInstanceTest.testParallelUserTasksBasedOnCollection.bpmn20.xml');
    const assigneeList = ['kermit', 'gonzo', 'mispiggy', 'fozzie', 'bubba'];
    const { id } = await engine.start('miParallelUserTasksBasedOnCollection', { variables: { assigneeList } });
    const open = await engine.listTasks({ instanceId: id });
    expect(open.map((task) => task.assignee).sort()).toEqual([...assigneeList].sort());
    for (const task of open.slice(0, 3)) await engine.completeTask(task.id);
    expect(await engine.listTasks({ instanceId: id })).toEqual([]);
    expect(await status(engine, id)).toBe('completed');
  });

  it('21: sequential multi-instance with a loop cardinality and loopCounter', async () => {
    const engine = await deployed('camunda7/MultiInstanceTest.sequentialUserTasks.bpmn20.xml');
    const { id } = await engine.start('miSequentialUserTasks', { variables: { nrOfLoops: 3 } });
    for (const assignee of ['kermit_0', 'kermit_1', 'kermit_2']) {
      const open = await engine.listTasks({ instanceId: id });
      expect(open.map((task) => task.assignee)).toEqual([assignee]);
      await engine.completeTask(open[0].id);
    }
    expect(await status(engine, id)).toBe('completed');
  });

  it('22: compensation of one activity runs its handler once per completed iteration, in reverse', async () => {
    const calls: string[] = [];
    const engine = createTestEngine({
      handlers: { 'org.camunda.bpm.engine.test.bpmn.event.compensate.helper.UndoService': ({ elementId }) => void calls.push(elementId) },
    });
    await engine.deploy(model('camunda7/CompensateEventTest.testCompensateActivityRef.bpmn20.xml'));
    const { id } = await engine.start('compensateProcess');
    expect(calls.filter((call) => call === 'undoBookHotel')).toHaveLength(5);
    expect(calls.filter((call) => call === 'undoBookFlight')).toHaveLength(0);
    expect(await waitingAt(engine, id)).toEqual(['beforeEnd']);
    await engine.trigger(id, { elementId: 'beforeEnd' });
    expect(await status(engine, id)).toBe('completed');
  });
});

describe('conformance: signals, message and timer starts, links', () => {
  it('26: a signal thrown by one instance reaches another', async () => {
    const engine = await deployed('camunda7/SignalEventTests.catchAlertSignal.bpmn20.xml', 'camunda7/SignalEventTests.throwAlertSignal.bpmn20.xml');
    const catching = await engine.start('catchSignal');
    expect(await waitingAt(engine, catching.id)).toHaveLength(1);
    const throwing = await engine.start('throwSignal');
    expect(await status(engine, throwing.id)).toBe('completed');
    expect(await status(engine, catching.id)).toBe('completed');
  });

  it('27: none start and message start in one process', async () => {
    const engine = await deployed('camunda7/MessageStartEventTest.testMessageStartEventAndNoneStartEvent.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const plain = await engine.start(key);
    expect(await tasks(engine, plain.id)).toEqual(['taskAfterNoneStart']);
    await complete(engine, plain.id, 'taskAfterNoneStart');
    expect(await status(engine, plain.id)).toBe('completed');
    const started = await engine.correlateMessage('newInvoiceMessage');
    expect(started).toMatchObject({ correlated: true, started: true });
    const instanceId = (started as { instanceId: string }).instanceId;
    expect(await tasks(engine, instanceId)).toEqual(['taskAfterMessageStart']);
    await complete(engine, instanceId, 'taskAfterMessageStart');
    expect(await status(engine, instanceId)).toBe('completed');
  });

  it('29: timer start event with a bounded cycle R2/PT5M creates exactly two instances', async () => {
    const engine = await deployed('camunda7/StartTimerEventTest.testCycleWithLimitStartTimerEvent.bpmn20.xml');
    expect(await engine.store.listStartTimers()).toHaveLength(1);
    expect(await engine.listInstances()).toHaveLength(0);
    await engine.clock.advance('PT5M');
    expect(await engine.listInstances()).toHaveLength(1);
    expect(await engine.store.listStartTimers()).toHaveLength(1);
    await engine.clock.advance('PT5M');
    expect(await engine.listInstances()).toHaveLength(2);
    expect(await engine.store.listStartTimers()).toHaveLength(0);
    await engine.clock.advance('PT1H');
    expect(await engine.listInstances()).toHaveLength(2);
  });

  it('30: link throw and catch pairs by name', async () => {
    const engine = await deployed('camunda7/LinkEventTest.testValidEventLink.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const { id } = await engine.start(key);
    expect(await waitingAt(engine, id)).toEqual(['waitAfterLink1']);
    await engine.trigger(id, { elementId: 'waitAfterLink1' });
    expect(await waitingAt(engine, id)).toEqual(['waitAfterLink2']);
    await engine.trigger(id, { elementId: 'waitAfterLink2' });
    expect(await status(engine, id)).toBe('completed');
  });
});
