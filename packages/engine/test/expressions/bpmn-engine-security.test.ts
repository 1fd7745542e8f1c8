import { describe, expect, it, vi } from 'vitest';
import { compileExpression } from '../../src/expressions/compile-expression.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const failed = expect.objectContaining({ code: 'EXPRESSION_FAILED' });
const run = (source: string, variables: Record<string, unknown>, functions?: Record<string, (...args: unknown[]) => unknown>) =>
  compileExpression(source).evaluate(variables, functions);

describe('bpmn-engine expressions cannot reach JavaScript', () => {
  it.each([
    '${environment.constructor}',
    "${environment.output.x + environment['constructor']}",
    '${environment.__proto__}',
    '${content.constructor.constructor}',
  ])('refuses %s at compile time', (source) => {
    // when / then
    expect(() => compileExpression(source)).toThrow(invalid);
  });

  it.each([
    "${environment.services['compare'](1)}",
    '${environment["services"].compare(1)}',
    '${(environment.services.compare)(1)}',
    '${environment.services.compare(1)(2)}',
    '${environment.services.compare.call(1)}',
    '${environment.services(1)}',
    '${environment.output.a.b()}',
    '${environment.variables.constructor.constructor("return process")()}',
    '${environment.output.x == a.b()}',
    '${services.compare(1)}',
    '${environment(1)}',
    '${ns:compare(environment.output.x)}',
  ])('refuses the call %s at compile time', (source) => {
    // when / then
    expect(() => compileExpression(source)).toThrow(invalid);
  });

  it("reads ${environment['constructor']} (plain JUEL, not bpmn-engine) as an ordinary variable path", () => {
    // when / then: no such variable, or no such own property
    expect(() => run("${environment['constructor']}", {})).toThrow(failed);
    expect(run("${environment['constructor']}", { environment: {} })).toBeNull();
  });

  it('still refuses every call in plain JUEL, even with functions at hand', () => {
    // when / then
    expect(() => compileExpression('${a.b()}')).toThrow(invalid);
    expect(() => compileExpression('#{environment.services.compare(1)}')).toThrow(invalid);
  });

  it('treats a call written after the closing brace as literal text', () => {
    // given
    const x = vi.fn(() => 'called');
    // when
    const result = run('${environment.services.x}(1)', {}, { x });
    // then
    expect(result).toBe('x(1)');
    expect(x).not.toHaveBeenCalled();
  });

  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'])(
    'finds no inherited function named %s in the functions table',
    (name) => {
      // when / then
      expect(() => run(`\${environment.services.${name}(1)}`, {}, {})).toThrow(failed);
      expect(() => run(`\${environment.services.${name}(1)}`, {})).toThrow(failed);
    },
  );

  it('does not call a table entry that is not a function', () => {
    // given a table that breaks its type
    const functions = { notAFunction: 42 } as unknown as Record<string, (...args: unknown[]) => unknown>;
    // when / then
    expect(() => run('${environment.services.notAFunction()}', {}, functions)).toThrow(failed);
  });

  it('calls the function without a receiver', () => {
    // given
    let receiver: unknown = 'unset';
    const functions = {
      who(this: unknown) {
        receiver = this;
        return 1;
      },
    };
    // when
    run('${environment.services.who()}', {}, functions);
    // then
    expect(receiver).toBeUndefined();
  });

  it.each([
    ['a function', () => () => 'secret'],
    ['a class instance', () => new Date(0)],
    ['a promise', () => Promise.resolve(1)],
    ['an object holding a function', () => ({ run: () => 1 })],
    ['a non-finite number', () => Number.POSITIVE_INFINITY],
  ])('fails when a function returns %s', (_, fn) => {
    // when / then
    expect(() => run('${environment.services.fn()}', {}, { fn })).toThrow(failed);
    expect(() => run('value: ${environment.services.fn()}', {}, { fn })).toThrow(failed);
  });

  it('never passes a function or class instance from the variables to a host function', () => {
    // given variables that break the JSON-only contract
    const spy = vi.fn(() => 1);
    const variables = { fn: () => 'secret', when: new Date(0) };
    // when / then
    expect(() => run('${environment.services.spy(environment.output.fn)}', variables, { spy })).toThrow(failed);
    expect(() => run('${environment.services.spy(environment.output.when)}', variables, { spy })).toThrow(failed);
    expect(spy).not.toHaveBeenCalled();
  });

  it('reads no inherited property through the roots', () => {
    // given
    const variables = { a: { b: 1 } };
    // when / then
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(run(`\${environment.output.${name}}`, variables)).toBeNull();
      expect(run(`\${environment.variables['${name}']}`, variables)).toBeNull();
      expect(run(`\${content.output.a.${name}}`, variables)).toBeNull();
    }
  });

  it('cannot read into the text a service name evaluates to', () => {
    // when / then
    expect(() => run('${environment.services.x.constructor}', {})).toThrow(failed);
    expect(run('${environment.services.x.length}', {})).toBe(1);
  });
});
