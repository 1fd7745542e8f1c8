import { EngineError } from '../errors.js';

/**
 * Variables cross the API edge as plain JSON objects: this checks the shape and takes a copy (so the
 * caller's object and the engine's state never alias). `undefined`/`null` mean "no variables".
 * Non-JSON values (functions, BigInt, cycles) are refused with INVALID_ARGUMENT; `Date`s become ISO text.
 */
export function toJsonObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineError('INVALID_ARGUMENT', `${what} must be an object of variables, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new EngineError('INVALID_ARGUMENT', `${what} must be a plain object`);
  }
  let text: string;
  try {
    text = JSON.stringify(value, rejectNonJson);
  } catch (error) {
    throw new EngineError('INVALID_ARGUMENT', `${what} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  return JSON.parse(text) as Record<string, unknown>;
}

function rejectNonJson(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError(`'${key}' is a ${typeof value}`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`'${key}' is ${value}`);
  return value;
}
