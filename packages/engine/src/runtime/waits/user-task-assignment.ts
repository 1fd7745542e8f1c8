import type { UserTaskAssignment } from '../../model/definition.js';
import type { UserTaskWait } from '../../model/instance-state.js';
import { evaluateExpression, evaluateString, evaluateStringList } from '../../expressions/evaluate.js';
import { EngineError } from '../../errors.js';
import { addDuration, parseDateTime, parseDuration } from '../../iso8601.js';

type Assignment = Pick<UserTaskWait, 'assignee' | 'candidateUsers' | 'candidateGroups' | 'dueDate' | 'followUpDate' | 'formKey' | 'priority'>;

/** Evaluates a user task's assignment attributes (each may be an expression) when the task is created. */
export function evaluateAssignment(assignment: UserTaskAssignment, variables: Record<string, unknown>, now: number): Assignment {
  return {
    assignee: assignment.assignee === undefined ? null : (evaluateString(assignment.assignee, variables) ?? null),
    candidateUsers: assignment.candidateUsers === undefined ? [] : evaluateStringList(assignment.candidateUsers, variables),
    candidateGroups: assignment.candidateGroups === undefined ? [] : evaluateStringList(assignment.candidateGroups, variables),
    dueDate: toDateTime(assignment.dueDate, variables, now),
    followUpDate: toDateTime(assignment.followUpDate, variables, now),
    formKey: assignment.formKey === undefined ? null : (evaluateString(assignment.formKey, variables) ?? null),
    priority: toPriority(assignment.priority, variables),
  };
}

/** A date-time text, or an ISO 8601 duration from now (`P2D`), as a UTC ISO string. */
function toDateTime(source: string | undefined, variables: Record<string, unknown>, now: number): string | null {
  if (source === undefined) return null;
  const text = evaluateString(source, variables)?.trim();
  if (!text) return null;
  const at = text.startsWith('P') ? addDuration(now, parseDuration(text)) : parseDateTime(text);
  return new Date(at).toISOString();
}

function toPriority(source: string | undefined, variables: Record<string, unknown>): number | null {
  if (source === undefined) return null;
  const value = Number(evaluateExpression(source, variables));
  if (!Number.isFinite(value)) throw new EngineError('EXPRESSION_FAILED', `Task priority '${source}' is not a number`);
  return value;
}
