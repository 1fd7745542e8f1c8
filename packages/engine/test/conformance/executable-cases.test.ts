import { describe, expect, it } from 'vitest';
import { assertThatInstance, passedElements, type TestEngine } from '../../src/testing/index.js';
import { complete, deployed, waitingAt } from './conformance-helpers.js';

// Cases from executable/MANIFEST.md that need only the engine-core elements, each asserting the outcome the
// manifest gives. Case numbers are the manifest's.

async function taskNames(engine: TestEngine, instanceId: string): Promise<string[]> {
  return (await engine.listTasks({ instanceId })).map((task) => task.name ?? task.elementId).sort();
}

describe('conformance: gateways (manifest cases 1-7)', () => {
  it('1: exclusive gateway takes the true condition, else the default', async () => {
    const engine = await deployed('camunda7/ExclusiveGatewayTest.testDefaultSequenceFlow.bpmn20.xml');
    const one = await engine.start('exclusiveGwDefaultSequenceFlow', { variables: { input: 1 } });
    expect(await waitingAt(engine, one.id)).toEqual(['theTask1']);
    const five = await engine.start('exclusiveGwDefaultSequenceFlow', { variables: { input: 5 } });
    expect(await waitingAt(engine, five.id)).toEqual(['theTask2']);
    await assertThatInstance(engine, five.id).hasPassedElementsInOrder('exclusiveGw', 'flow3');
  });

  it('2: exclusive gateway with nothing selectable raises an incident at the gateway (Zeebe behaviour)', async () => {
    const engine = await deployed('camunda7/ExclusiveGatewayTest.testNoSequenceFlowSelected.bpmn20.xml');
    const [definition] = await engine.listDefinitions();
    const instance = await engine.start(definition.key, { variables: { input: 4 } });
    expect(instance.status).toBe('active');
    expect(instance.incidents).toMatchObject([{ code: 'NO_FLOW_SELECTED', elementId: 'exclusiveGw' }]);
    expect(instance.activeElements).toMatchObject([{ elementId: 'exclusiveGw', state: 'completing' }]);
  });

  it('3: inclusive gateway forks every true condition', async () => {
    const engine = await deployed('camunda7/InclusiveGatewayTest.testDivergingInclusiveGateway.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const expected: Record<number, string[]> = { 1: ['Task 1', 'Task 2', 'Task 3'], 2: ['Task 2', 'Task 3'], 3: ['Task 3'] };
    for (const input of [1, 2, 3]) {
      const instance = await engine.start(key, { variables: { input } });
      expect(await taskNames(engine, instance.id)).toEqual(expected[input]);
    }
  });

  it('4: inclusive gateway takes the default only when nothing else is true', async () => {
    const engine = await deployed('camunda7/InclusiveGatewayTest.testDefaultSequenceFlow.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const expected: Record<number, string[]> = {
      1: ['Input is one', 'Input is three or one'],
      3: ['Input is three or one'],
      5: ['Default input'],
    };
    for (const input of [1, 3, 5]) {
      const instance = await engine.start(key, { variables: { input } });
      expect(await taskNames(engine, instance.id)).toEqual(expected[input]);
    }
  });

  it('5: inclusive join waits for a token that can still arrive from upstream', async () => {
    const engine = await deployed('camunda7/InclusiveGatewayTest.testPartialMergingInclusiveGateway.bpmn20.xml');
    const instance = await engine.start('partialInclusiveGwMerging', { variables: { input: 2 } });
    expect(await waitingAt(engine, instance.id)).toEqual(['partialTask']);
    await complete(engine, instance.id, 'partialTask');
    expect(await waitingAt(engine, instance.id)).toEqual(['theTask']);
    const fired = (await passedElements(engine, instance.id)).filter((id) => id === 'fullInclusiveGw');
    expect(fired).toHaveLength(1);
  });

  it('6: unbalanced parallel fork with two nested joins', async () => {
    const engine = await deployed('camunda7/ParallelGatewayTest.testUnbalancedForkJoin.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const instance = await engine.start(key);
    expect(await taskNames(engine, instance.id)).toEqual(['Task 1', 'Task 2', 'Task 3']);
    const byName = async (name: string) => (await engine.listTasks({ instanceId: instance.id })).find((task) => task.name === name)!;
    await engine.completeTask((await byName('Task 1')).id);
    expect(await taskNames(engine, instance.id)).toEqual(['Task 2', 'Task 3']);
    await engine.completeTask((await byName('Task 2')).id);
    expect(await taskNames(engine, instance.id)).toEqual(['Task 3', 'Task 4']);
    await engine.completeTask((await byName('Task 3')).id);
    await engine.completeTask((await byName('Task 4')).id);
    await assertThatInstance(engine, instance.id).isCompleted();
  });

  it('7: nested parallel fork and join', async () => {
    const engine = await deployed('camunda7/ParallelGatewayTest.testNestedForkJoin.bpmn20.xml');
    const [{ key }] = await engine.listDefinitions();
    const instance = await engine.start(key);
    const byName = async (name: string) => (await engine.listTasks({ instanceId: instance.id })).find((task) => task.name === name)!;
    expect(await taskNames(engine, instance.id)).toEqual(['Task 0']);
    await engine.completeTask((await byName('Task 0')).id);
    expect(await taskNames(engine, instance.id)).toEqual(['Task A', 'Task B']);
    await engine.completeTask((await byName('Task A')).id);
    expect(await taskNames(engine, instance.id)).toEqual(['Task B']);
    await engine.completeTask((await byName('Task B')).id);
    expect(await taskNames(engine, instance.id)).toEqual(['Task B1', 'Task B2']);
    await engine.completeTask((await byName('Task B1')).id);
    await engine.completeTask((await byName('Task B2')).id);
    expect(await taskNames(engine, instance.id)).toEqual(['Task C']);
  });
});

describe('conformance: events (manifest cases 25, 28, 33, 34, 35)', () => {
  it('25: terminate end event ends the sibling branch and the process', async () => {
    const engine = await deployed('camunda7/TerminateEndEventTest.testProcessTerminate.bpmn');
    const instance = await engine.start('terminateEndEventExample');
    expect(await waitingAt(engine, instance.id)).toEqual(['preNormalTerminateTask', 'preTerminateTask']);
    await complete(engine, instance.id, 'preTerminateTask');
    await assertThatInstance(engine, instance.id).isCompleted();
    expect(await engine.listTasks({ instanceId: instance.id })).toEqual([]);
  });

  it('28: intermediate timer PT5M fires only when due', async () => {
    const engine = await deployed('camunda7/IntermediateTimerEventTest.testCatchingTimerEvent.bpmn20.xml');
    const instance = await engine.start('intermediateTimerEventExample');
    expect(await waitingAt(engine, instance.id)).toEqual(['timer']);
    await engine.clock.advance('PT4M59S');
    await assertThatInstance(engine, instance.id).isActive();
    await engine.clock.advance('PT50M5S');
    await assertThatInstance(engine, instance.id).isCompleted();
  });

  it('33: a loop of gateway + service task with FEEL output mappings', async () => {
    // totalLoops = 5: five jobs, the loop flow taken four times
    const engine = await deployed('zeebe-process-test/looping-servicetask.bpmn');
    let jobs = 0;
    engine.handle('test', () => {
      jobs++;
    });
    const five = await engine.start('looping-servicetask', { variables: { totalLoops: 5 } });
    expect(five.status).toBe('completed');
    expect(jobs).toBe(5);
    const passed = await passedElements(engine, five.id);
    expect(passed.filter((id) => id === 'servicetask')).toHaveLength(5);
    expect(passed.filter((id) => id === 'loopSequenceFlow')).toHaveLength(4);
    // totalLoops = 2: the exact order
    const two = await engine.start('looping-servicetask', { variables: { totalLoops: 2 } });
    await assertThatInstance(engine, two.id).hasPassedElementsInOrder(
      'startevent', 'servicetask', 'Gateway_0fhwf5d', 'loopSequenceFlow', 'servicetask', 'Gateway_0fhwf5d', 'endevent',
    );
    // an invalid value: incident at the gateway after the first job
    const invalid = await engine.start('looping-servicetask', { variables: { totalLoops: 'invalid value' } });
    expect(invalid.status).toBe('active');
    expect(invalid.incidents).toMatchObject([{ elementId: 'Gateway_0fhwf5d', code: 'EXPRESSION_FAILED' }]);
  });

  it('34: message catch correlated by a key taken from a variable', async () => {
    const engine = await deployed('zeebe-process-test/message-event.bpmn');
    const instance = await engine.start('message-event', { variables: { correlationKey: 'key' } });
    expect((await engine.getInstance(instance.id)).activeElements).toMatchObject([{ messageName: 'message', correlationKey: 'key' }]);
    expect(await engine.correlateMessage('message', { correlationKey: 'key' })).toMatchObject({ correlated: true, instanceId: instance.id });
    await assertThatInstance(engine, instance.id).isCompleted();
    expect(await engine.correlateMessage('message', { correlationKey: 'key' })).toEqual({ correlated: false });
  });

  it('35: the fast branch (job + PT1S) terminates the instance before the P30D timer', async () => {
    const engine = await deployed('zeebe-process-test/test_timer_events.bpmn');
    const instance = await engine.start('Process_Timer_Test_01');
    expect(await waitingAt(engine, instance.id)).toEqual(['Activity_InvokeDummyWorker', 'TimerEvent_Wait30d']);
    // the job is completed by a worker that comes later
    engine.handle('SimpleLog01', () => ({ logged: true }));
    await engine.idle();
    expect(await waitingAt(engine, instance.id)).toEqual(['TimerEvent_Wait1s', 'TimerEvent_Wait30d']);
    await engine.clock.advance('PT1S');
    await assertThatInstance(engine, instance.id).isCompleted();
    const terminated = (await engine.history(instance.id)).filter((event) => event.type === 'element-terminated');
    expect(terminated).toMatchObject([{ elementId: 'TimerEvent_Wait30d' }]);
    // the cancelled 30-day timer never fires
    await engine.clock.advance('P31D');
    expect((await engine.history(instance.id)).filter((event) => event.type === 'element-completed' && event.elementId === 'EndEvent_SlowFlow')).toEqual([]);
  });
});
