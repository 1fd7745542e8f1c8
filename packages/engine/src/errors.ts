import type { ValidationIssue } from './model/validation-issue.js';

/** Stable error codes thrown by the engine API. See docs/errors.md for the table. */
export type EngineErrorCode =
  | 'XML_MALFORMED'
  | 'XML_UNSAFE'
  | 'DEFINITION_INVALID'
  | 'UNSUPPORTED_ELEMENT'
  | 'DEFINITION_NOT_FOUND'
  | 'DEFINITION_NOT_EXECUTABLE'
  | 'INSTANCE_NOT_FOUND'
  | 'INSTANCE_NOT_ACTIVE'
  | 'INSTANCE_SUSPENDED'
  | 'MIGRATION_INVALID'
  | 'TASK_NOT_FOUND'
  | 'TASK_NOT_ACTIVE'
  | 'TASK_ALREADY_CLAIMED'
  | 'INCIDENT_NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'CONCURRENT_MODIFICATION'
  | 'STEP_LIMIT_EXCEEDED'
  | 'STATE_INVALID'
  | 'EXPRESSION_INVALID'
  | 'EXPRESSION_FAILED'
  | 'CLOCK_BACKWARDS';

const ENGINE_ERROR_MARK: unique symbol = Symbol.for('pravah.engine-error');
const BPMN_ERROR_MARK: unique symbol = Symbol.for('pravah.bpmn-error');

export interface EngineErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * Every error the engine throws. `code` is stable and documented; `message` is for people and may change.
 * Use `isEngineError(err)` rather than `instanceof` when two copies of the package may be loaded.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: Record<string, unknown>;
  readonly [ENGINE_ERROR_MARK] = true;

  constructor(code: EngineErrorCode, message: string, options: EngineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Thrown by `deploy` (and `validateDefinition`) with every issue found, never a partial deploy. */
export class DefinitionValidationError extends EngineError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const unsupported = issues.find((issue) => issue.code === 'UNSUPPORTED_ELEMENT');
    const first = unsupported ?? issues[0];
    const where = first?.elementId ? ` (element '${first.elementId}'${first.line ? `, line ${first.line}` : ''})` : '';
    super(
      unsupported ? 'UNSUPPORTED_ELEMENT' : 'DEFINITION_INVALID',
      `${first?.message ?? 'Invalid definition'}${where}${issues.length > 1 ? ` and ${issues.length - 1} more issue(s)` : ''}`,
      { details: { elementId: first?.elementId, elementType: first?.elementType, line: first?.line } },
    );
    this.name = 'DefinitionValidationError';
    this.issues = issues;
  }
}

/** Malformed or unsafe XML, with the 1-based line and column where the parser stopped. */
export class XmlError extends EngineError {
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: 'XML_MALFORMED' | 'XML_UNSAFE', message: string, line?: number, column?: number) {
    super(code, line ? `${message} (line ${line}${column ? `, column ${column}` : ''})` : message, {
      details: { line, column },
    });
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
  }
}

/** True for any EngineError, including one from another copy of this package. */
export function isEngineError(value: unknown): value is EngineError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ENGINE_ERROR_MARK] === true;
}

/**
 * Thrown by a service-task handler to raise a BPMN error (caught by error boundary events or error event
 * sub-processes; uncaught it becomes an incident). Any other exception from a handler becomes an incident.
 */
export class BpmnError extends Error {
  readonly errorCode: string;
  readonly variables: Record<string, unknown> | undefined;
  readonly [BPMN_ERROR_MARK] = true;

  constructor(errorCode: string, message?: string, variables?: Record<string, unknown>) {
    super(message ?? errorCode);
    this.name = 'BpmnError';
    this.errorCode = errorCode;
    this.variables = variables;
  }
}

export function isBpmnError(value: unknown): value is BpmnError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BPMN_ERROR_MARK] === true;
}
