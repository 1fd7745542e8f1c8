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
import { EFFECT_JOB_TYPE, type Effect } from '../runtime/effects.js';
import type { Execution, PinnedProcess } from '../runtime/execution.js';
import type { LeasedWork, Store } from '../store/store.js';
import type { CommandRunner } from './command-runner.js';
import type { DefinitionRegistry } from './definition-registry.js';
import { latestStartEvents, nextStartTimer } from './start-events.js';
import { raiseIncident } from '../runtime/incidents.js';

/** Delay before work whose command failed (not an incident: a store or step-limit error) is tried again. */
const FAILED_WORK_RETRY_MS = 60_000;

const workId = (work: LeasedWork) => (work.kind === 'timer' ? work.id : work.jobKey);

/** A leased job: hand it to the command runner, which calls the handler (if it still waits, unblocked). */
function queueJob(execution: Execution, elementInstanceId: string): boolean {
  const elementInstance = execution.elementInstance(elementInstanceId);
  if (elementInstance?.wait?.kind !== 'job' || execution.state.incidents.some((incident) => incident.elementInstanceId === elementInstanceId)) return false;
  execution.pendingJobs.push(elementInstance);
  return true;
}

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
    /** This engine's name on leases (one per process). */
    private readonly owner: string,
    private readonly leaseMs: number,
    /** The job types this engine has handlers for now. */
    private readonly jobTypes: () => string[],
  ) {}

  async create(process: PinnedProcess, start: NewInstance): Promise<Execution> {
    const id = start.id ?? this.ids.next('instance');
    const execution = await this.runner.create(process, (now, maxSteps, functions) =>
      startInstance(process, { id, businessKey: start.businessKey, variables: start.variables, now, maxSteps, functions, startEventId: start.startEventId, parent: start.parent }),
    );
    await this.deliver(execution.state.id, execution.outboxed);
    return execution;
  }

  async run<T>(instanceId: string, apply: (execution: Execution) => T): Promise<{ result: T; execution: Execution }> {
    const outcome = await this.runner.run(instanceId, apply);
    await this.deliver(instanceId, outcome.execution.outboxed);
    return outcome;
  }

  /** Runs outbox entries of `instanceId` (as commands of their own), then removes them from its outbox. */
  private async deliver(instanceId: string, entries: ReadonlyArray<{ id: string; effect: Effect }>): Promise<void> {
    if (entries.length === 0) return;
    await this.runEffects(entries.map((entry) => entry.effect));
    const ids = new Set(entries.map((entry) => entry.id));
    try {
      await this.runner.run(
        instanceId,
        (execution) => {
          const outbox = execution.state.outbox ?? [];
          const left = outbox.filter((entry) => !ids.has(entry.id));
          if (left.length === outbox.length) return;
          if (left.length > 0) execution.state.outbox = left;
          else delete execution.state.outbox;
          execution.touched = true;
        },
        true,
      );
    } catch (error) {
      // another engine changed or removed the instance meanwhile: the entries stay and are delivered again
      if (!isEngineError(error) || (error.code !== 'CONCURRENT_MODIFICATION' && error.code !== 'INSTANCE_NOT_FOUND')) throw error;
    }
  }

  /** An outbox entry whose engine died before delivering it (leased as a job of type `pravah:effect`). */
  private async deliverLeftOver(instanceId: string, entryId: string): Promise<boolean> {
    const entry = (await this.runner.load(instanceId)).outbox?.find((candidate) => candidate.id === entryId);
    if (!entry) return false;
    await this.deliver(instanceId, [{ id: entry.id, effect: entry.effect as unknown as Effect }]);
    return true;
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

  /**
   * Runs the work that is due: timer start events, then instance timers and waiting jobs this engine has
   * handlers for, each leased to this engine first (`Store.leaseDueWork`) so that no other engine sharing
   * the store runs it meanwhile. Returns how many ran. Work whose command fails (not an incident: a store
   * or step-limit error) is left to its lease expiring and retried a minute later.
   */
  async runDueWork(): Promise<number> {
    let ran = 0;
    const failed = new Set<string>();
    for (;;) {
      const now = this.clock.now();
      const starts = await this.store.dueStartTimers(now, 100);
      for (const timer of starts) {
        if (!(await this.store.advanceStartTimer(timer, nextStartTimer(timer)))) continue;
        await this.create(await this.definitions.pinned(timer.definitionId), { businessKey: null, variables: {}, startEventId: timer.elementId });
        ran++;
      }
      const leased = (await this.store.leaseDueWork({ owner: this.owner, now, until: now + this.leaseMs, limit: 100, jobTypes: this.jobTypes() }))
        .filter((work) => !failed.has(workId(work)));
      if (starts.length === 0 && leased.length === 0) break;
      for (const work of leased) {
        try {
          const result =
            work.kind === 'job' && work.type === EFFECT_JOB_TYPE
              ? await this.deliverLeftOver(work.instanceId, work.jobKey)
              : (await this.run(work.instanceId, (execution) => (work.kind === 'timer' ? fireTimer(execution, work.elementInstanceId) : queueJob(execution, work.elementInstanceId)))).result;
          if (result) ran++;
          else failed.add(workId(work));
        } catch (error) {
          failed.add(workId(work));
          if (isEngineError(error) && error.code === 'CONCURRENT_MODIFICATION') continue;
          console.error(`[pravah] ${work.kind} ${workId(work)} of instance ${work.instanceId} failed; retrying in ${FAILED_WORK_RETRY_MS} ms`, error);
          this.rearm(this.clock.now() + FAILED_WORK_RETRY_MS);
        }
      }
    }
    const next = await this.store.nextTimerDueAt();
    if (next !== undefined && next > this.clock.now()) this.rearm(next);
    return ran;
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
    }).catch((error: unknown) => {
      // delivered before (the outbox entry outlived a crash): the child exists already
      if (!isEngineError(error) || error.code !== 'CONCURRENT_MODIFICATION') throw error;
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
