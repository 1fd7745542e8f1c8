import { describe, expect, it } from 'vitest';
import { FeelRange } from 'feelin';
import { compileExpression } from '../../src/expressions/compile-expression.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const failed = expect.objectContaining({ code: 'EXPRESSION_FAILED' });
const run = (source: string, variables: Record<string, unknown> = {}) => compileExpression(source).evaluate(variables);

describe('FEEL cannot reach JavaScript', () => {
  it('sees no inherited property of a plain-object variable', () => {
    // given
    const variables = { x: { a: 1 }, s: 'text', list: [1] };
    // when / then
    expect(run('= x.constructor', variables)).toBeNull();
    expect(run('= x.__proto__', variables)).toBeNull();
    expect(run('= x.toString', variables)).toBeNull();
    expect(run('= "".constructor', variables)).toBeNull();
    expect(run('= s.constructor', variables)).toBeNull();
    expect(run('= x.constructor.constructor', variables)).toBeNull();
  });

  it('fails rather than return a function or a non-plain object', () => {
    // when / then: builtins, their prototypes and feelin internals are not values
    expect(() => run('= count')).toThrow(failed);
    expect(() => run('= count.prototype')).toThrow(failed);
    expect(() => run('= count.prototype.constructor')).toThrow(failed);
    expect(() => run('= date("2024-01-01").value')).toThrow(failed);
    expect(() => run('= [1..3]')).toThrow(failed);
  });

  it('hides functions and class instances a host put into the variables', () => {
    // given variables that break the JSON-only contract
    const calls: string[] = [];
    const variables = { fn: (x: string) => calls.push(x), holder: { fn: () => calls.push('nested') }, when: new Date(0) };
    // when
    const results = ['= fn', '= fn("x")', '= holder.fn()', '= when'].map((source) => run(source, variables));
    // then
    expect(results).toEqual([null, null, null, null]);
    expect(calls).toEqual([]);
  });

  it('rejects user-defined functions, which could recurse without bound', () => {
    // when / then
    expect(() => compileExpression('= {f: function(n) f(n)}.f(1)')).toThrow(invalid);
    expect(() => compileExpression('= (function(g) g(g))(function(g) g(g))')).toThrow(invalid);
    expect(() => compileExpression('= sort([function(g) g(g), 1], function(a, b) a(a))')).toThrow(invalid);
    expect(() => compileExpression('= sort(list, function(a, b) a < b, function(c) c)')).toThrow(invalid);
    expect(() => compileExpression('= other(list, function(a, b) a < b)')).toThrow(invalid);
  });

  it('allows an anonymous comparator for sort', () => {
    // given
    const variables = { list: [3, 1, 2] };
    // when / then
    expect(run('= sort(list, function(a, b) a > b)', variables)).toEqual([3, 2, 1]);
    expect(run('= sort(list: list, precedes: function(x, y) x < y)', variables)).toEqual([1, 2, 3]);
  });

  it('cannot pollute Object.prototype through context keys', () => {
    // when
    const attempts = [
      '= {"__proto__": {polluted: true}}',
      '= context put({}, "__proto__", {polluted: true})',
      '= context merge([{}, {"__proto__": {polluted: true}}])',
      '= context([{key: "__proto__", value: {polluted: true}}])',
    ].map((source) => {
      try {
        return compileExpression(source).evaluate({});
      } catch {
        return 'failed';
      }
    });
    // then
    expect(attempts).toHaveLength(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('FEEL cost bounds', () => {
  it('rejects a literal range over 100,000 elements at compile time', () => {
    // when / then
    expect(() => compileExpression('= for i in 1..1000000000 return i')).toThrow(invalid);
    expect(() => compileExpression('= some i in [0..200000] satisfies i > 1')).toThrow(invalid);
    expect(run('= count(for i in 1..100000 return i)')).toBe(100_000);
  });

  it('rejects a literal range with fractional bounds, which feelin would loop over forever', () => {
    // when / then
    expect(() => compileExpression('= for i in 1..1.5 return i')).toThrow(invalid);
  });

  it('stops a range sized by a variable at run time', () => {
    // given
    const loop = compileExpression('= for i in 1..n return i');
    // when / then
    expect(loop.evaluate({ n: 3 })).toEqual([1, 2, 3]);
    expect(() => loop.evaluate({ n: 1_000_000_000 })).toThrow(failed);
    expect(() => loop.evaluate({ n: 2.5 })).toThrow(failed);
  });

  it('caps the total of nested range iterations in one evaluation', () => {
    // given 100,000 x 20 elements, each range within its own limit
    const nested = compileExpression('= count(for i in 1..n return for j in 1..100000 return j)');
    // when / then
    expect(() => nested.evaluate({ n: 20 })).toThrow(failed);
    expect(nested.evaluate({ n: 2 })).toBe(2);
  });

  it('leaves ranges untouched outside an engine evaluation', () => {
    // given a range created by another user of feelin
    const range = new FeelRange({ start: 1, end: 200_000, 'start included': true, 'end included': true, valueType: 'number' });
    // when / then
    expect(range.map((value: unknown) => value)).toHaveLength(200_000);
  });
});
