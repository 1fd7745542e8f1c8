/**
 * Building `ValidationIssue`s for moddle elements: id, BPMN type and source line filled in one place.
 */
import type { ValidationIssue, ValidationIssueCode } from '../model/validation-issue.js';
import type { LineIndex } from './line-index.js';
import type { ModdleElement } from './moddle-element.js';

/** Where issues of one parse go. `warnings` only ever holds `MODEL_WARNING`s. */
export interface IssueSink {
  readonly lines: LineIndex;
  readonly issues: ValidationIssue[];
  readonly warnings: ValidationIssue[];
}

export interface IssueExtras {
  path?: string;
  /** Overrides the element's own id (used for sequence flows that got a generated id). */
  elementId?: string;
  /** Overrides the element's own type, e.g. `bpmn:IntermediateCatchEvent+bpmn:SignalEventDefinition`. */
  elementType?: string;
}

export function createIssueSink(lines: LineIndex): IssueSink {
  return { lines, issues: [], warnings: [] };
}

/** An issue about a moddle element; `line` comes from the line index. */
export function elementIssue(
  lines: LineIndex,
  code: ValidationIssueCode,
  element: ModdleElement | undefined,
  message: string,
  extras: IssueExtras = {},
): ValidationIssue {
  const issue: ValidationIssue = { code, message };
  const elementId = extras.elementId ?? element?.id;
  if (elementId) issue.elementId = elementId;
  const elementType = extras.elementType ?? element?.$type;
  if (elementType) issue.elementType = elementType;
  if (extras.path) issue.path = extras.path;
  const line = elementId ? lines.get(elementId) : undefined;
  if (line !== undefined) issue.line = line;
  return issue;
}

/** Records an error issue. */
export function addIssue(
  sink: IssueSink,
  code: ValidationIssueCode,
  element: ModdleElement | undefined,
  message: string,
  extras?: IssueExtras,
): void {
  sink.issues.push(elementIssue(sink.lines, code, element, message, extras));
}

/** Records a `MODEL_WARNING`: accepted but ignored for execution. */
export function addWarning(sink: IssueSink, element: ModdleElement | undefined, message: string, extras?: IssueExtras): void {
  sink.warnings.push(elementIssue(sink.lines, 'MODEL_WARNING', element, message, extras));
}
