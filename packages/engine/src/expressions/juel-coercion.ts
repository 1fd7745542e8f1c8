import { isPlainObject } from './plain-result.js';

/**
 * JUEL (EL 2.2) type coercion, kept small. Numbers are JavaScript doubles (EL's Long/Double distinction is
 * not modelled). Every function throws a `JuelCoercionError` (message only) that the caller turns into
 * EXPRESSION_FAILED with the expression source.
 *
 * - to number: null -> 0, '' -> 0, numeric text -> its value, other text / booleans / objects fail.
 * - to boolean: null -> false, text -> true when it is 'true' (any case), numbers / objects fail.
 * - `==`: identical -> true; null vs anything -> false; a number on either side compares numerically
 *   (the other side coerced, so '5' == 5); a boolean on either side compares as booleans; two texts
 *   compare exactly; lists and objects compare structurally (like Java's List/Map equals).
 * - `<` `>` `<=` `>=`: `<=`/`>=` of identical values -> true; null on either side -> false; a number on
 *   either side compares numerically; two texts compare by UTF-16 code units (Java compareTo); else fails.
 */
export class JuelCoercionError extends Error {
  override readonly name = 'JuelCoercionError';
}

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return 0;
    if (NUMERIC_TEXT.test(text)) return Number(text);
    throw new JuelCoercionError(`cannot coerce '${shorten(text)}' to a number`);
  }
  throw new JuelCoercionError(`cannot coerce ${kindOf(value)} to a number`);
}

export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  throw new JuelCoercionError(`cannot coerce ${kindOf(value)} to a boolean`);
}

export function juelEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || left === undefined || right === null || right === undefined) return false;
  if (typeof left === 'number' || typeof right === 'number') return toNumber(left) === toNumber(right);
  if (typeof left === 'boolean' || typeof right === 'boolean') return toBoolean(left) === toBoolean(right);
  if (typeof left === 'string' || typeof right === 'string') {
    if (typeof left === 'string' && typeof right === 'string') return false;
    throw new JuelCoercionError(`cannot compare ${kindOf(left)} with ${kindOf(right)}`);
  }
  return deepEquals(left, right);
}

/** Returns -1, 0 or 1; `null` when either side is null (every ordering comparison is then false). */
export function juelCompare(left: unknown, right: unknown): -1 | 0 | 1 | null {
  if (left === null || left === undefined || right === null || right === undefined) return null;
  if (typeof left === 'number' || typeof right === 'number') return order(toNumber(left), toNumber(right));
  if (typeof left === 'string' && typeof right === 'string') return order(left, right);
  throw new JuelCoercionError(`cannot order ${kindOf(left)} and ${kindOf(right)}`);
}

/** EL `empty`: true for null, '', an empty list and an object without own keys. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** Text of a value inside a template: null -> '', lists and objects as JSON. */
export function toTemplateText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) || isPlainObject(value)) return JSON.stringify(value);
  throw new JuelCoercionError(`cannot put ${kindOf(value)} into a text`);
}

function order<T extends number | string>(left: T, right: T): -1 | 0 | 1 {
  if (left < right) return -1;
  if (left > right) return 1;
  if (left === right) return 0;
  throw new JuelCoercionError('cannot order NaN');
}

function deepEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => deepEquals(item, right[index]));
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((key) => Object.hasOwn(right, key) && deepEquals(left[key], right[key]));
  }
  return false;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'an object';
  if (typeof value === 'string') return `'${shorten(value)}'`;
  return typeof value === 'object' || typeof value === 'function' ? `a ${typeof value}` : `${typeof value} ${String(value)}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
