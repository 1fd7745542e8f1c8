import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expressions/compile-expression.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const failed = expect.objectContaining({ code: 'EXPRESSION_FAILED' });
const run = (source: string, variables: Record<string, unknown>) => compileExpression(source).evaluate(variables);

describe('JUEL cannot reach JavaScript', () => {
  it('rejects the classic constructor escape at compile time, as a call', () => {
    // given
    const escape = "${''.constructor.constructor('return process')()}";
    // when / then
    expect(() => compileExpression(escape)).toThrow(invalid);
    expect(() => compileExpression(escape)).toThrow(expect.objectContaining({ message: expect.stringContaining('calls are not supported') }));
  });

  it.each(['${a.b()}', '${fn(x)}', '${ns:fn(x)}', '${a["b"]()}', '${(a)(1)}'])('rejects the call %s at compile time', (source) => {
    // when / then
    expect(() => compileExpression(source)).toThrow(invalid);
  });

  it('reads no inherited property of a plain object', () => {
    // given
    const variables = { a: { b: 1 } };
    // when / then: only own properties are visible
    for (const name of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(run(`\${a.${name}}`, variables)).toBeNull();
      expect(run(`\${a['${name}']}`, variables)).toBeNull();
    }
    expect(run("${a['constructor']['constructor']}", variables)).toBeNull();
  });

  it('reads nothing but length from texts and lists', () => {
    // given
    const variables = { s: 'abc', list: [1] };
    // when / then
    expect(() => run("${''.constructor}", variables)).toThrow(failed);
    expect(() => run('${s.constructor}', variables)).toThrow(failed);
    expect(() => run("${s['__proto__']}", variables)).toThrow(failed);
    expect(() => run('${list.constructor}', variables)).toThrow(failed);
    expect(() => run('${list.map}', variables)).toThrow(failed);
    expect(() => run('${(1).constructor}', variables)).toThrow(failed);
    expect(run('${s.length + list.length}', variables)).toBe(4);
  });

  it('never hands out a function or class instance that a host put into the variables', () => {
    // given variables that break the JSON-only contract
    const variables = { fn: () => 'secret', when: new Date(0), holder: { fn: () => 1 }, map: new Map([['a', 1]]) };
    // when / then
    expect(() => run('${fn}', variables)).toThrow(failed);
    expect(() => run('${fn.name}', variables)).toThrow(failed);
    expect(() => run('${when}', variables)).toThrow(failed);
    expect(() => run('${when.getTime}', variables)).toThrow(failed);
    expect(() => run('${holder}', variables)).toThrow(failed);
    expect(() => run('${map.size}', variables)).toThrow(failed);
  });

  it('returns a copy, so a result never aliases the variables', () => {
    // given
    const variables = { order: { lines: [1, 2] } };
    // when
    const result = run('${order}', variables) as { lines: number[] };
    result.lines.push(3);
    // then
    expect(variables.order.lines).toEqual([1, 2]);
  });

  it('keeps an own __proto__ key as data without touching prototypes', () => {
    // given a JSON object with an own "__proto__" key
    const variables = JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as Record<string, unknown>;
    // when
    const result = run('${a}', variables) as Record<string, unknown>;
    // then
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
