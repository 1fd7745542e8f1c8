import { failedExpression } from './expression-errors.js';
import { MAX_VALUE_DEPTH } from './limits.js';

/**
 * Turns a special (non-plain) object into a plain value, e.g. a FEEL date into its ISO text. Returns
 * `undefined` for objects it does not know; those make the expression fail.
 */
export type SpecialValueConverter = (value: object) => string | undefined;

/** True for `{}`-style objects: prototype `Object.prototype` or `null` (JSON objects, object literals). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that an expression result is a plain JSON-like value (null, boolean, finite number, string, array,
 * plain object) and returns it, converting special objects with `convert`. `undefined` becomes `null`.
 * Functions, class instances, prototypes, non-finite numbers and overly deep values throw EXPRESSION_FAILED,
 * so nothing an expression reaches can leak engine internals into process variables.
 * Lists and objects are always copied, so a result never shares structure with the variables it came from.
 */
export function toPlainResult(value: unknown, source: string, convert?: SpecialValueConverter): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'number':
      if (Number.isFinite(value)) return value;
      throw failedExpression(source, `result ${String(value)} is not a finite number`);
    default:
      return value === null ? null : plainCopy(value, source, convert, 0);
  }
}

function plainCopy(value: unknown, source: string, convert: SpecialValueConverter | undefined, depth: number): unknown {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return value;
  if (type === 'number') {
    if (Number.isFinite(value)) return value;
    throw failedExpression(source, `result contains the non-finite number ${String(value)}`);
  }
  if (depth > MAX_VALUE_DEPTH) throw failedExpression(source, `result is nested deeper than ${MAX_VALUE_DEPTH}`);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (const item of value as unknown[]) copy.push(plainCopy(item, source, convert, depth + 1));
    return copy;
  }
  if (isPlainObject(value) && !isPrototypeObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, plainCopy(value[key], source, convert, depth + 1));
    return copy;
  }
  if (type === 'object' && convert) {
    const converted = convert(value as object);
    if (converted !== undefined) return converted;
  }
  const kind = type === 'function' ? 'a function' : `a ${describeObject(value)}`;
  throw failedExpression(source, `result contains ${kind}, which is not a plain value`);
}

/** A function's `prototype` object (own `constructor` function), e.g. reached by FEEL `count.prototype`. */
function isPrototypeObject(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, 'constructor') && typeof value.constructor === 'function';
}

/** Assigns an own data property, also for the key `__proto__` (a plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function describeObject(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  if (isPlainObject(value)) return 'function prototype';
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  if (name === 'Object') return 'object with a custom prototype';
  return typeof name === 'string' && name !== '' ? `${name} object` : 'non-plain object';
}
