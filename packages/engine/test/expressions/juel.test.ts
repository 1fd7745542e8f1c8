import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expressions/compile-expression.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const failed = expect.objectContaining({ code: 'EXPRESSION_FAILED' });
const run = (source: string, variables: Record<string, unknown> = {}) => compileExpression(source).evaluate(variables);

describe('JUEL literals and variables', () => {
  it.each([
    ['${42}', 42],
    ['${-4.5}', -4.5],
    ['${1.5e3}', 1500],
    ['${.5}', 0.5],
    ["${'it\\'s'}", "it's"],
    ['${"say \\"hi\\""}', 'say "hi"'],
    ['${"back\\\\slash"}', 'back\\slash'],
    ['${"keep\\n"}', 'keep\\n'],
    ['${true}', true],
    ['${false}', false],
    ['${null}', null],
  ])('evaluates %s', (source, expected) => {
    // when / then
    expect(run(source)).toEqual(expected);
  });

  it('reads variables and property paths', () => {
    // given
    const variables = { order: { lines: [{ sku: 'A' }, { sku: 'B' }], 'ship-to': { city: 'Pune' } }, i: 1 };
    // when / then
    expect(run('${order.lines[1].sku}', variables)).toBe('B');
    expect(run("${order['ship-to'].city}", variables)).toBe('Pune');
    expect(run('${order.lines[i].sku}', variables)).toBe('B');
    expect(run("${order.lines['0'].sku}", variables)).toBe('A');
    expect(run('${order.lines.length}', variables)).toBe(2);
    expect(run('${order.lines[5]}', variables)).toBeNull();
    expect(run('${order.missing}', variables)).toBeNull();
    expect(run('${order.missing.deeper}', variables)).toBeNull();
  });

  it('returns the raw value of a single ${...}, even with whitespace around it', () => {
    // given
    const variables = { approved: true, items: [1, 2] };
    // when / then
    expect(run('${approved}', variables)).toBe(true);
    expect(run('\n  ${approved}\n', variables)).toBe(true);
    expect(run('#{items}', variables)).toEqual([1, 2]);
  });

  it('fails on an unknown variable like Camunda (PropertyNotFoundException)', () => {
    // when / then
    expect(() => run('${nobody}', { somebody: 1 })).toThrow(failed);
    expect(() => run('${nobody}', { somebody: 1 })).toThrow(expect.objectContaining({ details: { source: '${nobody}' } }));
  });

  it('treats a variable holding null as null, not as unknown', () => {
    // when / then
    expect(run('${x}', { x: null })).toBeNull();
    expect(run('${empty x}', { x: null })).toBe(true);
  });
});

describe('JUEL operators', () => {
  const variables = { a: 7, b: 2, s: 'abc', n: null, yes: true, list: [], obj: {} };

  it.each([
    ['${a + b}', 9],
    ['${a - b}', 5],
    ['${a * b}', 14],
    ['${a / b}', 3.5],
    ['${a div b}', 3.5],
    ['${a % b}', 1],
    ['${a mod b}', 1],
    ['${-a}', -7],
    ['${a + b * 2}', 11],
    ['${(a + b) * 2}', 18],
    ['${a > b}', true],
    ['${a gt b}', true],
    ['${a < b}', false],
    ['${a lt b}', false],
    ['${a >= 7}', true],
    ['${a ge 8}', false],
    ['${a <= 7}', true],
    ['${a le 6}', false],
    ['${a == 7}', true],
    ['${a eq 7}', true],
    ['${a != 7}', false],
    ['${a ne 7}', false],
    ['${yes && a > 1}', true],
    ['${yes and a > 9}', false],
    ['${a > 9 || yes}', true],
    ['${a > 9 or false}', false],
    ['${!yes}', false],
    ['${not yes}', false],
    ['${a > b ? "big" : "small"}', 'big'],
    ['${a < b ? "big" : b > 1 ? "mid" : "small"}', 'mid'],
    ['${empty n}', true],
    ['${empty s}', false],
    ["${empty ''}", true],
    ['${empty list}', true],
    ['${empty obj}', true],
    ['${not empty s}', true],
    ['${s == "abc"}', true],
    ['${s < "abd"}', true],
  ])('evaluates %s', (source, expected) => {
    // when / then
    expect(run(source, variables)).toEqual(expected);
  });

  it('short-circuits && and || so the right side is not evaluated', () => {
    // given a right side that would fail on the unknown variable
    // when / then
    expect(run('${false && unknown}')).toBe(false);
    expect(run('${true || unknown}')).toBe(true);
  });
});

describe('JUEL coercion', () => {
  it.each([
    ['${"5" == 5}', true],
    ['${5 == "5.0"}', true],
    ['${"10" > 9}', true],
    ['${"10" > "9"}', false],
    ['${"2" + 3}', 5],
    ['${n + 1}', 1],
    ['${n == null}', true],
    ['${n == 0}', false],
    ['${n < 1}', false],
    ['${n <= n}', true],
    ['${yes == "TRUE"}', true],
    ['${"true" && yes}', true],
    ['${n || false}', false],
    ['${x == y}', true],
    ['${x == z}', false],
  ])('evaluates %s', (source, expected) => {
    // given
    const variables = { n: null, yes: true, x: { a: [1, { b: 2 }] }, y: { a: [1, { b: 2 }] }, z: { a: [1] } };
    // when / then
    expect(run(source, variables)).toEqual(expected);
  });

  it.each(['${true.x}', '${"abc" == 5}', '${"abc" + 1}', '${true + 1}', '${1 / 0}', '${1 % 0}', '${5 > true}', '${list == "x"}', '${list && true}', '${list ? 1 : 2}'])(
    'fails %s with EXPRESSION_FAILED',
    (source) => {
      // when / then
      expect(() => run(source, { list: [1] })).toThrow(failed);
    },
  );
});

describe('JUEL templates', () => {
  it('joins literal text and values, with null as empty text', () => {
    // given
    const variables = { id: 42, customer: { name: 'Ann' }, note: null, tags: ['a', 'b'], ok: true };
    // when / then
    expect(run('Order ${id} for ${customer.name}${note}', variables)).toBe('Order 42 for Ann');
    expect(run('${id}-${ok}', variables)).toBe('42-true');
    expect(run('tags: ${tags}', variables)).toBe('tags: ["a","b"]');
    expect(run('#{id}/${id}', variables)).toBe('42/42');
    expect(run(' ${id} ${id} ', variables)).toBe(' 42 42 ');
  });

  it('keeps an escaped \\${ as literal text', () => {
    // when / then
    expect(run('cost: \\${price} is ${price}', { price: 3 })).toBe('cost: ${price} is 3');
  });

  it('handles a } inside a string literal', () => {
    // when / then
    expect(run('[${x == "}" ? "brace" : "other"}]', { x: '}' })).toBe('[brace]');
  });
});

describe('JUEL syntax errors', () => {
  it.each(['${}', '${a +}', '${(a}', '${a b}', '${a', "${'open}", '${a = 1}', '${a ? b}', '${1.}', '${a.}', '${a @ b}', '${a instanceof b}'])(
    'rejects %s with EXPRESSION_INVALID',
    (source) => {
      // when / then
      expect(() => compileExpression(source)).toThrow(invalid);
    },
  );

  it('reports where the problem is', () => {
    // when / then
    expect(() => compileExpression('${a + }')).toThrow(expect.objectContaining({ details: { source: '${a + }', position: 6 } }));
  });
});
