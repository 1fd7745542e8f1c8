import type { ExpressionFunctions, VariableLookup } from './compile-expression.js';
import { failedExpression, invalidExpression } from './expression-errors.js';
import {
  isEmpty,
  JuelCoercionError,
  juelCompare,
  juelEquals,
  toBoolean,
  toNumber,
} from './juel-coercion.js';
import type { JuelBinaryOperator, JuelNode } from './juel-parser.js';
import { isPlainObject } from './plain-result.js';

/** What one evaluation sees: the variables and the host functions (only the bpmn-engine dialect calls them). */
export interface JuelContext {
  readonly variables: VariableLookup;
  readonly functions: ExpressionFunctions | undefined;
}

/** A compiled JUEL node: reads the context, returns a value, throws on failure (runs no model code). */
export type JuelEvaluator = (context: JuelContext) => unknown;

/**
 * How a JUEL flavour reads names: `variable` compiles a bare name, `special` compiles a node the flavour
 * reads differently (roots like `environment.output`, calls) or returns `undefined` for the plain reading.
 * `compile` compiles a child node with the same rules.
 */
export interface JuelRules {
  variable(source: string, name: string): JuelEvaluator;
  special?(source: string, node: JuelNode, compile: (node: JuelNode) => JuelEvaluator): JuelEvaluator | undefined;
}

/** Camunda 7 JUEL: an unknown variable fails (Camunda's PropertyNotFoundException). */
export const plainJuelRules: JuelRules = {
  variable(source, name) {
    return ({ variables }) => {
      if (!Object.hasOwn(variables, name)) throw failedExpression(source, `unknown variable '${name}'`);
      return variables[name] ?? null;
    };
  },
};

/**
 * Compiles a JUEL syntax tree to nested closures, once per expression. Names are read by `rules`;
 * coercion problems throw a JuelCoercionError that the caller reports as EXPRESSION_FAILED.
 */
export function compileJuelNode(source: string, node: JuelNode, rules: JuelRules = plainJuelRules): JuelEvaluator {
  const compile = (child: JuelNode): JuelEvaluator => compileJuelNode(source, child, rules);
  const special = rules.special?.(source, node, compile);
  if (special !== undefined) return special;
  switch (node.kind) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'variable':
      return rules.variable(source, node.name);
    case 'member': {
      const object = compile(node.object);
      if (node.property.kind === 'literal') {
        const key = node.property.value;
        return (context) => readMember(object(context), key);
      }
      const property = compile(node.property);
      return (context) => readMember(object(context), property(context));
    }
    case 'call':
      throw invalidExpression(source, `calls to '${node.callee.join('.')}' are not supported`);
    case 'unary': {
      const operand = compile(node.operand);
      if (node.operator === '!') return (context) => !toBoolean(operand(context));
      if (node.operator === 'empty') return (context) => isEmpty(operand(context));
      return (context) => finite(0 - toNumber(operand(context)));
    }
    case 'conditional': {
      const test = compile(node.test);
      const consequent = compile(node.consequent);
      const alternate = compile(node.alternate);
      return (context) => (toBoolean(test(context)) ? consequent(context) : alternate(context));
    }
    case 'binary':
      return compileBinary(node.operator, compile(node.left), compile(node.right));
  }
}

function compileBinary(operator: JuelBinaryOperator, left: JuelEvaluator, right: JuelEvaluator): JuelEvaluator {
  switch (operator) {
    case '&&':
      return (context) => toBoolean(left(context)) && toBoolean(right(context));
    case '||':
      return (context) => toBoolean(left(context)) || toBoolean(right(context));
    case '==':
      return (context) => juelEquals(left(context), right(context));
    case '!=':
      return (context) => !juelEquals(left(context), right(context));
    case '<':
      return (context) => juelCompare(left(context), right(context)) === -1;
    case '>':
      return (context) => juelCompare(left(context), right(context)) === 1;
    case '<=':
      return (context) => lessOrEqual(left(context), right(context));
    case '>=':
      return (context) => lessOrEqual(right(context), left(context));
    case '+':
      return (context) => finite(toNumber(left(context)) + toNumber(right(context)));
    case '-':
      return (context) => finite(toNumber(left(context)) - toNumber(right(context)));
    case '*':
      return (context) => finite(toNumber(left(context)) * toNumber(right(context)));
    case '/':
      return (context) => finite(toNumber(left(context)) / nonZero(toNumber(right(context))));
    case '%':
      return (context) => finite(toNumber(left(context)) % nonZero(toNumber(right(context))));
  }
}

function lessOrEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  const order = juelCompare(left, right);
  return order === -1 || order === 0;
}

function nonZero(divisor: number): number {
  if (divisor === 0) throw new JuelCoercionError('division by zero');
  return divisor;
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new JuelCoercionError(`arithmetic result ${String(value)} is not a finite number`);
  return value;
}

/**
 * Reads `target.key` / `target[key]`: only own properties of plain objects, list items by index, and the
 * `length` of lists and texts. Anything else (prototypes, `constructor`, functions, class instances) is
 * unreachable: a missing own property of an object is null, any other read fails.
 */
export function readMember(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) return null;
  if (Array.isArray(target)) {
    if (key === 'length') return target.length;
    const index = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : Number.NaN;
    if (!Number.isInteger(index)) throw new JuelCoercionError(`cannot read ${describeKey(key)} of a list`);
    return index >= 0 && index < target.length ? (target[index] ?? null) : null;
  }
  if (typeof target === 'string') {
    if (key === 'length') return target.length;
    throw new JuelCoercionError(`cannot read ${describeKey(key)} of a text`);
  }
  if (isPlainObject(target)) {
    if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
      throw new JuelCoercionError('an object property name must be a text or a number');
    }
    const name = String(key);
    return Object.hasOwn(target, name) ? (target[name] ?? null) : null;
  }
  throw new JuelCoercionError(`cannot read ${describeKey(key)} of ${typeof target === 'object' ? 'a non-plain object' : `a ${typeof target}`}`);
}

function describeKey(key: unknown): string {
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean' ? `'${String(key)}'` : `a ${typeof key} key`;
}
