import type { Clock } from '../clock.js';
import { EngineError, isBpmnError } from '../errors.js';
import { cloneJson } from '../json-clone.js';
import type { ExpressionFunctions } from '../expressions/compile-expression.js';
import { instanceStateSchema, type InstanceState } from '../model/instance-state.js';
import { completeJob, failJob, throwJobError } from '../runtime/commands.js';
import { continueAfterCommit } from '../runtime/continuations.js';
import { writeOutbox } from '../runtime/effects.js';
import { Execution, type PinnedProcess } from '../runtime/execution.js';
import type { Store } from '../store/store.js';
import type { JobHandler } from './api-types.js';
import type { DefinitionRegistry } from './definition-registry.js';
import { toJsonObject } from './json-values.js';

/**
 * Runs one command against one instance: load (validated), apply, run handlers of jobs the command reached,
 * commit state + history in one store call, then tell the engine what happened. Commands on the same
 * instance queue behind each other in this process; across processes the store's revision check decides.
 */
export class CommandRunner {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly definitions: DefinitionRegistry,
    private readonly clock: Clock,
    private readonly handlers: Map<string, JobHandler>,
    private readonly maxSteps: number,
    private readonly committed: (execution: Execution) => void,
    readonly functions?: ExpressionFunctions,
  ) {}

  /** Creates an instance (start): runs it to its first wait states and commits it as revision 1. */
  async create(process: PinnedProcess, start: (now: number, maxSteps: number, functions?: ExpressionFunctions) => Execution): Promise<Execution> {
    const execution = start(this.clock.now(), this.maxSteps, this.functions);
    if (execution.pendingJobs.length > 0) await this.runJobs(execution);
    if (execution.effects.length > 0) execution.outboxed = writeOutbox(execution.state, execution.effects, execution.now);
    execution.state.revision = 1;
    await this.store.commit({ state: execution.state, expectedRevision: null, history: execution.history });
    this.committed(execution);
    return execution;
  }

  /**
   * Loads the instance, applies `apply`, runs reached jobs and commits if anything changed. Returns what
   * `apply` returned and the execution.
   */
  run<T>(instanceId: string, apply: (execution: Execution) => T, allowSuspended = false): Promise<{ result: T; execution: Execution }> {
    const previous = this.locks.get(instanceId);
    const next = (previous ?? Promise.resolve()).then(
      () => this.runUnlocked(instanceId, apply, allowSuspended),
      () => this.runUnlocked(instanceId, apply, allowSuspended),
    );
    this.locks.set(instanceId, next);
    const release = () => {
      if (this.locks.get(instanceId) === next) this.locks.delete(instanceId);
    };
    next.then(release, release);
    return next;
  }

  async load(instanceId: string): Promise<InstanceState> {
    const raw = await this.store.loadInstance(instanceId);
    if (raw === undefined) throw new EngineError('INSTANCE_NOT_FOUND', `No process instance '${instanceId}'`, { details: { instanceId } });
    const parsed = instanceStateSchema.safeParse(raw);
    if (!parsed.success) {
      throw new EngineError('STATE_INVALID', `Stored state of instance '${instanceId}' does not match the state schema`, {
        details: { instanceId, issues: parsed.error.issues.slice(0, 5) },
      });
    }
    return parsed.data;
  }

  /** Suspends or resumes an instance (the one command a suspended instance accepts). */
  setSuspended(instanceId: string, suspended: boolean): Promise<{ result: void; execution: Execution }> {
    return this.run(
      instanceId,
      (execution) => {
        if (execution.state.status !== 'active') {
          throw new EngineError('INSTANCE_NOT_ACTIVE', `Instance '${instanceId}' has ended`, { details: { instanceId } });
        }
        if (Boolean(execution.state.suspended) === suspended) return;
        if (suspended) execution.state.suspended = true;
        else delete execution.state.suspended;
        execution.record({ type: suspended ? 'instance-suspended' : 'instance-resumed' });
      },
      true,
    );
  }

  private async runUnlocked<T>(instanceId: string, apply: (execution: Execution) => T, allowSuspended: boolean): Promise<{ result: T; execution: Execution }> {
    const state = await this.load(instanceId);
    if (state.suspended && !allowSuspended) {
      throw new EngineError('INSTANCE_SUSPENDED', `Instance '${instanceId}' is suspended`, { details: { instanceId } });
    }
    const process = await this.definitions.pinned(state.definitionId);
    const expectedRevision = state.revision;
    const execution = new Execution(process, state, this.clock.now(), this.maxSteps, this.functions);
    const result = apply(execution);
    if (execution.pendingJobs.length > 0) await this.runJobs(execution);
    if (execution.effects.length > 0) execution.outboxed = writeOutbox(state, execution.effects, execution.now);
    if (execution.history.length > 0 || execution.touched) {
      state.revision = expectedRevision + 1;
      await this.store.commit({ state, expectedRevision, history: execution.history });
      this.committed(execution);
    }
    return { result, execution };
  }

  /** Calls the handler of every job the command reached, feeding results back until nothing is left. */
  private async runJobs(execution: Execution): Promise<void> {
    const { state, pendingJobs } = execution;
    while (pendingJobs.length > 0 && state.status === 'active') {
      const elementInstance = pendingJobs.shift()!;
      const wait = elementInstance.wait;
      if (wait?.kind !== 'job' || !state.elements.includes(elementInstance)) continue;
      if (wait.continuation) {
        continueAfterCommit(execution, elementInstance);
        continue;
      }
      const handler = this.handlers.get(wait.type);
      if (!handler) continue;
      wait.attempts++;
      let outcome: unknown;
      try {
        outcome = handler({
          type: wait.type,
          jobKey: wait.jobKey,
          instanceId: state.id,
          elementId: elementInstance.elementId,
          businessKey: state.businessKey,
          attempt: wait.attempts,
          variables: cloneJson(execution.variablesFor(elementInstance)),
          headers: wait.headers ?? {},
        });
        if (outcome instanceof Promise) outcome = await outcome;
      } catch (error) {
        if (isBpmnError(error)) {
          throwJobError(execution, elementInstance.id, error.errorCode, error.message, error.variables && toJsonObject(error.variables, 'BpmnError variables'));
        } else {
          failJob(execution, elementInstance.id, 'HANDLER_FAILED', error instanceof Error ? error.message : String(error), { attempt: wait.attempts });
        }
        continue;
      }
      let variables: Record<string, unknown>;
      try {
        const result = wait.resultVariable === undefined ? outcome : { [wait.resultVariable]: outcome ?? null };
        variables = toJsonObject(result, `result of handler '${wait.type}'`);
      } catch (error) {
        failJob(execution, elementInstance.id, 'HANDLER_RESULT_INVALID', (error as Error).message);
        continue;
      }
      completeJob(execution, elementInstance.id, variables);
    }
  }
}
