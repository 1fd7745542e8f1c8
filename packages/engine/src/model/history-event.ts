/**
 * Append-only audit trail of one process instance. `seq` orders events within the instance; `at` is the
 * injected clock's time in epoch ms.
 */
export type HistoryEvent =
  | { seq: number; at: number; type: 'instance-started'; definitionId: string; businessKey: string | null }
  | { seq: number; at: number; type: 'instance-completed' }
  | { seq: number; at: number; type: 'instance-terminated'; reason: string }
  | { seq: number; at: number; type: 'instance-suspended' }
  | { seq: number; at: number; type: 'instance-resumed' }
  | { seq: number; at: number; type: 'instance-migrated'; fromDefinitionId: string; toDefinitionId: string; mapping: Record<string, string> }
  | { seq: number; at: number; type: 'element-activated'; elementId: string; elementInstanceId: string }
  | { seq: number; at: number; type: 'element-completed'; elementId: string; elementInstanceId: string }
  | { seq: number; at: number; type: 'element-terminated'; elementId: string; elementInstanceId: string }
  | { seq: number; at: number; type: 'flow-taken'; elementId: string }
  | { seq: number; at: number; type: 'task-claimed'; elementId: string; taskId: string; assignee: string | null }
  | { seq: number; at: number; type: 'task-completed'; elementId: string; taskId: string; completedBy: string | null }
  | { seq: number; at: number; type: 'variables-changed'; elementId: string | null; variables: Record<string, unknown> }
  | { seq: number; at: number; type: 'job-failed'; elementId: string; jobKey: string; attempt: number; message: string; retryAt: number }
  | { seq: number; at: number; type: 'incident-raised'; elementId: string; incidentId: string; code: string; message: string }
  | { seq: number; at: number; type: 'incident-resolved'; elementId: string; incidentId: string };

export type HistoryEventType = HistoryEvent['type'];
