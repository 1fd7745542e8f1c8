import type { InstanceState, JoinState } from '../model/instance-state.js';

/** Adds one arrived token to the join of `elementId` in `scopeId`, creating the join if needed. */
export function recordArrival(state: InstanceState, elementId: string, flowId: string, scopeId: string | null): JoinState {
  let join = state.joins.find((candidate) => candidate.elementId === elementId && candidate.scopeId === scopeId);
  if (!join) {
    join = { elementId, scopeId, arrived: {} };
    state.joins.push(join);
  }
  join.arrived[flowId] = (join.arrived[flowId] ?? 0) + 1;
  return join;
}

/** Takes one token from every flow that has arrived; drops the join when none is left. */
export function consumeArrivals(state: InstanceState, join: JoinState): void {
  let left = 0;
  for (const flowId of Object.keys(join.arrived)) {
    const remaining = join.arrived[flowId] - 1;
    if (remaining > 0) {
      join.arrived[flowId] = remaining;
      left += remaining;
    } else delete join.arrived[flowId];
  }
  if (left === 0) state.joins.splice(state.joins.indexOf(join), 1);
}
