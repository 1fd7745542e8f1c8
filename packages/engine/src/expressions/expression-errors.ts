import { EngineError } from '../errors.js';

/** A compile-time problem: bad syntax, an unsupported construct, a cost bound exceeded. */
export function invalidExpression(source: string, message: string, position?: number): EngineError {
  const details: Record<string, unknown> = { source };
  if (position !== undefined) details.position = position;
  return new EngineError('EXPRESSION_INVALID', `Invalid expression '${preview(source)}': ${message}`, { details });
}

/** A run-time problem: unknown variable, bad operand types, a non-plain result, a cost bound exceeded. */
export function failedExpression(source: string, message: string, cause?: unknown): EngineError {
  return new EngineError('EXPRESSION_FAILED', `Expression '${preview(source)}' failed: ${message}`, {
    details: { source },
    cause,
  });
}

function preview(source: string): string {
  return source.length > 120 ? `${source.slice(0, 117)}...` : source;
}
