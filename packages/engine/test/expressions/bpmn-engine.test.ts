import { describe, expect, it, vi } from 'vitest';
import { compileExpression, detectDialect, type ExpressionFunctions } from '../../src/expressions/compile-expression.js';
import { evaluateCondition, evaluateExpression, evaluateString, evaluateStringList } from '../../src/expressions/evaluate.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });
const failed = expect.objectContaining({ code: 'EXPRESSION_FAILED' });
const run = (source: string, variables: Record<string, unknown> = {}, functions?: ExpressionFunctions) =>
  compileExpression(source).evaluate(variables, functions);

describe('bpmn-engine dialect detection', () => {
  it.each([
    '${environment.variables.catchDate}',
    '${ environment.output.amount }',
    '${content.output.form.amount}',
    '${environment.services.compare(environment.output.areUSure,"Yes")}',
    'Amount: ${environment.output.amount} EUR',
    'Order ${orderId} of ${environment.output.customer}',
  ])('reads %s as bpmn-engine', (source) => {
    // when / then
    expect(detectDialect(source)).toBe('bpmn-engine');
    expect(compileExpression(source).dialect).toBe('bpmn-engine');
  });

  it.each([
    ['${amount > 10}', 'juel'],
    ['${environmentName}', 'juel'],
    ['${contentType.x}', 'juel'],
    ['#{environment.output.x}', 'juel'],
    ['${x} costs \\${environment.output.x}', 'juel'],
    ['${!environment.output.x}', 'juel'],
    ['= environment.output.x', 'feel'],
    ['environment.output.x', 'literal'],
  ])('reads %s as %s', (source, dialect) => {
    // when / then
    expect(detectDialect(source)).toBe(dialect);
  });
});

describe('bpmn-engine roots', () => {
  const variables = { catchDate: '2024-01-01', amount: 12, form: { amount: 3 }, areUSure: 'Yes' };

  it('reads environment.variables, environment.output and content.output as process variables', () => {
    // when / then
    expect(run('${environment.variables.catchDate}', variables)).toBe('2024-01-01');
    expect(run('${environment.output.amount}', variables)).toBe(12);
    expect(run('${content.output.form.amount}', variables)).toBe(3);
    expect(run("${environment.output['amount'] + content.output.form['amount']}", variables)).toBe(15);
    expect(run('${environment.output.amount > 10 && environment.variables.areUSure == "Yes"}', variables)).toBe(true);
  });

  it('returns a copy of the whole variables object for environment.variables', () => {
    // when
    const all = run('${environment.variables}', variables) as Record<string, unknown>;
    (all.form as Record<string, unknown>).amount = 99;
    // then
    expect(all).toEqual({ ...variables, form: { amount: 99 } });
    expect(variables.form.amount).toBe(3);
  });

  it('reads unknown variables as null instead of failing', () => {
    // when / then
    expect(run('${environment.output.missing}', variables)).toBeNull();
    expect(run('${environment.variables.missing.deeper}', variables)).toBeNull();
    expect(run('${content.output.nope == null}', variables)).toBe(true);
    expect(run('${environment.output.amount} and ${unknownBareName}', variables)).toBe('12 and ');
    expect(evaluateString('${environment.output.missing}', variables)).toBeUndefined();
  });

  it('reads environment.services.NAME without a call as the text NAME', () => {
    // when / then
    expect(run('${environment.services.compensate}')).toBe('compensate');
  });

  it.each([
    '${environment.settings.x}',
    '${content.input.x}',
    '${environment.services}',
    '${environment.services[name]}',
    '${environment.output.x == environment}',
    '${content.output.x == content}',
  ])('refuses the unsupported root %s at compile time', (source) => {
    // when / then
    expect(() => compileExpression(source)).toThrow(invalid);
  });

  it('mixes literal text, bpmn-engine parts and plain parts in one template', () => {
    // given
    const functions = { upper: (text: unknown) => String(text).toUpperCase() };
    // when
    const text = run('Dear ${environment.services.upper(content.output.name)}, you owe ${amount} (${environment.output.currency}).', { name: 'ada', amount: 5 }, functions);
    // then
    expect(text).toBe('Dear ADA, you owe 5 ().');
  });
});

describe('bpmn-engine service calls', () => {
  const functions: ExpressionFunctions = {
    compare: (left, right) => left === right,
    isAbove: (limit, value) => Number(value) > Number(limit),
    sum: (...numbers) => numbers.reduce<number>((total, n) => total + Number(n), 0),
    echo: (...args) => args,
    none: () => undefined,
  };

  it('calls a registered function with evaluated arguments', () => {
    // given
    const variables = { areUSure: 'Yes', amount: 12, order: { lines: [1, 2] } };
    // when / then
    expect(run('${environment.services.compare(environment.output.areUSure,"Yes")}', variables, functions)).toBe(true);
    expect(run('${environment.services.isAbove(10, environment.output.amount)}', variables, functions)).toBe(true);
    expect(run('${environment.services.isAbove(20, environment.output.amount)}', variables, functions)).toBe(false);
    expect(run('${environment.services.sum()}', variables, functions)).toBe(0);
    expect(run('${environment.services.sum(1, 2.5, amount, environment.services.sum(1, 1))}', variables, functions)).toBe(17.5);
    expect(run("${environment.services.echo('a', null, true, -3, order.lines, environment.output.missing)}", variables, functions)).toEqual(['a', null, true, -3, [1, 2], null]);
    expect(run('${environment.services.echo(1, 2)[1]}', variables, functions)).toBe(2);
    expect(run('${environment.services.none()}', variables, functions)).toBeNull();
  });

  it('works through every evaluate helper', () => {
    // given
    const variables = { amount: 12, who: 'a, b' };
    // when / then
    expect(evaluateExpression('${environment.services.sum(1, 2)}', variables, functions)).toBe(3);
    expect(evaluateCondition('${environment.services.isAbove(10, environment.output.amount)}', variables, functions)).toBe(true);
    expect(evaluateString('${environment.services.sum(1, 2)}', variables, functions)).toBe('3');
    expect(evaluateStringList('${environment.services.echo("x", "y")}', variables, functions)).toEqual(['x', 'y']);
  });

  it('hands the function copies, so it cannot change the variables', () => {
    // given
    const variables = { order: { lines: [1, 2] } };
    const mutate = vi.fn((order: unknown) => {
      (order as { lines: number[] }).lines.push(3);
      return (order as { lines: number[] }).lines.length;
    });
    // when
    const result = run('${environment.services.mutate(environment.output.order)}', variables, { mutate });
    // then
    expect(result).toBe(3);
    expect(variables.order.lines).toEqual([1, 2]);
    expect(Object.getPrototypeOf(mutate.mock.calls[0][0])).toBe(Object.prototype);
  });

  it('fails when no function of that name is registered', () => {
    // when / then
    expect(() => run('${environment.services.nope(1)}', {}, functions)).toThrow(failed);
    expect(() => run('${environment.services.compare(1, 1)}', {})).toThrow(failed);
  });

  it('fails with the cause when the function throws', () => {
    // given
    const boom = new Error('service down');
    // when
    let caught: unknown;
    try {
      run('${environment.services.fail()}', {}, { fail: () => { throw boom; } });
    } catch (error) {
      caught = error;
    }
    // then
    expect(caught).toEqual(expect.objectContaining({ code: 'EXPRESSION_FAILED', cause: boom }));
  });

  it('wraps an engine error thrown by the function as EXPRESSION_FAILED', () => {
    // given a host function that itself evaluates a bad expression
    const nested = () => run('${unknownVariable}');
    // when / then
    expect(() => run('${environment.services.nested()}', {}, { nested })).toThrow(failed);
  });

  it('is ignored by FEEL and plain JUEL', () => {
    // when / then
    expect(run('= a + 1', { a: 1 }, functions)).toBe(2);
    expect(run('${a + 1}', { a: 1 }, functions)).toBe(2);
    expect(() => compileExpression('${compare(1, 1)}')).toThrow(invalid);
  });
});
