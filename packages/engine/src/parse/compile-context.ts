/**
 * State shared by the compile steps of one process: the issue sink and the list of every expression found,
 * with where it came from, so validation can compile them all without knowing each extension's layout.
 */
import type { Expression } from '../model/definition.js';
import type { IssueSink } from './issues.js';
import type { ModdleElement } from './moddle-element.js';

/** A timer value that must be ISO 8601 when it is a literal. */
export type TimerKind = 'duration' | 'date' | 'cycle';

/** One expression in the model and where it was written. */
export interface ExpressionSite {
  elementId: string;
  elementType: string;
  /** Path inside the element, e.g. `conditionExpression`, `camunda:assignee`, `zeebe:ioMapping.input[total]`. */
  path: string;
  source: Expression;
  timer?: TimerKind;
}

export interface CompileContext {
  readonly sink: IssueSink;
  readonly expressions: ExpressionSite[];
}

/** Records `source` as an expression of `element` at `path` and returns it. */
export function trackExpression(
  context: CompileContext,
  element: ModdleElement,
  path: string,
  source: Expression,
  timer?: TimerKind,
): Expression {
  context.expressions.push({ elementId: element.id ?? '', elementType: element.$type, path, source, ...(timer ? { timer } : {}) });
  return source;
}
