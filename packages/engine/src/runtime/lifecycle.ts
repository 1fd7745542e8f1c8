import { EngineError } from '../errors.js';
import type { ElementInstance, LifecycleState } from '../model/instance-state.js';

/**
 * The element-instance lifecycle, the single source of truth the runtime enforces:
 * `activating -> active -> completing -> completed`, and from any live state `terminating -> terminated`.
 * An element blocked by an incident stays in the state where it failed (`activating` or `completing`) and a
 * retry resumes from there.
 */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleState, readonly LifecycleState[]>> = {
  activating: ['active', 'terminating'],
  active: ['completing', 'terminating'],
  completing: ['completed', 'terminating'],
  completed: [],
  terminating: ['terminated'],
  terminated: [],
};

export function transition(elementInstance: ElementInstance, to: LifecycleState): void {
  if (!LIFECYCLE_TRANSITIONS[elementInstance.state].includes(to)) {
    throw new EngineError(
      'STATE_INVALID',
      `Element instance '${elementInstance.id}' (${elementInstance.elementId}) cannot go from ${elementInstance.state} to ${to}`,
      { details: { elementId: elementInstance.elementId, from: elementInstance.state, to } },
    );
  }
  elementInstance.state = to;
}
