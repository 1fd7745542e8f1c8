import type { Clock } from '../clock.js';
import { EngineError, isEngineError } from '../errors.js';
import type { IdSource } from '../ids.js';
import {
  cancelInstance,
  completeCallActivity,
  deliverSignal,
  failCallActivity,
  fireTimer,
  startInstance,
} from '../runtime/commands.js';
import type { Effect } from '../runtime/effects.js';
import type { Execution, PinnedProcess } from '../runtime/execution.js';
import type { Store } from '../store/store.js';
import type { CommandRunner } from './command-runner.js';
import type { DefinitionRegistry } from './definition-registry.js';
import { latestStartEvents, nextStartTimer } from './start-events.js';
import { raiseIncident } from '../runtime/incidents.js';

/** Delay before a timer whose command failed (not an incident: a store or step-limit error) is tried again. */
const FAILED_TIMER_RETRY_MS = 60_000;

export interface NewInstance {
  businessKey: string | null;
  variables: Record<string, unknown>;
  startEventId?: string;
  id?: string;
  parent?: { instanceId: string; elementInstanceId: string };
}

/**
 * Commands plus what follows them: after each commit, the effects it produced for other instances (signals,
 * call-activity children and parents, cancellations) run as commands of their own, until none is left.
 */
export class InstanceCommands {
  constructor(
    private readonly store: Store,
    private readonly runner: CommandRunner,
    private readonly definitions: DefinitionRegistry,
    private readonly ids: IdSource,
    private readonly clock: Clock,
    private readonly rearm: (at: number) => void,
  ) {}

  async create(process: PinnedProcess, start: NewInstance): Promise<Execution> {
    const id = start.id ?? this.ids.next('instance');
    const execution = await this.runner.create(process, (now, maxSteps, functions) =>
      startInstance(process, { id, businessKey: start.businessKey, variables: start.variables, now, maxSteps, functions, startEventId: start.startEventId, parent: start.parent }),
    );
    if (execution.effects.length > 0) await this.runEffects(execution.effects);
    return execution;
  }

  async run<T>(instanceId: string, apply: (execution: Execution) => T): Promise<{ result: T; execution: Execution }> {
    const outcome = await this.runner.run(instanceId, apply);
    if (outcome.execution.effects.length > 0) await this.runEffects(outcome.execution.effects);
    return outcome;
  }

  /** Delivers a signal to every subscription and starts every process whose latest version starts on it. */
  async broadcastSignal(signalName: string, variables: Record<string, unknown>): Promise<{ triggered: number; started: string[] }> {
    let triggered = 0;
    for (const subscription of await this.store.findSignalSubscriptions(signalName)) {
      const { result } = await this.run(subscription.instanceId, (execution) => deliverSignal(execution, subscription.elementInstanceId, variables));
      if (result) triggered++;
    }
    const started: string[] = [];
    for (const { process, startEventId } of await latestStartEvents(this.store, this.definitions, 'signal', signalName)) {
      started.push((await this.create(process, { businessKey: null, variables, startEventId })).state.id);
    }
    return { triggered, started };
  }

  /** Fires every instance timer and timer start event due now; returns how many fired. */
  async runDueTimers(): Promise<number> {
    let fired = 0;
    const failed = new Set<string>();
    for (;;) {
      const due = (await this.store.dueTimers(this.clock.now(), 100)).filter((timer) => !failed.has(timer.id));
      const starts = await this.store.dueStartTimers(this.clock.now(), 100);
      if (due.length === 0 && starts.length === 0) break;
      for (const timer of starts) {
        await this.store.advanceStartTimer(timer.id, nextStartTimer(timer));
        await this.create(await this.definitions.pinned(timer.definitionId), { businessKey: null, variables: {}, startEventId: timer.elementId });
        fired++;
      }
      for (const timer of due) {
        try {
          const { result } = await this.run(timer.instanceId, (execution) => fireTimer(execution, timer.elementInstanceId));
          if (result) fired++;
        } catch (error) {
          if (isEngineError(error) && error.code === 'CONCURRENT_MODIFICATION') continue;
          failed.add(timer.id);
          console.error(`[pravah] timer ${timer.id} of instance ${timer.instanceId} failed; retrying in ${FAILED_TIMER_RETRY_MS} ms`, error);
          this.rearm(this.clock.now() + FAILED_TIMER_RETRY_MS);
        }
      }
    }
    const next = await this.store.nextTimerDueAt();
    if (next !== undefined && !(next <= this.clock.now() && failed.size > 0)) this.rearm(next);
    return fired;
  }

  /** Runs the waiting (unblocked) jobs of a type whose handler was just registered. */
  async runWaitingJobs(type: string): Promise<void> {
    for (const job of await this.store.listJobs({ type })) {
      if (job.blocked) continue;
      await this.run(job.instanceId, (execution) => {
        const elementInstance = execution.elementInstance(job.elementInstanceId);
        if (elementInstance?.wait?.kind === 'job' && !execution.state.incidents.some((incident) => incident.elementInstanceId === elementInstance.id)) {
          execution.pendingJobs.push(elementInstance);
        }
      });
    }
  }

  private async runEffects(effects: Effect[]): Promise<void> {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'broadcast-signal':
          await this.broadcastSignal(effect.signalName, effect.variables);
          break;
        case 'start-child':
          await this.startChild(effect);
          break;
        case 'child-completed':
          await this.run(effect.parent.instanceId, (execution) => completeCallActivity(execution, effect.parent.elementInstanceId, effect.variables));
          break;
        case 'child-error':
          await this.run(effect.parent.instanceId, (execution) => failCallActivity(execution, effect.parent.elementInstanceId, effect.errorCode, effect.message));
          break;
        case 'cancel-instance':
          await this.run(effect.instanceId, (execution) => {
            if (execution.state.status === 'active') cancelInstance(execution, effect.reason);
          }).catch((error: unknown) => {
            if (!isEngineError(error) || error.code !== 'INSTANCE_NOT_FOUND') throw error;
          });
          break;
      }
    }
  }

  private async startChild(effect: Extract<Effect, { kind: 'start-child' }>): Promise<void> {
    let process: PinnedProcess;
    try {
      process = await this.calledProcess(effect);
    } catch (error) {
      await this.run(effect.parent.instanceId, (execution) => {
        const callActivity = execution.elementInstance(effect.parent.elementInstanceId);
        if (callActivity) raiseIncident(execution, callActivity, isEngineError(error) ? error.code : 'ELEMENT_FAILED', (error as Error).message);
      });
      return;
    }
    await this.create(process, {
      id: effect.childInstanceId,
      businessKey: effect.businessKey,
      variables: effect.variables,
      parent: { instanceId: effect.parent.instanceId, elementInstanceId: effect.parent.elementInstanceId },
    });
  }

  /** Binding `latest`, `version`, or `deployment` (the version deployed from the same file as the caller). */
  private async calledProcess(effect: Extract<Effect, { kind: 'start-child' }>): Promise<PinnedProcess> {
    if (effect.binding !== 'deployment') return this.definitions.callable(effect.parent.definitionId, effect.processId, effect.version);
    const caller = await this.store.getDefinition(effect.parent.definitionId);
    const sibling = (await this.store.listDefinitions()).find((record) => record.key === effect.processId && record.checksum === caller?.checksum);
    if (!sibling) {
      throw new EngineError('DEFINITION_NOT_FOUND', `No '${effect.processId}' was deployed with '${effect.parent.definitionId}'`, {
        details: { key: effect.processId },
      });
    }
    return this.definitions.pinned(sibling.id);
  }
}
