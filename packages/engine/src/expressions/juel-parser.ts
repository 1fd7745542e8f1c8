import { invalidExpression } from './expression-errors.js';
import { MAX_EXPRESSION_NESTING } from './limits.js';
import type { JuelToken } from './juel-tokenizer.js';

export type JuelBinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '&&' | '||';
export type JuelUnaryOperator = '-' | '!' | 'empty';

/** JUEL syntax tree. `depth` is the height of the subtree (a leaf has depth 1). */
export type JuelNode =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly depth: number }
  | { readonly kind: 'variable'; readonly name: string; readonly depth: number }
  | { readonly kind: 'member'; readonly object: JuelNode; readonly property: JuelNode; readonly depth: number }
  | { readonly kind: 'unary'; readonly operator: JuelUnaryOperator; readonly operand: JuelNode; readonly depth: number }
  | { readonly kind: 'call'; readonly callee: readonly string[]; readonly args: readonly JuelNode[]; readonly depth: number }
  | {
      readonly kind: 'binary';
      readonly operator: JuelBinaryOperator;
      readonly left: JuelNode;
      readonly right: JuelNode;
      readonly depth: number;
    }
  | {
      readonly kind: 'conditional';
      readonly test: JuelNode;
      readonly consequent: JuelNode;
      readonly alternate: JuelNode;
      readonly depth: number;
    };

/** A node as written by the parser, before its depth is computed. */
type JuelNodeShape = JuelNode extends infer Node ? (Node extends JuelNode ? Omit<Node, 'depth'> : never) : never;

/** Binary operators by precedence level, lowest first; keyword spellings map to the symbol. */
const BINARY_LEVELS: ReadonlyArray<Readonly<Record<string, JuelBinaryOperator>>> = [
  { '||': '||', or: '||' },
  { '&&': '&&', and: '&&' },
  { '==': '==', eq: '==', '!=': '!=', ne: '!=' },
  { '<': '<', lt: '<', '>': '>', gt: '>', '<=': '<=', le: '<=', '>=': '>=', ge: '>=' },
  { '+': '+', '-': '-' },
  { '*': '*', '/': '/', div: '/', '%': '%', mod: '%' },
];

const RESERVED = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'true', 'false', 'null', 'instanceof', 'empty', 'div', 'mod']);

/**
 * Decides whether a call may be written: gets the callee as a dotted name path (`a.b.c(...)` -> `['a', 'b',
 * 'c']`); callees that are not such a path (brackets, parentheses, a call result) are always refused.
 */
export type JuelCallPolicy = (callee: readonly string[]) => boolean;

/**
 * Parses the tokens of one `${...}` body (ending with the `end` token) into a syntax tree by precedence
 * climbing. Calls (`a.b()`, `fn(x)`, `ns:fn(x)`) are rejected: expressions can read variables, never run
 * code, except calls whose dotted callee path `callable` accepts (the bpmn-engine dialect's host functions).
 * Throws EXPRESSION_INVALID with the position of the offending token.
 */
export function parseJuel(source: string, tokens: readonly JuelToken[], callable?: JuelCallPolicy): JuelNode {
  let index = 0;
  let nesting = 0;

  const peek = (offset = 0): JuelToken => tokens[Math.min(index + offset, tokens.length - 1)];
  const fail = (token: JuelToken, message: string): never => {
    throw invalidExpression(source, message, token.position);
  };
  const describe = (token: JuelToken): string => (token.kind === 'end' ? "'}'" : `'${token.text}'`);
  const isPunct = (token: JuelToken, text: string): boolean => token.kind === 'punct' && token.text === text;
  const expect = (text: string): void => {
    const token = peek();
    if (!isPunct(token, text)) fail(token, `expected '${text}' but found ${describe(token)} at ${token.position}`);
    index++;
  };
  const enter = (token: JuelToken): void => {
    if (++nesting > MAX_EXPRESSION_NESTING) fail(token, `nesting is deeper than ${MAX_EXPRESSION_NESTING}`);
  };
  const node = (token: JuelToken, value: JuelNodeShape, ...children: JuelNode[]): JuelNode => {
    let depth = 1;
    for (const child of children) depth = Math.max(depth, child.depth + 1);
    if (depth > MAX_EXPRESSION_NESTING) fail(token, `expression is nested deeper than ${MAX_EXPRESSION_NESTING}`);
    (value as { depth?: number }).depth = depth; // `value` is a fresh literal: completing it avoids a copy
    return value as JuelNode;
  };
  const rejectCall = (token: JuelToken): never =>
    fail(token, `calls are not supported (at ${token.position}): expressions may only read variables`);

  function parseConditional(): JuelNode {
    const start = peek();
    enter(start);
    const test = parseBinary(0);
    let result = test;
    if (isPunct(peek(), '?')) {
      index++;
      const consequent = parseConditional();
      expect(':');
      const alternate = parseConditional();
      result = node(start, { kind: 'conditional', test, consequent, alternate }, test, consequent, alternate);
    }
    nesting--;
    return result;
  }

  function parseBinary(level: number): JuelNode {
    if (level === BINARY_LEVELS.length) return parseUnary();
    let left = parseBinary(level + 1);
    for (;;) {
      const token = peek();
      const operators = BINARY_LEVELS[level];
      if ((token.kind !== 'punct' && token.kind !== 'name') || !Object.hasOwn(operators, token.text)) return left;
      const operator = operators[token.text];
      index++;
      const right = parseBinary(level + 1);
      left = node(token, { kind: 'binary', operator, left, right }, left, right);
    }
  }

  function parseUnary(): JuelNode {
    const token = peek();
    const operator: JuelUnaryOperator | undefined =
      isPunct(token, '-') ? '-'
      : isPunct(token, '!') || (token.kind === 'name' && token.text === 'not') ? '!'
      : token.kind === 'name' && token.text === 'empty' ? 'empty'
      : undefined;
    if (operator === undefined) return parsePostfix();
    index++;
    enter(token);
    const operand = parseUnary();
    nesting--;
    if (operator === '-' && operand.kind === 'literal' && typeof operand.value === 'number') {
      return node(token, { kind: 'literal', value: -operand.value });
    }
    return node(token, { kind: 'unary', operator, operand }, operand);
  }

  function parsePostfix(): JuelNode {
    // `path` is the dotted name path read so far, while the target is nothing but `name(.name)*`
    let path: string[] | undefined = peek().kind === 'name' ? [peek().text] : undefined;
    let target = parsePrimary();
    if (target.kind !== 'variable') path = undefined;
    for (;;) {
      const token = peek();
      if (isPunct(token, '.')) {
        index++;
        const name = peek();
        if (name.kind !== 'name') fail(name, `expected a property name after '.' at ${token.position}`);
        index++;
        const property = node(name, { kind: 'literal', value: name.text });
        target = node(token, { kind: 'member', object: target, property }, target, property);
        path?.push(name.text);
      } else if (isPunct(token, '[')) {
        index++;
        const property = parseConditional();
        expect(']');
        target = node(token, { kind: 'member', object: target, property }, target, property);
        path = undefined;
      } else if (isPunct(token, '(')) {
        if (path === undefined || callable === undefined || !callable(path)) return rejectCall(token);
        target = parseCall(token, path);
        path = undefined;
      } else {
        return target;
      }
    }
  }

  function parseCall(open: JuelToken, callee: readonly string[]): JuelNode {
    index++;
    enter(open);
    const args: JuelNode[] = [];
    if (!isPunct(peek(), ')')) {
      args.push(parseConditional());
      while (isPunct(peek(), ',')) {
        index++;
        args.push(parseConditional());
      }
    }
    expect(')');
    nesting--;
    return node(open, { kind: 'call', callee, args }, ...args);
  }

  function parsePrimary(): JuelNode {
    const token = peek();
    index++;
    if (token.kind === 'number' || token.kind === 'string') {
      return node(token, { kind: 'literal', value: token.value ?? null });
    }
    if (isPunct(token, '(')) {
      const inner = parseConditional();
      expect(')');
      return inner;
    }
    if (token.kind === 'name') {
      if (token.text === 'true' || token.text === 'false') return node(token, { kind: 'literal', value: token.text === 'true' });
      if (token.text === 'null') return node(token, { kind: 'literal', value: null });
      if (isPunct(peek(), '(') || (isPunct(peek(), ':') && peek(1).kind === 'name' && isPunct(peek(2), '('))) {
        return rejectCall(token);
      }
      if (token.text === 'instanceof') fail(token, `'instanceof' is not supported (at ${token.position})`);
      if (RESERVED.has(token.text)) fail(token, `unexpected keyword '${token.text}' at ${token.position}`);
      return node(token, { kind: 'variable', name: token.text });
    }
    return fail(token, `unexpected ${describe(token)} at ${token.position}`);
  }

  const tree = parseConditional();
  const last = peek();
  if (last.kind !== 'end') fail(last, `unexpected ${describe(last)} at ${last.position}`);
  return tree;
}
