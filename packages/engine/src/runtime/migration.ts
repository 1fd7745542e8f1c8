import type { EventDefinition, FlowNode, ProcessModel } from '../model/definition.js';
import type { InstanceState } from '../model/instance-state.js';
import type { Execution, PinnedProcess } from './execution.js';

/** Why an element of a running instance cannot move to the target version. */
export interface MigrationProblem {
  instanceId: string;
  elementId: string;
  code: 'NO_TARGET' | 'TYPE_MISMATCH' | 'SCOPE_MISMATCH' | 'FLOW_MISSING';
  message: string;
}

/** What happens to one instance: each element instance (token, listener) and join moves to an element. */
export interface InstanceMigrationPlan {
  instanceId: string;
  fromDefinitionId: string;
  /** Element instance id -> target element id. */
  moves: Record<string, string>;
  /** Listeners (boundary, event sub-process, event-gateway) whose element is gone in the target: removed. */
  removedListeners: string[];
}

/**
 * Plans moving one instance to `target` following `mapping` (old element id -> new; identical ids map
 * implicitly). Every token must land on an element of the same kind (same BPMN type and event
 * definition) inside the mapped counterpart of its scope; joins keep their arrived flows, which must exist.
 */
export function planMigration(state: InstanceState, source: ProcessModel, target: ProcessModel, mapping: Record<string, string>): {
  plan: InstanceMigrationPlan;
  problems: MigrationProblem[];
} {
  const problems: MigrationProblem[] = [];
  const plan: InstanceMigrationPlan = { instanceId: state.id, fromDefinitionId: state.definitionId, moves: {}, removedListeners: [] };
  const mapped = (elementId: string) => mapping[elementId] ?? elementId;
  const problem = (elementId: string, code: MigrationProblem['code'], message: string) =>
    problems.push({ instanceId: state.id, elementId, code, message });

  for (const element of state.elements) {
    const from = source.nodes[element.elementId];
    const to = target.nodes[mapped(element.elementId)];
    if (!to) {
      if (element.attachedTo !== undefined) plan.removedListeners.push(element.id);
      else problem(element.elementId, 'NO_TARGET', `'${element.elementId}' has no element '${mapped(element.elementId)}' in the target version; map it`);
      continue;
    }
    if (!sameKind(from, to)) {
      problem(element.elementId, 'TYPE_MISMATCH', `'${element.elementId}' (${describe(from)}) cannot become '${to.id}' (${describe(to)})`);
      continue;
    }
    const fromScope = element.scopeId === null ? source.id : state.elements.find((candidate) => candidate.id === element.scopeId)?.elementId;
    const expectedScope = fromScope === source.id ? target.id : fromScope && mapped(fromScope);
    if (to.scopeId !== expectedScope) {
      problem(element.elementId, 'SCOPE_MISMATCH', `'${to.id}' is not inside '${expectedScope}' in the target version`);
      continue;
    }
    plan.moves[element.id] = to.id;
  }
  for (const join of state.joins) {
    const to = target.nodes[mapped(join.elementId)];
    if (!to || !sameKind(source.nodes[join.elementId], to)) {
      problem(join.elementId, to ? 'TYPE_MISMATCH' : 'NO_TARGET', `tokens waiting at '${join.elementId}' have no matching gateway in the target version`);
      continue;
    }
    for (const flowId of Object.keys(join.arrived)) {
      if (!target.flows[flowId] || target.flows[flowId].targetId !== to.id) {
        problem(join.elementId, 'FLOW_MISSING', `flow '${flowId}' into '${to.id}' does not exist in the target version`);
      }
    }
  }
  return { plan, problems };
}

/** Applies a validated plan inside a command: waits, timers, tasks and subscriptions move with their elements. */
export function applyMigration(execution: Execution, target: PinnedProcess, plan: InstanceMigrationPlan, mapping: Record<string, string>): void {
  const { state } = execution;
  const from = state.definitionId;
  state.elements = state.elements.filter((element) => !plan.removedListeners.includes(element.id));
  for (const element of state.elements) element.elementId = plan.moves[element.id] ?? element.elementId;
  for (const join of state.joins) join.elementId = mapping[join.elementId] ?? join.elementId;
  for (const incident of state.incidents) incident.elementId = mapping[incident.elementId] ?? incident.elementId;
  for (const record of state.compensations ?? []) record.elementId = mapping[record.elementId] ?? record.elementId;
  state.definitionId = target.definitionId;
  state.version = target.version;
  execution.record({ type: 'instance-migrated', fromDefinitionId: from, toDefinitionId: target.definitionId, mapping });
}

function eventType(node: FlowNode): EventDefinition['type'] | undefined {
  return 'eventDefinition' in node ? node.eventDefinition?.type : undefined;
}

function sameKind(from: FlowNode | undefined, to: FlowNode): boolean {
  return from !== undefined && from.type === to.type && eventType(from) === eventType(to) && Boolean(from.multiInstance) === Boolean(to.multiInstance);
}

function describe(node: FlowNode | undefined): string {
  if (!node) return 'unknown';
  const event = eventType(node);
  return event ? `${node.type} (${event})` : node.type;
}
