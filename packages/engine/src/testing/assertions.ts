import { isDeepStrictEqual } from 'node:util';
import type { Engine } from '../engine.js';

/** Thrown by the assertion helpers; test runners show `message`, `expected` and `actual`. */
export class ProcessAssertionError extends Error {
  constructor(
    message: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(message);
    this.name = 'AssertionError';
  }
}

/**
 * Assertions on one process instance, in the spirit of zeebe-process-test. Each reads through the public
 * API and throws a `ProcessAssertionError` when it does not hold.
 * @example
 * await assertThatInstance(engine, id).hasPassedElementsInOrder('start', 'approve', 'end');
 * await assertThatInstance(engine, id).isCompleted();
 */
export function assertThatInstance(engine: Engine, instanceId: string) {
  // like zeebe-process-test, assertions look at the instance once the engine is idle (async continuations,
  // jobs of a handler registered late, timers fired by the clock)
  const settled = async () => {
    await engine.idle();
    return engine.getInstance(instanceId);
  };
  const fail = (message: string, expected: unknown, actual: unknown): never => {
    throw new ProcessAssertionError(`Instance '${instanceId}': ${message}`, expected, actual);
  };
  return {
    async isCompleted() {
      const { status } = await settled();
      if (status !== 'completed') fail(`expected completed, is ${status}`, 'completed', status);
    },
    async isActive() {
      const { status } = await settled();
      if (status !== 'active') fail(`expected active, is ${status}`, 'active', status);
    },
    /** The given elements (or sequence flows) were completed in this order, others may lie between. */
    async hasPassedElementsInOrder(...elementIds: string[]) {
      await engine.idle();
      const passed = await passedElements(engine, instanceId);
      let next = 0;
      for (const id of passed) if (id === elementIds[next]) next++;
      if (next < elementIds.length) fail(`did not pass ${elementIds.join(' -> ')} in order`, elementIds, passed);
    },
    /**
     * The instance waits at exactly these elements (any order): tokens in a wait state, and the catch events
     * after an event-based gateway. Boundary events and event sub-process starts that merely listen do not
     * count.
     */
    async isWaitingAt(...elementIds: string[]) {
      const { activeElements } = await settled();
      const gateways = new Set(activeElements.filter((element) => element.elementType === 'eventBasedGateway').map((element) => element.elementInstanceId));
      const actual = activeElements
        .filter((element) => element.waitingFor !== null && (element.listensOn === undefined || gateways.has(element.listensOn ?? '')))
        .map((element) => element.elementId)
        .sort();
      if (!isDeepStrictEqual(actual, [...elementIds].sort())) fail(`expected to wait at ${elementIds.join(', ')}`, elementIds, actual);
    },
    async hasVariable(name: string, expected: unknown) {
      const { variables } = await settled();
      if (!isDeepStrictEqual(variables[name], expected)) fail(`variable '${name}'`, expected, variables[name]);
    },
    async hasIncident(match: { code?: string; elementId?: string } = {}) {
      const { incidents } = await settled();
      const found = incidents.some(
        (incident) => (match.code === undefined || incident.code === match.code) && (match.elementId === undefined || incident.elementId === match.elementId),
      );
      if (!found) fail('expected an incident', match, incidents.map(({ code, elementId }) => ({ code, elementId })));
    },
    async hasNoIncidents() {
      const { incidents } = await settled();
      if (incidents.length > 0) fail('expected no incidents', [], incidents.map(({ code, elementId }) => ({ code, elementId })));
    },
  };
}

/** Element and sequence-flow ids in the order they were completed / taken. */
export async function passedElements(engine: Engine, instanceId: string): Promise<string[]> {
  const passed: string[] = [];
  for (const event of await engine.history(instanceId)) {
    if (event.type === 'element-completed' || event.type === 'flow-taken') passed.push(event.elementId);
  }
  return passed;
}
