import type { ExpressionFunctions, VariableLookup } from './compile-expression.js';
import { bpmnEngineRules, isServiceCallee } from './bpmn-engine-rules.js';
import { toTemplateText } from './juel-coercion.js';
import { compileJuelNode, type JuelEvaluator, type JuelRules, plainJuelRules } from './juel-compile.js';
import { type JuelCallPolicy, parseJuel } from './juel-parser.js';
import { tokenizeJuel } from './juel-tokenizer.js';

type TemplatePart = string | JuelEvaluator;

/** Evaluates compiled JUEL text; `functions` is only used by the bpmn-engine dialect's service calls. */
export type JuelProgram = (variables: VariableLookup, functions?: ExpressionFunctions) => unknown;

/** The JUEL flavours: Camunda 7 (`juel`) and paed01/bpmn-engine (`bpmn-engine`, see `bpmn-engine-rules.ts`). */
export type JuelFlavour = 'juel' | 'bpmn-engine';

const FLAVOURS: Record<JuelFlavour, { rules: JuelRules; callable?: JuelCallPolicy }> = {
  juel: { rules: plainJuelRules },
  'bpmn-engine': { rules: bpmnEngineRules, callable: isServiceCallee },
};

/**
 * Compiles JUEL source text: literal text with `${...}` / `#{...}` parts (`\${` is a literal `${`).
 * When the text is exactly one `${...}` (surrounding whitespace ignored, since XML text often carries
 * it) the result is that part's raw value; otherwise the parts are joined as text (null -> '').
 * Every part of the text is read with the rules of `flavour`.
 */
export function compileJuel(source: string, flavour: JuelFlavour = 'juel'): JuelProgram {
  const parts = splitTemplate(source, flavour);
  const evaluators = parts.filter((part): part is JuelEvaluator => typeof part === 'function');
  const onlyWhitespaceAround = parts.every((part) => typeof part === 'function' || part.trim() === '');
  if (evaluators.length === 1 && onlyWhitespaceAround) {
    const only = evaluators[0];
    return (variables, functions) => only({ variables, functions });
  }
  return (variables, functions) => {
    const context = { variables, functions };
    let text = '';
    for (const part of parts) text += typeof part === 'string' ? part : toTemplateText(part(context));
    return text;
  };
}

function splitTemplate(source: string, flavour: JuelFlavour): TemplatePart[] {
  const { rules, callable } = FLAVOURS[flavour];
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
      parts.push(compileJuelNode(source, parseJuel(source, tokens, callable), rules));
      index = next;
    } else {
      literal += char;
      index++;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
}
