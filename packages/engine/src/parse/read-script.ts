/**
 * Script tasks, which Pravah runs as expressions only (model code is never run as JavaScript):
 * - `zeebe:script expression` + `resultVariable` -> `{ expression, resultVariable }`.
 * - a BPMN `<script>` body with `scriptFormat` `feel` (a body without the leading `=` gets one) or `juel`
 *   (a body without `${...}` is wrapped in one), case-insensitive, + `camunda:resultVariable`.
 * Any other `scriptFormat` (javascript, groovy, python, ...), a missing format, or `camunda:resource` ->
 * UNSUPPORTED_SCRIPT_FORMAT. No script at all -> MISSING_IMPLEMENTATION.
 */
import type { ScriptDefinition } from '../model/activity-definitions.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { addIssue } from './issues.js';
import { findExtension, stringProp, type ModdleElement } from './moddle-element.js';

export function readScript(context: CompileContext, element: ModdleElement): ScriptDefinition | undefined {
  const zeebeScript = findExtension(element, 'zeebe:Script');
  if (zeebeScript) {
    const expression = stringProp(zeebeScript, 'expression');
    if (!expression) {
      addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'zeebe:script has no expression', { path: 'zeebe:script.expression' });
      return undefined;
    }
    return withResult(trackExpression(context, element, 'zeebe:script.expression', expression), stringProp(zeebeScript, 'resultVariable'));
  }

  const format = stringProp(element, 'scriptFormat')?.trim();
  if (stringProp(element, 'resource')) {
    addIssue(context.sink, 'UNSUPPORTED_SCRIPT_FORMAT', element, 'External script resources are not supported; inline a FEEL or JUEL expression', {
      path: 'camunda:resource',
    });
    return undefined;
  }
  const body = typeof element.script === 'string' ? element.script.trim() : '';
  if (body === '') {
    addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'The script task has no script', { path: 'script' });
    return undefined;
  }
  const dialect = format?.toLowerCase();
  if (dialect !== 'feel' && dialect !== 'juel') {
    addIssue(
      context.sink,
      'UNSUPPORTED_SCRIPT_FORMAT',
      element,
      `Script format '${format ?? '(none)'}' is not supported; only FEEL and JUEL expressions run`,
      { path: 'scriptFormat' },
    );
    return undefined;
  }
  const expression = dialect === 'feel' ? (body.startsWith('=') ? body : `=${body}`) : /[$#]\{/.test(body) ? body : `\${${body}}`;
  return withResult(trackExpression(context, element, 'script', expression), stringProp(element, 'resultVariable'));
}

function withResult(expression: string, resultVariable: string | undefined): ScriptDefinition {
  return resultVariable ? { expression, resultVariable } : { expression };
}
