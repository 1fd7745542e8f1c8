import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance, passedElements } from '../../src/testing/index.js';

/**
 * Manifest cases from paed01/bpmn-elements (bpmn-engine's core), run unchanged. Their expressions use
 * bpmn-engine's dialect (`${environment.services.compare(...)}`): the host functions are registered with
 * `expressionFunctions`, as an app registers bpmn-engine services. Where bpmn-engine's own API differs
 * (signalling a user task with a value), the equivalent Pravah call is used and noted.
 */
function model(path: string): string {
  return readFileSync(new URL(`./executable/bpmn-elements/${path}`, import.meta.url), 'utf8');
}

describe('conformance: bpmn-elements cases', () => {
  it('23: transaction: No cancels (compensation once, cancel boundary), Yes completes, abort errors without compensation', async () => {
    const outcomes: Record<string, { compensations: number; passed: string[] }> = {};
    for (const answer of ['No', 'Yes', 'abort']) {
      let compensations = 0;
      const engine = createTestEngine({
        expressionFunctions: { compare: (a: unknown, b: unknown) => a === b },
        handlers: { compensate: () => void compensations++ },
      });
      await engine.deploy(model('transaction.bpmn'));
      const { id } = await engine.start('Process_0');
      const [task] = await engine.listTasks({ instanceId: id, elementId: 'areUSure' });
      // bpmn-engine: signal the user task with the answer, which lands in environment.output.areUSure
      await engine.completeTask(task.id, { variables: { areUSure: answer } });
      await assertThatInstance(engine, id).isCompleted();
      outcomes[answer] = { compensations, passed: await passedElements(engine, id) };
    }
    expect(outcomes.No.compensations).toBe(1);
    expect(outcomes.No.passed).toEqual(expect.arrayContaining(['cancelled', 'endCancelled']));
    expect(outcomes.No.passed).not.toContain('end');
    expect(outcomes.Yes.compensations).toBe(0);
    expect(outcomes.Yes.passed).toEqual(expect.arrayContaining(['endComplete', 'atomic', 'end']));
    expect(outcomes.Yes.passed).not.toContain('cancelled');
    expect(outcomes.abort.compensations).toBe(0);
    expect(outcomes.abort.passed).toEqual(expect.arrayContaining(['errored', 'endErrored']));
  });

  it('24: call activity to a non-executable process without start event in the same file', async () => {
    const engine = createTestEngine();
    await engine.deploy(model('call-activity.bpmn'));
    const { id } = await engine.start('Process_1');
    await assertThatInstance(engine, id).isCompleted();
    expect((await passedElements(engine, id)).filter((elementId) => elementId === 'call-activity')).toHaveLength(1);
  });

  it('31: escalation inside a sub-process caught by a non-interrupting boundary; the signal end fires', async () => {
    const engine = createTestEngine({ expressionFunctions: { isAbove: (t: unknown, v: unknown) => Number(t) < Number(v) } });
    await engine.deploy(model('escalation.bpmn'));
    const { id } = await engine.start('Process_0');
    const [order] = await engine.listTasks({ instanceId: id, elementId: 'order' });
    // bpmn-engine: submit the form; its output is content.output.form
    await engine.completeTask(order.id, { variables: { form: { amount: 11 } } });
    await assertThatInstance(engine, id).isCompleted();
    const passed = await passedElements(engine, id);
    expect(passed.filter((elementId) => elementId === 'escalated')).toHaveLength(1);
    expect(passed).toEqual(expect.arrayContaining(['endWithSignal', 'orderEnd', 'end']));
    await assertThatInstance(engine, id).hasVariable('code', 'AmountTooBig');
  });

  it('32: timers: a cycle start, a non-interrupting boundary, a date from a variable, a due date', async () => {
    // Divergence (documented): bpmn-engine runs the timer start event inside an instance started by hand and
    // treats a manual task as a wait state; BPMN 2.0, Camunda and Zeebe start one instance per firing of a
    // timer start event and pass a manual task straight through. Same file, Camunda semantics:
    const engine = createTestEngine({ startTime: '1993-06-25T00:00:00Z' });
    await engine.deploy(model('timers.bpmn'));
    expect(await engine.store.listStartTimers()).toMatchObject([{ elementId: 'start-cycle', dueAt: Date.parse('1993-06-25T10:00:00Z') }]);
    await engine.clock.advance('PT10H');
    const [{ id }] = await engine.listInstances();
    // the instance has no catchDate yet: the date timer cannot be computed, an incident says so
    const waiting = await engine.getInstance(id);
    expect(waiting.incidents).toMatchObject([{ elementId: 'catch-date', code: 'EXPRESSION_FAILED' }]);
    await engine.setVariables(id, { catchDate: '1993-06-26', dueDate: '1993-06-27' });
    await engine.retryIncident(waiting.incidents[0].id);
    expect((await engine.getInstance(id)).activeElements).toMatchObject([{ elementId: 'catch-date', dueAt: Date.parse('1993-06-26T00:00:00Z') }]);
    await engine.clock.advanceTo('1993-06-26T00:00:00Z');
    const [task] = await engine.listTasks({ instanceId: id });
    expect(task).toMatchObject({ elementId: 'user-due', dueDate: '1993-06-27T00:00:00.000Z' });
    await engine.completeTask(task.id);
    await assertThatInstance(engine, id).isCompleted();
    // the cycle goes on: three instances in all, ten hours apart
    await engine.clock.advance('P2D');
    expect(await engine.listInstances()).toHaveLength(3);
  });
});
