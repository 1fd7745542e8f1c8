import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import type { VariableLookup } from './compile-expression.js';
import { failedExpression } from './expression-errors.js';
import { MAX_VALUE_DEPTH } from './limits.js';
import { isPlainObject } from './plain-result.js';

/**
 * FEEL temporal results as ISO 8601 text: date `2024-01-01`, date-time `2024-01-01T10:00:00Z` (or with
 * an offset; a named zone stays feelin's `...@Europe/Paris`), time `10:00:00`, duration `PT1H` / `P1Y2M`.
 */
export function feelTemporalToText(value: object): string | undefined {
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelTime || value instanceof FeelDuration) {
    return value.toString();
  }
  return undefined;
}

/**
 * The variables as handed to feelin: only JSON-like values (null, booleans, finite numbers, texts, lists,
 * plain objects). Anything else (functions, class instances, non-finite numbers) becomes null, so an
 * expression can never call or inspect a JavaScript object. Returns `variables` itself when it is already
 * clean (the usual case), so no copy is made.
 */
export function toFeelInput(variables: VariableLookup, source: string): Record<string, unknown> {
  return cleanValue(variables, source, 0) as Record<string, unknown>;
}

function cleanValue(value: unknown, source: string, depth: number): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (depth > MAX_VALUE_DEPTH) throw failedExpression(source, `a variable is nested deeper than ${MAX_VALUE_DEPTH}`);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const clean = cleanValue(item, source, depth + 1);
      if (clean !== item && copy === undefined) copy = value.slice(0, index);
      if (copy !== undefined) copy.push(clean);
    }
    return copy ?? value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = value[key];
      const clean = cleanValue(item, source, depth + 1);
      if (clean !== item && copy === undefined) copy = Object.fromEntries(Object.entries(value));
      if (copy !== undefined) copy[key] = clean;
    }
    return copy ?? value;
  }
  return null;
}
