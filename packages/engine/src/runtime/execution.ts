import { EngineError, isEngineError } from '../errors.js';
import type { ExpressionFunctions } from '../expressions/compile-expression.js';
import type { FlowNode, ProcessModel, SequenceFlow } from '../model/definition.js';
import type { HistoryEvent } from '../model/history-event.js';
import type { ElementInstance, InstanceState } from '../model/instance-state.js';
import type { Effect } from './effects.js';
import { elementBehaviors } from './element-registry.js';
import { triggerListener } from './event-triggers.js';
import { selectOutgoingFlows } from './flow-selection.js';
import { applyInputs, applyOutputs } from './io-mappings.js';
import { transition } from './lifecycle.js';
import { fireTrueConditions } from './conditions.js';
import { awaitContinuation } from './continuations.js';
import { raiseIncident, resolveIncident } from './incidents.js';
import { completeScopeIfDone, terminateChildren } from './scopes.js';
import { closeListeners, isListener, openBoundaryListeners } from './listeners.js';
import { afterInnerInstance, isMultiInstanceBody, multiInstanceBody } from './multi-instance.js';
import { propagateVariables, visibleVariables } from './variables.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewHistoryEvent = DistributiveOmit<HistoryEvent, 'seq' | 'at'>;

/** The process a running instance is pinned to. */
export interface PinnedProcess {
  definitionId: string;
  key: string;
  version: number;
  model: ProcessModel;
}

/**
 * One command's worth of work on one process instance: moves tokens through the loaded state until every
 * token waits, records history, and collects the jobs a handler may run next. Synchronous and pure apart
 * from mutating the state it was given (a fresh copy loaded for this command); the engine commits the
 * result or throws it away.
 */
export class Execution {
  readonly history: HistoryEvent[] = [];
  /** Job waits created or retried by this command; the engine runs handlers for them. */
  readonly pendingJobs: ElementInstance[] = [];
  /** Work for other instances, run by the engine after this command commits. */
  readonly effects: Effect[] = [];
  /** The outbox entries the effects became (set by the command runner before the commit). */
  outboxed: Array<{ id: string; effect: Effect }> = [];
  /** Set by commands that change only bookkeeping (no history), so the runner still commits. */
  touched = false;
  /** An event-based gateway that won a race: its flow, the event's variables, the catch event it entered. */
  eventRaceWinner: { gateway: ElementInstance; flowId: string; variables: Record<string, unknown> | undefined; target?: ElementInstance } | undefined;
  private readonly queue: ElementInstance[] = [];
  private steps = 0;
  /** Set when variables change, so conditional events are evaluated again before the command ends. */
  private variablesChanged = false;

  constructor(
    readonly process: PinnedProcess,
    readonly state: InstanceState,
    readonly now: number,
    private readonly maxSteps: number,
    /** Host functions models may call (`environment.services.NAME(...)` in bpmn-engine models). */
    readonly functions?: ExpressionFunctions,
  ) {}

  node(elementId: string): FlowNode {
    return this.process.model.nodes[elementId];
  }

  flow(flowId: string): SequenceFlow {
    return this.process.model.flows[flowId];
  }

  elementInstance(id: string): ElementInstance | undefined {
    return this.state.elements.find((candidate) => candidate.id === id);
  }

  variablesFor(elementInstance: ElementInstance | undefined): Record<string, unknown> {
    return visibleVariables(this.state, elementInstance);
  }

  /** Creates an element instance in `activating` and queues its activation. */
  enter(elementId: string, scopeId: string | null): ElementInstance {
    const elementInstance: ElementInstance = {
      id: String(this.state.nextId++),
      elementId,
      scopeId,
      state: 'activating',
      enteredAt: this.now,
    };
    this.state.elements.push(elementInstance);
    this.queue.push(elementInstance);
    return elementInstance;
  }

  /** Element instances whose async continuation runs in this command (runtime/continuations.ts). */
  readonly continuing = new Set<ElementInstance>();

  /** Runs queued activations until every token waits, letting waiting joins decide when work runs dry. */
  run(): void {
    for (;;) {
      for (let index = 0; index < this.queue.length; index++) {
        const elementInstance = this.queue[index];
        if (elementInstance.state === 'activating') this.activate(elementInstance);
      }
      this.queue.length = 0;
      if (this.settleJoins()) continue;
      if (this.variablesChanged) {
        this.variablesChanged = false;
        if (fireTrueConditions(this)) continue;
      }
      return;
    }
  }

  /** Input mappings, then `active` and the element's own work. */
  activate(elementInstance: ElementInstance): void {
    if (++this.steps > this.maxSteps) {
      throw new EngineError('STEP_LIMIT_EXCEEDED', `More than ${this.maxSteps} steps in one command; is there a loop without a wait state?`, {
        details: { elementId: elementInstance.elementId, instanceId: this.state.id },
      });
    }
    const node = this.node(elementInstance.elementId);
    if (node.asyncBefore && elementInstance.loopIndex === undefined && !this.continuing.has(elementInstance)) {
      awaitContinuation(this, elementInstance, 'before');
      return;
    }
    const body = isMultiInstanceBody(node, elementInstance);
    if (node.inputs && !body) {
      try {
        applyInputs(this, elementInstance, node);
      } catch (error) {
        this.fail(elementInstance, error);
        return;
      }
    }
    transition(elementInstance, 'active');
    this.recordElement('element-activated', node.id, elementInstance.id);
    if (node.boundaryEvents && elementInstance.loopIndex === undefined) openBoundaryListeners(this, elementInstance, node);
    this.runBehavior(elementInstance, node);
  }

  /** Runs (or re-runs, after an incident) the element's activation work. */
  runBehavior(elementInstance: ElementInstance, node: FlowNode): void {
    try {
      if (isMultiInstanceBody(node, elementInstance)) multiInstanceBody.activate(this, elementInstance, node);
      else elementBehaviors[node.type].activate(this, elementInstance, node as never);
    } catch (error) {
      this.fail(elementInstance, error);
    }
  }

  /** The element's work is done: go to `completing` and leave (or, `asyncAfter`, commit first). */
  complete(elementInstance: ElementInstance): void {
    transition(elementInstance, 'completing');
    if (this.node(elementInstance.elementId).asyncAfter && elementInstance.loopIndex === undefined) {
      awaitContinuation(this, elementInstance, 'after');
      return;
    }
    this.leave(elementInstance);
  }

  /** Output mappings, choose outgoing flows, `completed`, then move tokens on. */
  leave(elementInstance: ElementInstance): void {
    const node = this.node(elementInstance.elementId);
    const behavior = elementBehaviors[node.type];
    const inner = elementInstance.loopIndex !== undefined;
    const body = isMultiInstanceBody(node, elementInstance);
    let flows: string[] | undefined;
    try {
      if (node.outputs && !inner) applyOutputs(this, elementInstance, node);
      if (inner) flows = [];
      else if (behavior.selectOutgoing && !body) flows = behavior.selectOutgoing(this, elementInstance, node as never);
      else flows = selectOutgoingFlows(this, elementInstance, node);
    } catch (error) {
      this.fail(elementInstance, error);
      return;
    }
    if (flows === undefined) return;
    transition(elementInstance, 'completed');
    this.recordElement('element-completed', node.id, elementInstance.id);
    this.remove(elementInstance);
    if (node.boundaryEvents || node.type === 'eventBasedGateway') closeListeners(this, elementInstance.id);
    if (node.compensationHandler && !body) {
      const scopeId = inner ? (this.elementInstance(elementInstance.scopeId ?? '')?.scopeId ?? null) : elementInstance.scopeId;
      (this.state.compensations ??= []).push({ elementId: node.id, scopeId, ...(elementInstance.variables ? { variables: elementInstance.variables } : {}) });
    }
    if (inner) {
      afterInnerInstance(this, elementInstance);
      return;
    }
    for (const flowId of flows) {
      const entered = this.takeFlow(this.flow(flowId), elementInstance.scopeId);
      if (this.eventRaceWinner?.gateway === elementInstance) this.eventRaceWinner.target = entered;
    }
    if (flows.length === 0) completeScopeIfDone(this, elementInstance.scopeId);
  }

  /** Moves a token over a flow; returns the element instance it entered (none when a join holds it). */
  takeFlow(flow: SequenceFlow, scopeId: string | null): ElementInstance | undefined {
    this.history.push({ seq: this.state.nextEventSeq++, at: this.now, type: 'flow-taken', elementId: flow.id });
    const target = this.node(flow.targetId);
    const behavior = elementBehaviors[target.type];
    if (behavior.arrive && target.incoming.length > 1) {
      behavior.arrive(this, flow, target as never, scopeId);
      return undefined;
    }
    return this.enter(target.id, scopeId);
  }


  /** The event a wait stood for happened: a listener fires, a token resumes. */
  triggerWait(elementInstance: ElementInstance, variables: Record<string, unknown> | undefined): void {
    if (isListener(elementInstance)) triggerListener(this, elementInstance, variables);
    else this.resume(elementInstance, variables);
  }

  /** A wait is over (task completed, timer due, message, job done): store the variables and complete. */
  resume(elementInstance: ElementInstance, variables: Record<string, unknown> | undefined): void {
    elementInstance.wait = undefined;
    this.setVariables(elementInstance, variables);
    this.complete(elementInstance);
  }

  /**
   * Variables an event or a worker brings to an element: local when the element has output mappings
   * (Zeebe's rule), else to the nearest scope that defines each name.
   */
  setVariables(elementInstance: ElementInstance | undefined, variables: Record<string, unknown> | undefined): void {
    if (!variables || Object.keys(variables).length === 0) return;
    const node = elementInstance && this.node(elementInstance.elementId);
    if (elementInstance && node?.outputs) elementInstance.variables = { ...elementInstance.variables, ...variables };
    else propagateVariables(this.state, elementInstance, variables);
    this.record({ type: 'variables-changed', elementId: node?.id ?? null, variables });
  }

  /** Terminates an element instance and everything inside it (a listener just goes). */
  terminate(elementInstance: ElementInstance): void {
    if (isListener(elementInstance)) {
      this.remove(elementInstance);
      return;
    }
    transition(elementInstance, 'terminating');
    closeListeners(this, elementInstance.id);
    if (elementInstance.wait?.kind === 'child') {
      this.effects.push({ kind: 'cancel-instance', instanceId: elementInstance.wait.childInstanceId, reason: 'parent call activity ended' });
    }
    terminateChildren(this, elementInstance.id);
    for (const incident of this.state.incidents.filter((open) => open.elementInstanceId === elementInstance.id)) {
      resolveIncident(this, incident);
    }
    elementInstance.wait = undefined;
    transition(elementInstance, 'terminated');
    this.recordElement('element-terminated', elementInstance.elementId, elementInstance.id);
    this.remove(elementInstance);
  }




  // ---- incidents -----------------------------------------------------------------------------------

  /**
   * Element work threw: a process failure becomes an incident on the element (never a thrown error); engine
   * faults (step limit, broken lifecycle) abort the whole command.
   */
  private fail(elementInstance: ElementInstance, error: unknown): void {
    if (isEngineError(error) && (error.code === 'STEP_LIMIT_EXCEEDED' || error.code === 'STATE_INVALID')) throw error;
    const code = isEngineError(error) ? error.code : 'ELEMENT_FAILED';
    raiseIncident(this, elementInstance, code, error instanceof Error ? error.message : String(error));
  }

  // ---- history -------------------------------------------------------------------------------------

  /** The hot path: element lifecycle events, built in one shape. */
  recordElement(type: 'element-activated' | 'element-completed' | 'element-terminated', elementId: string, elementInstanceId: string): void {
    this.history.push({ seq: this.state.nextEventSeq++, at: this.now, type, elementId, elementInstanceId });
  }

  record(event: NewHistoryEvent): void {
    if (event.type === 'variables-changed') this.variablesChanged = true;
    (event as HistoryEvent).seq = this.state.nextEventSeq++;
    (event as HistoryEvent).at = this.now;
    this.history.push(event as HistoryEvent);
  }

  // ---- internals -----------------------------------------------------------------------------------

  remove(elementInstance: ElementInstance): void {
    const index = this.state.elements.indexOf(elementInstance);
    if (index >= 0) this.state.elements.splice(index, 1);
  }

  private settleJoins(): boolean {
    for (const join of this.state.joins) {
      const node = this.node(join.elementId);
      const behavior = elementBehaviors[node.type];
      if (behavior.settle?.(this, join, node as never)) return true;
    }
    return false;
  }
}
