import type { VariableLookup } from './compile-expression.js';
import { failedExpression } from './expression-errors.js';
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

/** A compiled JUEL node: reads variables, returns a value, throws on failure (never runs user code). */
export type JuelEvaluator = (variables: VariableLookup) => unknown;

/**
 * Compiles a JUEL syntax tree to nested closures, once per expression. Unknown variables throw
 * EXPRESSION_FAILED (Camunda's PropertyNotFoundException); coercion problems throw a JuelCoercionError
 * that the caller reports as EXPRESSION_FAILED.
 */
export function compileJuelNode(source: string, node: JuelNode): JuelEvaluator {
  switch (node.kind) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'variable': {
      const name = node.name;
      return (variables) => {
        if (!Object.hasOwn(variables, name)) throw failedExpression(source, `unknown variable '${name}'`);
        return variables[name] ?? null;
      };
    }
    case 'member': {
      const object = compileJuelNode(source, node.object);
      if (node.property.kind === 'literal') {
        const key = node.property.value;
        return (variables) => readMember(object(variables), key);
      }
      const property = compileJuelNode(source, node.property);
      return (variables) => readMember(object(variables), property(variables));
    }
    case 'unary': {
      const operand = compileJuelNode(source, node.operand);
      if (node.operator === '!') return (variables) => !toBoolean(operand(variables));
      if (node.operator === 'empty') return (variables) => isEmpty(operand(variables));
      return (variables) => finite(0 - toNumber(operand(variables)));
    }
    case 'conditional': {
      const test = compileJuelNode(source, node.test);
      const consequent = compileJuelNode(source, node.consequent);
      const alternate = compileJuelNode(source, node.alternate);
      return (variables) => (toBoolean(test(variables)) ? consequent(variables) : alternate(variables));
    }
    case 'binary':
      return compileBinary(node.operator, compileJuelNode(source, node.left), compileJuelNode(source, node.right));
  }
}

function compileBinary(operator: JuelBinaryOperator, left: JuelEvaluator, right: JuelEvaluator): JuelEvaluator {
  switch (operator) {
    case '&&':
      return (variables) => toBoolean(left(variables)) && toBoolean(right(variables));
    case '||':
      return (variables) => toBoolean(left(variables)) || toBoolean(right(variables));
    case '==':
      return (variables) => juelEquals(left(variables), right(variables));
    case '!=':
      return (variables) => !juelEquals(left(variables), right(variables));
    case '<':
      return (variables) => juelCompare(left(variables), right(variables)) === -1;
    case '>':
      return (variables) => juelCompare(left(variables), right(variables)) === 1;
    case '<=':
      return (variables) => lessOrEqual(left(variables), right(variables));
    case '>=':
      return (variables) => lessOrEqual(right(variables), left(variables));
    case '+':
      return (variables) => finite(toNumber(left(variables)) + toNumber(right(variables)));
    case '-':
      return (variables) => finite(toNumber(left(variables)) - toNumber(right(variables)));
    case '*':
      return (variables) => finite(toNumber(left(variables)) * toNumber(right(variables)));
    case '/':
      return (variables) => finite(toNumber(left(variables)) / nonZero(toNumber(right(variables))));
    case '%':
      return (variables) => finite(toNumber(left(variables)) % nonZero(toNumber(right(variables))));
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
