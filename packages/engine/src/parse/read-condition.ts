/**
 * Conditions: a sequence flow's `conditionExpression` and a conditional event's `condition`.
 * - no `language`, or `juel` -> the body as written (`${...}` JUEL, or `= ...` FEEL in Zeebe models);
 * - a language naming FEEL (e.g. `feel`, `http://www.omg.org/spec/FEEL/20140401`) -> FEEL, `=` added when missing;
 * - any other language (javascript, groovy, ...) or an external `resource` -> UNSUPPORTED_SCRIPT_FORMAT.
 * Every condition is tracked for compilation at deploy (EXPRESSION_INVALID with `path`).
 */
import type { Expression } from '../model/definition.js';
import type { CompileContext } from './compile-context.js';
import { addIssue } from './issues.js';
import { bodyText, stringPropOrAttr, type ModdleElement } from './moddle-element.js';

/** Condition languages Pravah evaluates: none given, JUEL, or FEEL (any language URI naming FEEL). */
function conditionDialect(language: string): 'asWritten' | 'feel' | undefined {
  if (language === '' || language === 'juel') return 'asWritten';
  return /(^|\W)feel(\W|$)/.test(language) ? 'feel' : undefined;
}

/**
 * The condition source of `conditionElement` (a formal expression) written on `owner`, or `undefined` when there is
 * no body or the language is refused. `elementId` overrides the owner's id (sequence flows with a generated id).
 */
export function readCondition(
  context: CompileContext,
  owner: ModdleElement,
  conditionElement: ModdleElement | undefined,
  path: string,
  elementId = owner.id ?? '',
): Expression | undefined {
  const body = bodyText(conditionElement);
  if (!conditionElement || body === undefined) return undefined;
  const language = (stringPropOrAttr(conditionElement, 'language') ?? '').trim().toLowerCase();
  const resource = stringPropOrAttr(conditionElement, 'resource') ?? stringPropOrAttr(conditionElement, 'camunda:resource');
  const dialect = conditionDialect(language);
  if (!dialect || resource) {
    addIssue(context.sink, 'UNSUPPORTED_SCRIPT_FORMAT', owner, `Condition language '${language}' is not supported; use FEEL or JUEL`, {
      elementId,
      path,
    });
    return undefined;
  }
  const source = dialect === 'feel' && !body.startsWith('=') ? `=${body}` : body;
  context.expressions.push({ elementId, elementType: owner.$type, path, source });
  return source;
}
