import {
  and,
  arithmetic,
  compare,
  type FeelFastEvaluator,
  NEEDS_FEELIN,
  negate,
  or,
  property,
  variable,
} from './feel-fast-operators.js';
import { type FeelFastToken, tokenizeFeelSubset } from './feel-fast-tokens.js';
import { MAX_EXPRESSION_NESTING } from './limits.js';

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
  const peek = (): FeelFastToken => tokens[Math.min(index, tokens.length - 1)];
  const isPunct = (text: string): boolean => peek().kind === 'punct' && peek().text === text;
  const isName = (text: string): boolean => peek().kind === 'name' && peek().text === text;

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
    const token = tokens[Math.min(position, tokens.length - 1)];
    return token.kind === 'punct' && token.text === '.';
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
