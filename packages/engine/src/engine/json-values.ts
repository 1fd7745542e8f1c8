import { EngineError } from '../errors.js';

const MAX_DEPTH = 100;

/**
 * Variables cross the API edge as plain JSON objects: this checks the shape and takes a deep copy (so the
 * caller's object and the engine's state never alias). `undefined`/`null` mean "no variables".
 * Functions, symbols, BigInt, non-finite numbers, class instances and cycles are refused with
 * INVALID_ARGUMENT; a `Date` becomes its ISO text; properties whose value is `undefined` are dropped (as
 * JSON would drop them).
 */
export function toJsonObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineError('INVALID_ARGUMENT', `${what} must be an object of variables, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return copyJson(value, what, 0) as Record<string, unknown>;
}

function copyJson(value: unknown, path: string, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, `is ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw invalid(path, `is nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
      if (Array.isArray(value)) return value.map((item, index) => copyJson(item === undefined ? null : item, `${path}[${index}]`, depth + 1));
      if (value instanceof Date) return value.toISOString();
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw invalid(path, 'is not a plain object');
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        const copied = copyJson(item, `${path}.${key}`, depth + 1);
        // an own `__proto__` key stays data (as JSON.parse keeps it), never a prototype change
        if (key === '__proto__') Object.defineProperty(copy, key, { value: copied, enumerable: true, writable: true, configurable: true });
        else copy[key] = copied;
      }
      return copy;
    }
    default:
      throw invalid(path, `is a ${typeof value}, not a JSON value`);
  }
}

function invalid(path: string, problem: string): EngineError {
  return new EngineError('INVALID_ARGUMENT', `${path} ${problem}`, { details: { path } });
}
