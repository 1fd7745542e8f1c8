import { isEngineError } from '../errors.js';
import { failedExpression, invalidExpression } from './expression-errors.js';
import { compileFeel } from './feel-compile.js';
import { feelTemporalToText } from './feel-values.js';
import { compileJuel } from './juel-template.js';
import { MAX_EXPRESSION_LENGTH } from './limits.js';
import { type SpecialValueConverter, toPlainResult } from './plain-result.js';

/** How an expression's text is read; decided from the text itself. */
export type ExpressionDialect = 'feel' | 'juel' | 'bpmn-engine' | 'literal';

/** Variables visible to an expression. A plain object (own enumerable props) of JSON-like values. */
export type VariableLookup = Readonly<Record<string, unknown>>;

/**
 * Host functions, registered by the application (trusted code): a bpmn-engine expression can call one by
 * name, `${environment.services.NAME(args)}`, but only an own property of this table. A function gets plain
 * copies of its arguments and must return a plain JSON-like value synchronously. FEEL and JUEL ignore it.
 */
export type ExpressionFunctions = Readonly<Record<string, (...args: unknown[]) => unknown>>;

/** An expression parsed once; `evaluate` may be called any number of times with different variables. */
export interface CompiledExpression {
  readonly source: string;
  readonly dialect: ExpressionDialect;
  /**
   * Returns a plain JSON-like value (FEEL dates and durations as ISO 8601 text). `functions` is used by
   * bpmn-engine service calls only. Throws EngineError `EXPRESSION_FAILED` (details `{ source }`) when
   * evaluation fails, including a missing or throwing host function.
   */
  evaluate(variables: VariableLookup, functions?: ExpressionFunctions, now?: number): unknown;
}

/** A `${` (not escaped as `\${`) whose body starts with the name path `environment.` or `content.`. */
const BPMN_ENGINE_PART = /(?<!\\)\$\{\s*(?:environment|content)\./;

/**
 * The dialect of an expression text: `=` first (after leading whitespace) is FEEL (Camunda 8 / Zeebe);
 * text with a `${...}` part whose body starts with `environment.` or `content.` is bpmn-engine
 * (paed01/bpmn-engine, see `bpmn-engine-rules.ts`); other text containing `${` or `#{` is JUEL (Camunda 7);
 * anything else is a literal string.
 */
export function detectDialect(source: string): ExpressionDialect {
  if (source.trimStart().startsWith('=')) return 'feel';
  if (BPMN_ENGINE_PART.test(source)) return 'bpmn-engine';
  if (source.includes('${') || source.includes('#{')) return 'juel';
  return 'literal';
}

/**
 * Compiles expression text once, for any number of evaluations.
 * Throws EngineError `EXPRESSION_INVALID` (details `{ source, position? }`) for syntax errors, calls in
 * JUEL (bpmn-engine allows only `environment.services.NAME(...)`), user-defined functions in FEEL, and
 * text over the size and nesting bounds (see `limits.ts`).
 *
 * @example
 * const condition = compileExpression('= amount > 1000');
 * condition.evaluate({ amount: 5000 }); // true
 * compileExpression('Order ${orderId}').evaluate({ orderId: 7 }); // 'Order 7'
 * compileExpression('${environment.services.isAbove(10, environment.output.amount)}')
 *   .evaluate({ amount: 12 }, { isAbove: (limit, value) => Number(value) > Number(limit) }); // true
 */
export function compileExpression(source: string): CompiledExpression {
  if (typeof source !== 'string') throw invalidExpression(String(source), 'expression source must be a text');
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw invalidExpression(source, `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  const dialect = detectDialect(source);
  if (dialect === 'literal') {
    return { source, dialect, evaluate: () => source };
  }
  let run: (variables: VariableLookup, functions: ExpressionFunctions | undefined, now: number | undefined) => unknown;
  let convert: SpecialValueConverter | undefined;
  if (dialect === 'feel') {
    const offset = source.indexOf('=') + 1;
    run = compileFeel(source, source.slice(offset), offset);
    convert = feelTemporalToText;
  } else {
    run = compileJuel(source, dialect);
  }
  return {
    source,
    dialect,
    evaluate(variables, functions, now) {
      try {
        return toPlainResult(run(variables, functions, now), source, convert);
      } catch (error) {
        if (isEngineError(error)) throw error;
        throw failedExpression(source, error instanceof Error ? error.message : String(error), error);
      }
    },
  };
}
