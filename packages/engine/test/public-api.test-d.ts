import { describe, expectTypeOf, it } from 'vitest';
import {
  BpmnError,
  createEngine,
  type EngineError,
  isEngineError,
  type CorrelationResult,
  type DeployedProcess,
  type Engine,
  type EngineErrorCode,
  type InstanceSnapshot,
  type JobContext,
  type Task,
} from '../src/index.js';
import { createTestEngine, type TestClock } from '../src/testing/index.js';

describe('public API types', () => {
  it('createEngine returns the facade with verb-named async methods', () => {
    const engine = createEngine();
    expectTypeOf(engine).toEqualTypeOf<Engine>();
    expectTypeOf(engine.deploy).returns.resolves.toEqualTypeOf<DeployedProcess[]>();
    expectTypeOf(engine.start).returns.resolves.toEqualTypeOf<InstanceSnapshot>();
    expectTypeOf(engine.listTasks).returns.resolves.toEqualTypeOf<Task[]>();
    expectTypeOf(engine.correlateMessage).returns.resolves.toEqualTypeOf<CorrelationResult>();
    expectTypeOf(engine.on).returns.toEqualTypeOf<() => void>();
  });

  it('handlers receive a typed job context and may return variables, nothing, or a promise of either', () => {
    const engine = createEngine();
    engine.handle('a', (job) => {
      expectTypeOf(job).toEqualTypeOf<JobContext>();
      return { ok: true };
    });
    engine.handle('b', async () => undefined);
    engine.handle('c', () => {
      throw new BpmnError('CODE');
    });
  });

  it('the test engine exposes a TestClock and errors narrow to their code', () => {
    const engine = createTestEngine();
    expectTypeOf(engine.clock).toEqualTypeOf<TestClock>();
    expectTypeOf(isEngineError).guards.toEqualTypeOf<EngineError>();
    expectTypeOf<EngineError['code']>().toEqualTypeOf<EngineErrorCode>();
  });
});
