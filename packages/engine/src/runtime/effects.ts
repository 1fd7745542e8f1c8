/**
 * What a command asks to happen to other instances once it has committed: they are separate commands, run
 * by the engine right after the commit (a signal reaches every subscriber, a call activity starts its child,
 * a finished child continues its parent).
 */
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
