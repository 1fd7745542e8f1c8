import type { UserTaskAssignment } from '../../model/activity-definitions.js';
import type { UserTaskWait } from '../../model/instance-state.js';
import { evaluateExpression, evaluateString, evaluateStringList } from '../../expressions/evaluate.js';
import type { ExpressionFunctions } from '../../expressions/compile-expression.js';
import { EngineError } from '../../errors.js';
import { addDuration, parseDateTime, parseDuration } from '../../iso8601.js';

type Assignment = Pick<UserTaskWait, 'assignee' | 'candidateUsers' | 'candidateGroups' | 'dueDate' | 'followUpDate' | 'formKey' | 'priority'>;

/**
 * Evaluates a user task's assignment attributes (each may be an expression) when the task is created.
 * Only the fields that have a value are returned.
 */
export function evaluateAssignment(
  assignment: UserTaskAssignment,
  variables: Record<string, unknown>,
  now: number,
  functions: ExpressionFunctions | undefined,
): Assignment {
  const result: Assignment = {};
  if (assignment.assignee !== undefined) result.assignee = evaluateString(assignment.assignee, variables, functions, now);
  if (assignment.candidateUsers !== undefined) result.candidateUsers = nonEmpty(evaluateStringList(assignment.candidateUsers, variables, functions, now));
  if (assignment.candidateGroups !== undefined) result.candidateGroups = nonEmpty(evaluateStringList(assignment.candidateGroups, variables, functions, now));
  if (assignment.dueDate !== undefined) result.dueDate = toDateTime(assignment.dueDate, variables, now, functions);
  if (assignment.followUpDate !== undefined) result.followUpDate = toDateTime(assignment.followUpDate, variables, now, functions);
  if (assignment.formKey !== undefined) result.formKey = evaluateString(assignment.formKey, variables, functions, now);
  if (assignment.priority !== undefined) result.priority = toPriority(assignment.priority, variables, functions, now);
  for (const key of Object.keys(result) as (keyof Assignment)[]) if (result[key] === undefined) delete result[key];
  return result;
}

function nonEmpty(list: string[]): string[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** A date-time text, or an ISO 8601 duration from now (`P2D`), as a UTC ISO string. */
function toDateTime(source: string, variables: Record<string, unknown>, now: number, functions: ExpressionFunctions | undefined): string | undefined {
  const text = evaluateString(source, variables, functions, now)?.trim();
  if (!text) return undefined;
  const at = text.startsWith('P') ? addDuration(now, parseDuration(text)) : parseDateTime(text);
  return new Date(at).toISOString();
}

function toPriority(source: string, variables: Record<string, unknown>, functions: ExpressionFunctions | undefined, now: number): number {
  const value = Number(evaluateExpression(source, variables, functions, now));
  if (!Number.isFinite(value)) throw new EngineError('EXPRESSION_FAILED', `Task priority '${source}' is not a number`);
  return value;
}
