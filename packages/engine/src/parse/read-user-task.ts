/**
 * User task assignment, from either dialect (Zeebe wins where both set a field):
 * - Camunda 7 attributes `camunda:assignee`, `camunda:candidateUsers`, `camunda:candidateGroups`,
 *   `camunda:dueDate`, `camunda:followUpDate`, `camunda:formKey`, `camunda:priority`.
 * - Zeebe `zeebe:assignmentDefinition` `assignee` / `candidateGroups` / `candidateUsers`,
 *   `zeebe:taskSchedule` `dueDate` / `followUpDate`, `zeebe:formDefinition` `formKey` (or `formId`, kept as
 *   the form key), `zeebe:priorityDefinition` `priority`.
 * Every value is kept as written (literal, `${...}` or `= ...`) and validated as an expression.
 */
import type { UserTaskAssignment } from '../model/activity-definitions.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { findExtension, stringProp, type ModdleElement } from './moddle-element.js';

type Field = keyof UserTaskAssignment;

const CAMUNDA_FIELDS: readonly Field[] = ['assignee', 'candidateUsers', 'candidateGroups', 'dueDate', 'followUpDate', 'formKey', 'priority'];

/** [extension type, path prefix, attribute, field] */
const ZEEBE_FIELDS: ReadonlyArray<readonly [string, string, string, Field]> = [
  ['zeebe:AssignmentDefinition', 'zeebe:assignmentDefinition', 'assignee', 'assignee'],
  ['zeebe:AssignmentDefinition', 'zeebe:assignmentDefinition', 'candidateGroups', 'candidateGroups'],
  ['zeebe:AssignmentDefinition', 'zeebe:assignmentDefinition', 'candidateUsers', 'candidateUsers'],
  ['zeebe:TaskSchedule', 'zeebe:taskSchedule', 'dueDate', 'dueDate'],
  ['zeebe:TaskSchedule', 'zeebe:taskSchedule', 'followUpDate', 'followUpDate'],
  ['zeebe:FormDefinition', 'zeebe:formDefinition', 'formKey', 'formKey'],
  ['zeebe:FormDefinition', 'zeebe:formDefinition', 'formId', 'formKey'],
  ['zeebe:PriorityDefinition', 'zeebe:priorityDefinition', 'priority', 'priority'],
];

export function readUserTaskAssignment(context: CompileContext, element: ModdleElement): UserTaskAssignment {
  const found = new Map<Field, { path: string; value: string }>();
  for (const field of CAMUNDA_FIELDS) {
    const value = stringProp(element, field);
    if (value !== undefined) found.set(field, { path: `camunda:${field}`, value });
  }
  for (const [type, prefix, attribute, field] of ZEEBE_FIELDS) {
    const extension = findExtension(element, type);
    const value = extension && stringProp(extension, attribute);
    if (value !== undefined) found.set(field, { path: `${prefix}.${attribute}`, value });
  }
  const assignment: UserTaskAssignment = {};
  for (const [field, { path, value }] of found) assignment[field] = trackExpression(context, element, path, value);
  return assignment;
}
