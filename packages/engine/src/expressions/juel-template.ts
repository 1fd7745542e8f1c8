import type { VariableLookup } from './compile-expression.js';
import { toTemplateText } from './juel-coercion.js';
import { compileJuelNode, type JuelEvaluator } from './juel-compile.js';
import { parseJuel } from './juel-parser.js';
import { tokenizeJuel } from './juel-tokenizer.js';

type TemplatePart = string | JuelEvaluator;

/**
 * Compiles JUEL source text: literal text with `${...}` / `#{...}` parts (`\${` is a literal `${`).
 * When the text is exactly one `${...}` (surrounding whitespace ignored, since XML text often carries
 * it) the result is that part's raw value; otherwise the parts are joined as text (null -> '').
 */
export function compileJuel(source: string): (variables: VariableLookup) => unknown {
  const parts = splitTemplate(source);
  const evaluators = parts.filter((part): part is JuelEvaluator => typeof part === 'function');
  const onlyWhitespaceAround = parts.every((part) => typeof part === 'function' || part.trim() === '');
  if (evaluators.length === 1 && onlyWhitespaceAround) return evaluators[0];
  return (variables) => {
    let text = '';
    for (const part of parts) text += typeof part === 'string' ? part : toTemplateText(part(variables));
    return text;
  };
}

function splitTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const opensExpression = (char === '$' || char === '#') && source[index + 1] === '{';
    if (char === '\\' && (source[index + 1] === '$' || source[index + 1] === '#') && source[index + 2] === '{') {
      literal += source.slice(index + 1, index + 3);
      index += 3;
    } else if (opensExpression) {
      if (literal !== '') parts.push(literal);
      literal = '';
      const { tokens, next } = tokenizeJuel(source, index + 2);
      parts.push(compileJuelNode(source, parseJuel(source, tokens)));
      index = next;
    } else {
      literal += char;
      index++;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
}
