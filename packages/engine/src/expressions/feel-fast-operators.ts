import type { VariableLookup } from './compile-expression.js';

/**
 * The closures of the FEEL fast path (`feel-fast-path.ts`), one per operator, following feelin 8's rules
 * for plain values. Each throws NEEDS_FEELIN where feelin's rules would need more than these few lines.
 */

/** A compiled fast-path expression. Throws NEEDS_FEELIN when the values at hand need feelin's rules. */
export type FeelFastEvaluator = (variables: VariableLookup) => unknown;

/** Thrown (not an Error: no stack is captured) when an evaluation must be redone by feelin. */
export const NEEDS_FEELIN: unique symbol = Symbol('pravah.needs-feelin');

type Fast = FeelFastEvaluator;

/**
 * A variable: its own value, or null when absent (feelin's NO_VARIABLE_FOUND). Hands over to feelin when
 * feelin would read something else: a key that extends the name (`a-b` for `a`), a key equal up to
 * whitespace, a builtin function of that name, a value that is not plain JSON.
 */
export function variable(name: string, joinable: boolean, builtin: boolean): Fast {
  return (variables) => {
    if (joinable && hasJoiningKey(variables, name)) throw NEEDS_FEELIN;
    if (!Object.hasOwn(variables, name)) {
      if (builtin || hasLooseKey(variables, name)) throw NEEDS_FEELIN;
      return null;
    }
    return fastValue(variables[name]);
  };
}

/** `target.name` on an object (own keys only, as above); null on null, numbers, texts and booleans. */
export function property(target: Fast, name: string, joinable: boolean): Fast {
  return (variables) => {
    const value = target(variables);
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return null;
    if (!isContext(value)) throw NEEDS_FEELIN;
    if (joinable && hasJoiningKey(value, name)) throw NEEDS_FEELIN;
    if (!Object.hasOwn(value, name)) {
      if (hasLooseKey(value, name)) throw NEEDS_FEELIN;
      return null;
    }
    return fastValue(value[name]);
  };
}

/** feelin 8 `=`: null equals only null; same-type primitives compare by value; other primitives -> null. */
function equals(left: unknown, right: unknown): boolean | null {
  if (left === null || right === null) return left === right;
  const type = typeof left;
  if (type !== 'object' && typeof right !== 'object') return type === typeof right ? left === right : null;
  throw NEEDS_FEELIN;
}

/** `= !=` via `equals`; `< <= > >=` on two numbers or two texts, null if either side is null. */
export function compare(operator: string, left: Fast, right: Fast): Fast {
  if (operator === '=') return (variables) => equals(left(variables), right(variables));
  if (operator === '!=') {
    return (variables) => {
      const result = equals(left(variables), right(variables));
      return result === null ? null : !result;
    };
  }
  return (variables) => {
    const a = left(variables);
    const b = right(variables);
    if (a === null || b === null) return null;
    if ((typeof a !== 'number' || typeof b !== 'number') && (typeof a !== 'string' || typeof b !== 'string')) throw NEEDS_FEELIN;
    switch (operator) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      default:
        return a >= b;
    }
  };
}

/** feelin 8 arithmetic on plain values: both numbers (or two texts for `+`), else null; `x / 0` is null. */
export function arithmetic(operator: string, left: Fast, right: Fast): Fast {
  switch (operator) {
    case '+':
      return (variables) => {
        const a = left(variables);
        const b = right(variables);
        if (typeof a === 'number' && typeof b === 'number') return a + b;
        return typeof a === 'string' && typeof b === 'string' ? a + b : null;
      };
    case '-':
      return (variables) => numeric(left(variables), right(variables), (a, b) => a - b);
    case '*':
      return (variables) => numeric(left(variables), right(variables), (a, b) => a * b);
    default:
      return (variables) => numeric(left(variables), right(variables), (a, b) => (b === 0 ? null : a / b));
  }
}

function numeric(a: unknown, b: unknown, op: (a: number, b: number) => number | null): number | null {
  return typeof a === 'number' && typeof b === 'number' ? op(a, b) : null;
}

/** Unary minus: feelin computes `0 - value`, so -0 never appears and non-numbers give null. */
export function negate(value: unknown): number | null {
  return typeof value === 'number' ? 0 - value : null;
}

/** Three-valued `and`/`or` as in feelin: non-booleans count as null. */
export function and(left: Fast, right: Fast): Fast {
  return (variables) => {
    const a = left(variables);
    if (a === false) return false;
    const b = right(variables);
    if (b === false) return false;
    return a === true && b === true ? true : null;
  };
}

export function or(left: Fast, right: Fast): Fast {
  return (variables) => {
    const a = left(variables);
    if (a === true) return true;
    const b = right(variables);
    if (b === true) return true;
    return a === false && b === false ? false : null;
  };
}

function fastValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw NEEDS_FEELIN;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value) || isContext(value)) return value;
  throw NEEDS_FEELIN;
}

/** feelin's "context": an object whose prototype is exactly Object.prototype. */
function isContext(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

const NAME_CONTINUATION = /[\s'./\-+*^]/;

/** A key like `a-b`, `a.b` or `a b` that feelin's context-aware parser would read instead of `a`. */
function hasJoiningKey(scope: object, name: string): boolean {
  for (const key in scope) {
    if (key.length > name.length && key.startsWith(name) && NAME_CONTINUATION.test(key[name.length]) && Object.hasOwn(scope, key)) return true;
  }
  return false;
}

/** A key that differs from `name` only by surrounding whitespace, which feelin's lookup would match. */
function hasLooseKey(scope: object, name: string): boolean {
  for (const key in scope) {
    if (key !== name && key.trim() === name && Object.hasOwn(scope, key)) return true;
  }
  return false;
}
