import { createEngine, type Engine } from '../engine.js';
import type { EngineOptions } from '../engine/api-types.js';
import { sequentialIds } from '../ids.js';
import { memoryStore } from '../store/memory-store.js';
import { TestClock } from './test-clock.js';

export interface TestEngineOptions extends Omit<EngineOptions, 'clock'> {
  /** Where the virtual clock starts. Default 2026-01-01T00:00:00Z. */
  startTime?: number | string | Date;
}

export type TestEngine = Omit<Engine, 'clock'> & { readonly clock: TestClock };

/**
 * An engine for tests: in-memory store, a `TestClock` that only moves when told, sequential ids
 * (`instance-1`, ...). Any option can still be overridden.
 * @example
 * const engine = createTestEngine();
 * await engine.deploy(xml);
 * const { id } = await engine.start('reminder');
 * await engine.clock.advance('PT2H');
 */
export function createTestEngine(options: TestEngineOptions = {}): TestEngine {
  const { startTime, ...rest } = options;
  const clock = new TestClock(startTime);
  const engine = createEngine({ store: memoryStore(), ids: sequentialIds(), ...rest, clock });
  clock.settle = () => engine.idle();
  return engine as TestEngine;
}
