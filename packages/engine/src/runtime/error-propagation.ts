import type { BoundaryEventNode, EventDefinition, EventSubProcessNode, ScopeParts } from '../model/definition.js';
import type { ElementInstance } from '../model/instance-state.js';
import type { Execution } from './execution.js';
import { terminateChildren } from './scopes.js';

export interface ThrownEvent {
  kind: 'error' | 'escalation';
  code: string;
  message?: string;
  variables?: Record<string, unknown>;
}

type Catcher = { node: BoundaryEventNode; on: ElementInstance } | { node: EventSubProcessNode; scope: ElementInstance | undefined };

/**
 * Finds who catches an error or escalation thrown by `thrower`, innermost first, Camunda's order at each
 * level: boundary events on the throwing activity, then event sub-processes of the enclosing scope, then
 * boundary events on that scope's activity, and so on outwards. At each level a catch event naming the
 * code beats a catch-all. Returns false when nothing catches it.
 */
export function propagate(execution: Execution, thrower: ElementInstance, event: ThrownEvent): boolean {
  const catcher = findCatcher(execution, thrower, event);
  if (!catcher) return false;
  const definition = 'on' in catcher ? catcher.node.eventDefinition : startDefinition(execution, catcher.node);
  const variables = { ...event.variables, ...codeVariables(definition, event) };
  if ('on' in catcher) {
    if (catcher.node.cancelActivity) execution.terminate(catcher.on);
    execution.enter(catcher.node.id, catcher.on.scopeId);
    execution.setVariables(undefined, variables);
  } else {
    const start = execution.node(catcher.node.startEvent);
    const scopeId = catcher.scope?.id ?? null;
    if (start.type === 'startEvent' && start.isInterrupting) terminateChildren(execution, scopeId);
    execution.setVariables(catcher.scope, variables);
    execution.enter(catcher.node.id, scopeId);
  }
  return true;
}

function findCatcher(execution: Execution, thrower: ElementInstance, event: ThrownEvent): Catcher | undefined {
  let current: ElementInstance | undefined = thrower;
  while (current) {
    const node = execution.node(current.elementId);
    const boundary = pick(
      (node.boundaryEvents ?? []).map((id) => execution.node(id)).filter((candidate): candidate is BoundaryEventNode => candidate.type === 'boundaryEvent'),
      event,
      (candidate) => candidate.eventDefinition,
    );
    if (boundary) return { node: boundary, on: current };
    const scope: ElementInstance | undefined = current.scopeId === null ? undefined : execution.elementInstance(current.scopeId);
    if (node.type !== 'eventSubProcess') {
      const parts: ScopeParts = scope ? (execution.node(scope.elementId) as unknown as ScopeParts) : execution.process.model;
      const subProcess = pick(
        (parts.eventSubProcesses ?? []).map((id) => execution.node(id)).filter((candidate): candidate is EventSubProcessNode => candidate.type === 'eventSubProcess'),
        event,
        (candidate) => startDefinition(execution, candidate),
      );
      if (subProcess) return { node: subProcess, scope };
    }
    current = scope;
  }
  return undefined;
}

function startDefinition(execution: Execution, subProcess: EventSubProcessNode): EventDefinition | undefined {
  const start = execution.node(subProcess.startEvent);
  return start.type === 'startEvent' ? start.eventDefinition : undefined;
}

/** The catch event naming the code, else a catch-all of the same kind. */
function pick<T>(candidates: T[], event: ThrownEvent, definitionOf: (candidate: T) => EventDefinition | undefined): T | undefined {
  let catchAll: T | undefined;
  for (const candidate of candidates) {
    const definition = definitionOf(candidate);
    if (definition?.type !== event.kind) continue;
    const code = definition.type === 'error' ? definition.errorCode : definition.type === 'escalation' ? definition.escalationCode : undefined;
    if (code === event.code) return candidate;
    if (code === undefined) catchAll ??= candidate;
  }
  return catchAll;
}

/** `camunda:errorCodeVariable` / `errorMessageVariable` / `escalationCodeVariable` of the catching event. */
function codeVariables(definition: EventDefinition | undefined, event: ThrownEvent): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (definition?.type === 'error') {
    if (definition.errorCodeVariable) values[definition.errorCodeVariable] = event.code;
    if (definition.errorMessageVariable) values[definition.errorMessageVariable] = event.message ?? null;
  } else if (definition?.type === 'escalation' && definition.escalationCodeVariable) {
    values[definition.escalationCodeVariable] = event.code;
  }
  return values;
}
