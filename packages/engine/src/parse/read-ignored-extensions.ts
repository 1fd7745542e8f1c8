/**
 * Extensions that are accepted but not executed yet, each reported once per element as a MODEL_WARNING:
 * - `camunda:exclusive="false"`: continuations of one instance never run in parallel anyway (one command at
 *   a time per instance). (`camunda:asyncBefore` / `asyncAfter` are executed: see compile-node.ts.)
 * - `camunda:executionListener`, `camunda:taskListener`, `zeebe:executionListeners`, `zeebe:taskListeners`.
 * - `camunda:formData` / `camunda:formProperty` form fields.
 * - `camunda:properties`, `zeebe:properties`.
 * Other extension elements are ignored silently.
 */
import { addWarning, type IssueSink } from './issues.js';
import { extensionValues, type ModdleElement } from './moddle-element.js';

const IGNORED_EXTENSIONS: Readonly<Record<string, string>> = {
  'camunda:ExecutionListener': 'camunda:executionListener',
  'camunda:TaskListener': 'camunda:taskListener',
  'zeebe:ExecutionListeners': 'zeebe:executionListeners',
  'zeebe:TaskListeners': 'zeebe:taskListeners',
  'camunda:FormData': 'camunda:formData',
  'camunda:FormProperty': 'camunda:formProperty',
  'camunda:Properties': 'camunda:properties',
  'zeebe:Properties': 'zeebe:properties',
};

export function warnIgnoredExtensions(sink: IssueSink, element: ModdleElement): void {
  if (Object.hasOwn(element, 'exclusive') && element.exclusive === false) {
    addWarning(sink, element, 'camunda:exclusive is ignored: an instance runs one command at a time', { path: 'camunda:exclusive' });
  }
  const seen = new Set<string>();
  for (const extension of extensionValues(element)) {
    const path = IGNORED_EXTENSIONS[extension.$type];
    if (path && !seen.has(path)) {
      seen.add(path);
      addWarning(sink, element, `${path} is ignored`, { path });
    }
  }
}
