import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expressions/compile-expression.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const run = (source: string, variables: Record<string, unknown> = {}) => compileExpression(source).evaluate(variables);

describe('FEEL syntax checked at compile time', () => {
  it.each(['= amount > 1000', '= if x then "a" else "b"', '= {a: 1}.a', '= count(list) > 2', '= "pay-" + region', '=x', '= some x in list satisfies x > 1'])(
    'accepts %s',
    (source) => {
      // when / then
      expect(compileExpression(source).dialect).toBe('feel');
    },
  );

  it.each(['= a >', '= (1 + ', '= ', '=', '= amount > 1000 garbage', '= [1, 2', '= {a: }', '= 1..3', '= "open', '= - 5', '= 2 * - 5'])(
    'rejects %j with EXPRESSION_INVALID',
    (source) => {
      // when / then
      expect(() => compileExpression(source)).toThrow(invalid);
    },
  );

  it('reports the position in the whole source', () => {
    // given the body starts after '  = '
    const source = '  = a >';
    // when / then
    expect(() => compileExpression(source)).toThrow(expect.objectContaining({ details: { source, position: 7 } }));
  });
});

describe('FEEL evaluation', () => {
  const variables = { amount: 5000, region: 'eu', x: true, list: [1, 2, 3], order: { customer: { tier: 'gold' } } };

  it.each([
    ['= amount > 1000', true],
    ['= if x then "a" else "b"', 'a'],
    ['= {a: 1}.a', 1],
    ['= count(list) > 2', true],
    ['= "pay-" + region', 'pay-eu'],
    ['= order.customer.tier', 'gold'],
    ['= for i in list return i * 2', [2, 4, 6]],
    ['= list[item > 1]', [2, 3]],
    ['= {total: amount, tags: ["a"]}', { total: 5000, tags: ['a'] }],
    ['= amount in [1000..9999]', true],
    ['= upper case(region)', 'EU'],
  ])('evaluates %s', (source, expected) => {
    // when / then
    expect(run(source, variables)).toEqual(expected);
  });

  it('gives null for an unknown variable, as Zeebe does', () => {
    // when / then
    expect(run('= missing', variables)).toBeNull();
    expect(run('= missing > 1', variables)).toBeNull();
    expect(run('= order.missing.deeper', variables)).toBeNull();
  });

  it('turns FEEL temporal values into ISO 8601 text', () => {
    // when / then
    expect(run('= date("2024-01-01")')).toBe('2024-01-01');
    expect(run('= date and time("2024-01-01T10:00:00Z")')).toBe('2024-01-01T10:00:00Z');
    expect(run('= date and time("2024-01-01T10:00:00+02:00")')).toBe('2024-01-01T10:00:00+02:00');
    expect(run('= time("10:30:00")')).toBe('10:30:00');
    expect(run('= duration("PT1H")')).toBe('PT1H');
    expect(run('= duration("P1DT2H30M")')).toBe('P1DT2H30M');
    expect(run('= duration("P1Y2M")')).toBe('P1Y2M');
    expect(run('= date("2024-01-31") + duration("P1M")')).toBe('2024-02-29');
    expect(run('= [date("2024-01-01"), {d: duration("PT5M")}]')).toEqual(['2024-01-01', { d: 'PT5M' }]);
  });

  it('returns a copy, so a result never aliases the variables', () => {
    // given
    const input = { order: { lines: [1, 2] } };
    // when
    const result = run('= order', input) as { lines: number[] };
    result.lines.push(3);
    // then
    expect(input.order.lines).toEqual([1, 2]);
  });
});

describe('FEEL now() and today() read the injected clock', () => {
  it('returns the engine time passed in, not the system time', async () => {
    const { evaluateExpression } = await import('../../src/expressions/evaluate.js');
    const at = Date.parse('2023-06-01T09:00:00Z');
    expect(evaluateExpression('= string(now())', {}, undefined, at)).toBe('2023-06-01T09:00:00Z');
    expect(evaluateExpression('= string(today())', {}, undefined, at)).toBe('2023-06-01');
    expect(evaluateExpression('= now() + duration("P1D")', {}, undefined, at)).toBe('2023-06-02T09:00:00Z');
  });
});
