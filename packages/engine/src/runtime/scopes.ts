import type { ElementInstance } from '../model/instance-state.js';
import type { Execution } from './execution.js';

/** Scopes (the process, sub-processes): ending all of a scope's tokens, noticing it is done, finishing. */

/** Terminates every token and listener in a scope (except `keep`), and tokens waiting at joins. */
export function terminateChildren(execution: Execution, scopeId: string | null, keep?: ElementInstance): void {
  for (const child of execution.state.elements.filter((candidate) => candidate.scopeId === scopeId && candidate !== keep)) {
    if (child.state !== 'terminated' && execution.state.elements.includes(child)) execution.terminate(child);
  }
  execution.state.joins = execution.state.joins.filter((join) => join.scopeId !== scopeId);
}

/**
 * When a scope has no tokens left (listeners do not count, and go with it), the sub-process completes, or
 * at the top the instance does.
 */
export function completeScopeIfDone(execution: Execution, scopeId: string | null): void {
  const { elements, joins } = execution.state;
  for (const candidate of elements) if (candidate.scopeId === scopeId && candidate.attachedTo === undefined) return;
  for (const join of joins) if (join.scopeId === scopeId) return;
  if (elements.some((candidate) => candidate.scopeId === scopeId)) {
    execution.state.elements = elements.filter((candidate) => candidate.scopeId !== scopeId);
  }
  if (scopeId === null) {
    finishInstance(execution, 'completed');
    return;
  }
  const scope = execution.elementInstance(scopeId);
  if (scope && scope.state === 'active') execution.complete(scope);
}

export function finishInstance(execution: Execution, status: 'completed' | 'terminated', reason = 'cancelled'): void {
  if (execution.state.status !== 'active') return;
  execution.state.status = status;
  execution.state.endedAt = execution.now;
  execution.record(status === 'completed' ? { type: 'instance-completed' } : { type: 'instance-terminated', reason });
  const parent = execution.state.parent;
  if (parent && status === 'completed') execution.effects.push({ kind: 'child-completed', parent, variables: execution.state.variables });
}
