import { describe, expect, it } from 'vitest';
import {
  compileCached,
  evaluateCondition,
  evaluateExpression,
  evaluateString,
  evaluateStringList,
} from '../../src/expressions/evaluate.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const failed = expect.objectContaining({ code: 'EXPRESSION_FAILED' });

describe('evaluateExpression', () => {
  it('evaluates each dialect', () => {
    // given
    const variables = { total: 21, id: 'A-1' };
    // when / then
    expect(evaluateExpression('= total * 2', variables)).toBe(42);
    expect(evaluateExpression('${total * 2}', variables)).toBe(42);
    expect(evaluateExpression('order-${id}', variables)).toBe('order-A-1');
    expect(evaluateExpression('PT1H', variables)).toBe('PT1H');
  });

  it('compiles each source once', () => {
    // given
    const source = '= total > 1';
    // when
    const first = compileCached(source);
    evaluateExpression(source, { total: 2 });
    // then
    expect(compileCached(source)).toBe(first);
  });

  it('throws EXPRESSION_INVALID for bad text and EXPRESSION_FAILED with the source for a failed run', () => {
    // when / then
    expect(() => evaluateExpression('= total >', {})).toThrow(invalid);
    expect(() => evaluateExpression('${nope}', {})).toThrow(expect.objectContaining({ code: 'EXPRESSION_FAILED', details: { source: '${nope}' } }));
  });
});

describe('evaluateCondition', () => {
  it('returns booleans from FEEL and JUEL', () => {
    // given
    const variables = { amount: 1500 };
    // when / then
    expect(evaluateCondition('= amount > 1000', variables)).toBe(true);
    expect(evaluateCondition('${amount < 1000}', variables)).toBe(false);
  });

  it.each([
    ['= amount', { amount: 1 }],
    ['= missing > 1', {}],
    ['= "true"', {}],
    ['${amount}', { amount: 1 }],
    ['true', {}],
  ])('fails %s with EXPRESSION_FAILED because the result is not a boolean', (source, variables) => {
    // when / then
    expect(() => evaluateCondition(source, variables)).toThrow(failed);
  });
});

describe('evaluateString', () => {
  it('turns values into text and null into undefined', () => {
    // given
    const variables = { name: 'ann', n: 7, ok: false, none: null };
    // when / then
    expect(evaluateString('= name', variables)).toBe('ann');
    expect(evaluateString('= n', variables)).toBe('7');
    expect(evaluateString('${ok}', variables)).toBe('false');
    expect(evaluateString('= none', variables)).toBeUndefined();
    expect(evaluateString('= missing', variables)).toBeUndefined();
    expect(evaluateString('demo', variables)).toBe('demo');
  });

  it.each(['= [1]', '= {a: 1}'])('fails %s with EXPRESSION_FAILED', (source) => {
    // when / then
    expect(() => evaluateString(source, {})).toThrow(failed);
  });
});

describe('evaluateStringList', () => {
  it('accepts lists and comma-separated text', () => {
    // given
    const variables = { groups: ['sales', 'support'], csv: 'a, b,,c ', ids: [1, 2] };
    // when / then
    expect(evaluateStringList('= groups', variables)).toEqual(['sales', 'support']);
    expect(evaluateStringList('= ["x", "y"]', variables)).toEqual(['x', 'y']);
    expect(evaluateStringList('${groups}', variables)).toEqual(['sales', 'support']);
    expect(evaluateStringList('= csv', variables)).toEqual(['a', 'b', 'c']);
    expect(evaluateStringList('sales, support', variables)).toEqual(['sales', 'support']);
    expect(evaluateStringList('= ids', variables)).toEqual(['1', '2']);
  });

  it('gives [] for null and empty text', () => {
    // when / then
    expect(evaluateStringList('= missing', {})).toEqual([]);
    expect(evaluateStringList('', {})).toEqual([]);
    expect(evaluateStringList(' , ', {})).toEqual([]);
  });

  it.each(['= {a: 1}', '= [{a: 1}]', '= [null]'])('fails %s with EXPRESSION_FAILED', (source) => {
    // when / then
    expect(() => evaluateStringList(source, {})).toThrow(failed);
  });
});
