import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expressions/compile-expression.js';
import { isBuiltinName } from '../../src/expressions/feel-compile.js';
import { NEEDS_FEELIN } from '../../src/expressions/feel-fast-operators.js';
import { compileFeelFastPath } from '../../src/expressions/feel-fast-path.js';

/** Expressions inside the fast-path subset. */
const SUBSET = [
  'amount > 1000', 'amount >= 5000', 'amount < 1000', 'amount <= 4999.5', 'amount = 5000', 'amount != 5000',
  'region = "eu"', 'region != "us"', 'region < "fr"', 'name > "Ann"', 'emptyText = ""',
  'amount + 1', 'amount - 1', 'amount * 2', 'amount / 4', 'amount / zero', 'a / b', '10 / 4', '0.1 + 0.2', '.5 + 1', '1.25 * 4',
  'a - b - c', '2 * 3 + 4 * 5', '(a + b) * c', 'big * big', '-a', '- a', '-5', '-0', '0 - 0', '1 - 5', '2 * -5', '-.5', '-(a)', '- -a', '-x.a',
  'x.a', 'x.b.c', 'x.missing', 'x.missing.deeper', 'x', 'list', 'n.a', 'flag.a', 'amount.a', 's.length', 'list.length', '(x).a',
  'missing', 'missing > 1', 'missing = null', 'n = null', 'n != null', 'n > 1', 'n + 1', 'null = null', 'null < 1',
  'flag and other', 'flag or other', 'flag and n', 'n or flag', 'n and false', 'false and n', 'n or false', 'flag and 1',
  'not(flag)', 'not(n)', 'not(amount)', 'not(flag and other)', 'flag = true', 'flag != false',
  '"a" + "b"', '"a" + 1', '1 + "a"', 'region + amount', 'true = 1', '1 = 1.0', '"5" = 5', 'list = 1', 'x = x', 'x = 1',
  'amount > 1000 and region = "eu"', 'amount > 1000 or region = "us"', 'x.a > 0 and (x.b.c = "deep" or flag)',
  'count', 'count > 1', 'sum', 'true', 'false', 'null', '"text"', 'a-b', 'a - b', 'true < false', 'flag > other',
];

const NORMAL = {
  amount: 5000, region: 'eu', name: 'Bob', a: 7, b: 2, c: 3, zero: 0, x: { a: 1, b: { c: 'deep' } }, n: null,
  flag: true, other: false, list: [1, 2], s: 'abc', big: 1e200, emptyText: '',
};

const VARIABLE_SETS: Record<string, Record<string, unknown>> = {
  normal: NORMAL,
  'keys that join tokens': { ...NORMAL, 'a-b': 99, 'a - b': 98, 'x.a': 'dotted', 'amount ': 1, 'region x': 2, ' missing': 42, not: 5, count: 3 },
  'nested keys that join tokens': { ...NORMAL, x: { a: 1, 'a.b': 2, 'b ': { c: 1 }, b: { 'c-d': 1, c: 'deep' } } },
  'undefined values': { ...NORMAL, amount: undefined, x: { a: undefined } },
  'other types': { amount: '5000', a: '7', b: 2, c: [3], region: 5, flag: 'true', other: 0, n: 0, x: [{ a: 1 }, { a: 2 }], list: { a: 1 } },
  empty: {},
};

/** In the normal variables these must be answered without feelin. */
const MUST_STAY_FAST = SUBSET.filter((source) => !['count', 'count > 1', 'sum', 'not', 'list = 1', 'x = x', 'x = 1', 'true < false', 'flag > other', 'list.length'].includes(source));

function viaFastPath(body: string, variables: Record<string, unknown>): unknown {
  const fast = compileFeelFastPath(body, isBuiltinName);
  if (fast === undefined) throw new Error(`'${body}' is not in the fast-path subset`);
  try {
    return { value: fast(variables) };
  } catch (error) {
    if (error === NEEDS_FEELIN) return 'fell back to feelin';
    return 'error';
  }
}

function viaFeelin(body: string, variables: Record<string, unknown>): unknown {
  try {
    return { value: evaluate(body, variables).value };
  } catch {
    return 'error';
  }
}

describe('FEEL fast path', () => {
  it('covers every expression of the subset', () => {
    // when / then
    for (const body of SUBSET) expect(compileFeelFastPath(body, isBuiltinName), body).toBeDefined();
  });

  it.each(['a ** 2', 'x in [1..2]', 'if a then b else c', 'list[1]', '"a\\"b"', 'a // comment', 'date("2024-01-01")', '1 < 2 < 3', '`a b` > 1', 'a between 1 and 2', 'count(list)', '1e3', 'not(a, b)'])(
    'leaves %s to feelin',
    (body) => {
      // when / then
      expect(compileFeelFastPath(body, isBuiltinName)).toBeUndefined();
    },
  );

  it.each(Object.entries(VARIABLE_SETS))('agrees with feelin on every subset expression, with %s variables', (_name, variables) => {
    // given each expression of the subset
    for (const body of SUBSET) {
      // when
      const fast = viaFastPath(body, variables);
      // then the fast path either hands over to feelin or gives feelin's exact answer (+0 and -0 differ)
      if (fast !== 'fell back to feelin') expect(fast, body).toEqual(viaFeelin(body, variables));
    }
  });

  it('answers common expressions without feelin', () => {
    // when / then
    for (const body of MUST_STAY_FAST) expect(viaFastPath(body, NORMAL), body).not.toBe('fell back to feelin');
  });

  it('gives the same result through compileExpression whichever path runs', () => {
    // given every subset expression and every variable set
    for (const variables of Object.values(VARIABLE_SETS)) {
      for (const body of SUBSET) {
        // when
        const engine = outcome(() => compileExpression(`= ${body}`).evaluate(variables));
        const feelin = viaFeelin(body, variables);
        // then: where feelin returns a plain value, the engine returns it too
        if (typeof feelin === 'object' && feelin !== null && isPlain((feelin as { value: unknown }).value)) {
          expect(engine, `${body} with ${JSON.stringify(variables)}`).toEqual(feelin);
        }
      }
    }
  });
});

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return (error as { code?: string }).code ?? 'error';
  }
}

function isPlain(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlain);
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlain);
}

describe('FEEL fast path on broken text', () => {
  it.each(['a +', '(a', 'not(', '-', 'a.', '', 'a = ', 'and'])('declines %j instead of throwing', (body) => {
    // when / then: feelin's syntax check reports these; the fast path just stays out of the way
    expect(compileFeelFastPath(body, isBuiltinName)).toBeUndefined();
  });
});
