import type { VariableLookup } from './compile-expression.js';
import { type FeelFastToken, tokenizeFeelSubset } from './feel-fast-tokens.js';
import { MAX_EXPRESSION_NESTING } from './limits.js';

/** A compiled fast-path expression. Throws NEEDS_FEELIN when the values at hand need feelin's rules. */
export type FeelFastEvaluator = (variables: VariableLookup) => unknown;

/** Thrown (not an Error: no stack is captured) when an evaluation must be redone by feelin. */
export const NEEDS_FEELIN: unique symbol = Symbol('pravah.needs-feelin');

type Fast = FeelFastEvaluator;

/**
 * Fast path for the common FEEL subset: number, string (without escapes), boolean and null literals,
 * variable names, paths `a.b`, `= != < <= > >=`, `+ - * /`, unary `-`, `and`, `or`, `not(x)`, parentheses.
 * Compiles to closures that follow feelin 8's semantics for the values they accept (see the agreement
 * tests) and give up with NEEDS_FEELIN on anything else: a missing name that feelin would resolve
 * differently (a builtin function, a key with odd whitespace), a key that could join neighbouring tokens
 * into one FEEL name (`order-id`, `a b`), lists or objects in operators, mixed-type ordering.
 * Returns `undefined` when the text is outside the subset; `isBuiltin(name)` says whether feelin would
 * resolve an unknown name to a builtin function.
 */
export function compileFeelFastPath(body: string, isBuiltin: (name: string) => boolean): FeelFastEvaluator | undefined {
  const scanned = tokenizeFeelSubset(body);
  if (scanned === undefined) return undefined;
  const tokens: readonly FeelFastToken[] = scanned;
  let index = 0;
  let nesting = 0;
  const peek = (): FeelFastToken => tokens[index];
  const isPunct = (text: string): boolean => tokens[index].kind === 'punct' && tokens[index].text === text;
  const isName = (text: string): boolean => tokens[index].kind === 'name' && tokens[index].text === text;

  function parseDisjunction(): Fast | undefined {
    if (++nesting > MAX_EXPRESSION_NESTING) return undefined;
    let left = parseConjunction();
    while (left && isName('or')) {
      index++;
      const right = parseConjunction();
      left = right && or(left, right);
    }
    nesting--;
    return left;
  }

  function parseConjunction(): Fast | undefined {
    let left = parseComparison();
    while (left && isName('and')) {
      index++;
      const right = parseComparison();
      left = right && and(left, right);
    }
    return left;
  }

  function parseComparison(): Fast | undefined {
    const left = parseAdditive();
    const token = peek();
    if (!left || token.kind !== 'punct' || !['=', '!=', '<', '<=', '>', '>='].includes(token.text)) return left;
    index++;
    const right = parseAdditive();
    const next = peek();
    if (!right || (next.kind === 'punct' && ['=', '!=', '<', '<=', '>', '>='].includes(next.text))) return undefined;
    return compare(token.text, left, right);
  }

  function parseAdditive(): Fast | undefined {
    let left = parseMultiplicative();
    while (left && (isPunct('+') || isPunct('-'))) {
      const operator = peek().text;
      index++;
      const right = parseMultiplicative();
      left = right && arithmetic(operator, left, right);
    }
    return left;
  }

  function parseMultiplicative(): Fast | undefined {
    let left = parseUnary();
    while (left && (isPunct('*') || isPunct('/'))) {
      const operator = peek().text;
      index++;
      const right = parseUnary();
      left = right && arithmetic(operator, left, right);
    }
    return left;
  }

  function parseUnary(): Fast | undefined {
    if (!isPunct('-')) return parsePath();
    const tight = peek().tight === true;
    index++;
    const number = peek();
    if (tight && number.kind === 'number' && !isPathAfter(index + 1)) {
      index++;
      const value = -(number.value as number);
      return () => value;
    }
    if (++nesting > MAX_EXPRESSION_NESTING) return undefined;
    const operand = parseUnary();
    nesting--;
    return operand && ((variables) => negate(operand(variables)));
  }

  function isPathAfter(position: number): boolean {
    return tokens[position].kind === 'punct' && tokens[position].text === '.';
  }

  function parsePath(): Fast | undefined {
    let target = parsePrimary();
    while (target && isPunct('.')) {
      index++;
      const name = peek();
      if (name.kind !== 'name' || ['true', 'false', 'null', 'and', 'or', 'not'].includes(name.text)) return undefined;
      index++;
      target = property(target, name.text, name.joinable === true);
    }
    return target;
  }

  function parsePrimary(): Fast | undefined {
    const token = peek();
    index++;
    if (token.kind === 'number' || token.kind === 'string') {
      const value = token.value;
      return () => value;
    }
    if (token.kind === 'punct' && token.text === '(') {
      const inner = parseDisjunction();
      if (!inner || !isPunct(')')) return undefined;
      index++;
      return inner;
    }
    if (token.kind !== 'name') return undefined;
    if (token.text === 'true' || token.text === 'false') {
      const value = token.text === 'true';
      return () => value;
    }
    if (token.text === 'null') return () => null;
    if (isPunct('(')) return token.text === 'not' ? parseNot() : undefined;
    if (token.text === 'and' || token.text === 'or' || token.text === 'not') return undefined;
    return variable(token.text, token.joinable === true, isBuiltin(token.text));
  }

  function parseNot(): Fast | undefined {
    index++;
    const operand = parseDisjunction();
    if (!operand || !isPunct(')')) return undefined;
    index++;
    return (variables) => {
      if (Object.hasOwn(variables, 'not')) throw NEEDS_FEELIN;
      const value = operand(variables);
      return typeof value === 'boolean' ? !value : null;
    };
  }

  const compiled = parseDisjunction();
  return compiled && peek().kind === 'eof' ? compiled : undefined;
}

function variable(name: string, joinable: boolean, builtin: boolean): Fast {
  return (variables) => {
    if (joinable && hasJoiningKey(variables, name)) throw NEEDS_FEELIN;
    if (!Object.hasOwn(variables, name)) {
      if (builtin || hasLooseKey(variables, name)) throw NEEDS_FEELIN;
      return null;
    }
    return fastValue(variables[name]);
  };
}

function property(target: Fast, name: string, joinable: boolean): Fast {
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

function compare(operator: string, left: Fast, right: Fast): Fast {
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
function arithmetic(operator: string, left: Fast, right: Fast): Fast {
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

function negate(value: unknown): number | null {
  return typeof value === 'number' ? 0 - value : null;
}

/** Three-valued `and`/`or` as in feelin: non-booleans count as null. */
function and(left: Fast, right: Fast): Fast {
  return (variables) => {
    const a = left(variables);
    if (a === false) return false;
    const b = right(variables);
    if (b === false) return false;
    return a === true && b === true ? true : null;
  };
}

function or(left: Fast, right: Fast): Fast {
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
