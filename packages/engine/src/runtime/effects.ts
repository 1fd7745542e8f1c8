import type { InstanceState } from '../model/instance-state.js';

/**
 * What a command asks to happen to other instances once it has committed: they are separate commands, run
 * by the engine right after the commit (a signal reaches every subscriber, a call activity starts its child,
 * a finished child continues its parent). They are written to the instance's `outbox` in the same commit,
 * so a crash before delivery loses nothing: after `OUTBOX_GRACE_MS` any engine delivers them (they are
 * leased like jobs of type `pravah:effect`). Delivery is at least once; all but signals are idempotent.
 */
export const EFFECT_JOB_TYPE = 'pravah:effect';

/** How long the engine that committed an effect has to deliver it before others may (ms). */
export const OUTBOX_GRACE_MS = 30_000;
export type Effect =
  | { kind: 'broadcast-signal'; signalName: string; variables: Record<string, unknown> }
  | {
      kind: 'start-child';
      childInstanceId: string;
      parent: { instanceId: string; elementInstanceId: string; definitionId: string };
      processId: string;
      binding: 'latest' | 'deployment' | 'version';
      version?: number;
      variables: Record<string, unknown>;
      businessKey: string | null;
    }
  | { kind: 'child-completed'; parent: { instanceId: string; elementInstanceId: string }; variables: Record<string, unknown> }
  | { kind: 'child-error'; parent: { instanceId: string; elementInstanceId: string }; errorCode: string; message: string }
  | { kind: 'cancel-instance'; instanceId: string; reason: string };

/** Puts the command's effects into the state's outbox, to be committed with it; returns the entries. */
export function writeOutbox(state: InstanceState, effects: readonly Effect[], now: number): Array<{ id: string; effect: Effect }> {
  const entries = effects.map((effect) => ({ id: `${state.id}.${state.nextId++}`, dueAt: now + OUTBOX_GRACE_MS, effect: effect as unknown as Record<string, unknown> }));
  state.outbox = [...(state.outbox ?? []), ...entries];
  return entries.map(({ id, effect }) => ({ id, effect: effect as unknown as Effect }));
}
