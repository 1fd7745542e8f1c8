import {
  type CompiledExpression,
  compileExpression,
  type ExpressionFunctions,
  type VariableLookup,
} from './compile-expression.js';
import { failedExpression } from './expression-errors.js';

/** Compiled expressions by source text; the oldest entry is dropped when full. */
const cache = new Map<string, CompiledExpression>();
const CACHE_SIZE = 5_000;

/** The compiled form of `source`, from the cache or compiled now (throws EXPRESSION_INVALID). */
export function compileCached(source: string): CompiledExpression {
  let expression = cache.get(source);
  if (expression === undefined) {
    expression = compileExpression(source);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(source, expression);
  }
  return expression;
}

/**
 * Evaluates expression text (FEEL `=...`, JUEL `${...}`, bpmn-engine `${environment...}`, or a literal)
 * against variables; `functions` are the host functions bpmn-engine expressions may call, `now` (epoch ms)
 * is what FEEL's `now()` and `today()` return (the engine's injected clock; absent: the system clock). Throws EXPRESSION_INVALID for bad text and EXPRESSION_FAILED
 * (details `{ source }`) when evaluation fails.
 *
 * @example
 * evaluateExpression('= total * 2', { total: 21 }); // 42
 */
export function evaluateExpression(source: string, variables: VariableLookup, functions?: ExpressionFunctions, now?: number): unknown {
  return compileCached(source).evaluate(variables, functions, now);
}

/**
 * Evaluates a condition, which must produce a boolean: anything else (including FEEL null for a
 * missing variable) throws EXPRESSION_FAILED, which the runtime turns into an incident, as Zeebe does.
 */
export function evaluateCondition(source: string, variables: VariableLookup, functions?: ExpressionFunctions, now?: number): boolean {
  const value = compileCached(source).evaluate(variables, functions, now);
  if (typeof value !== 'boolean') throw failedExpression(source, `condition produced ${describe(value)}, not a boolean`);
  return value;
}

/** Evaluates to text: null -> undefined, numbers and booleans -> their text, lists and objects fail. */
export function evaluateString(source: string, variables: VariableLookup, functions?: ExpressionFunctions, now?: number): string | undefined {
  const value = compileCached(source).evaluate(variables, functions, now);
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw failedExpression(source, `expected a text but got ${describe(value)}`);
}

/**
 * Evaluates to a list of texts: a list (of texts, numbers or booleans) or a comma-separated text
 * (`'a, b'` -> `['a', 'b']`, blanks dropped). Null and '' give `[]`.
 */
export function evaluateStringList(source: string, variables: VariableLookup, functions?: ExpressionFunctions, now?: number): string[] {
  const value = compileCached(source).evaluate(variables, functions, now);
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item === 'string') return item;
      if (typeof item === 'number' || typeof item === 'boolean') return String(item);
      throw failedExpression(source, `expected a list of texts but an item is ${describe(item)}`);
    });
  }
  throw failedExpression(source, `expected a list of texts but got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `the text '${value.length > 40 ? `${value.slice(0, 37)}...` : value}'` : `${typeof value} ${String(value)}`;
}
