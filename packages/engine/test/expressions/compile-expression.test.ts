import { describe, expect, it } from 'vitest';
import { compileExpression, detectDialect } from '../../src/expressions/compile-expression.js';

const invalid = expect.objectContaining({ code: 'EXPRESSION_INVALID' });

describe('dialect detection', () => {
  it.each([
    ['= amount > 1000', 'feel'],
    ['  \n=amount', 'feel'],
    ['${amount > 1000}', 'juel'],
    ['#{approved}', 'juel'],
    ['Order ${id}', 'juel'],
    ['= "${not juel}"', 'feel'],
    ['sales', 'literal'],
    ['a = b', 'literal'],
    ['$ {x}', 'literal'],
    ['', 'literal'],
  ])('reads %j as %s', (source, dialect) => {
    // when
    const compiled = compileExpression(source);
    // then
    expect(detectDialect(source)).toBe(dialect);
    expect(compiled.dialect).toBe(dialect);
    expect(compiled.source).toBe(source);
  });

  it('returns a literal unchanged, whitespace included', () => {
    // given
    const compiled = compileExpression('  sales, support ');
    // when / then
    expect(compiled.evaluate({})).toBe('  sales, support ');
  });
});

describe('compile-time bounds', () => {
  it('rejects sources longer than 10,000 characters', () => {
    // given
    const long = `= ${'1 + '.repeat(2_600)}1`;
    // when / then
    expect(() => compileExpression(long)).toThrow(invalid);
  });

  it('rejects JUEL nested deeper than 100', () => {
    // given
    const deep = `\${${'('.repeat(101)}1${')'.repeat(101)}}`;
    const fine = `\${${'('.repeat(50)}1${')'.repeat(50)}}`;
    // when / then
    expect(() => compileExpression(deep)).toThrow(invalid);
    expect(compileExpression(fine).evaluate({})).toBe(1);
  });

  it('rejects long operator chains whose tree is deeper than 100', () => {
    // given
    const chain = `\${${Array.from({ length: 120 }, () => 'a').join(' + ')}}`;
    // when / then
    expect(() => compileExpression(chain)).toThrow(invalid);
  });

  it('rejects FEEL nested too deeply', () => {
    // given
    const deep = `= ${'('.repeat(400)}1${')'.repeat(400)}`;
    // when / then
    expect(() => compileExpression(deep)).toThrow(invalid);
  });
});
