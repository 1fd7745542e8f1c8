/**
 * Extensions that are accepted but not executed yet, each reported once per element as a MODEL_WARNING:
 * - `camunda:async`, `camunda:asyncBefore`, `camunda:asyncAfter` (true) and `camunda:exclusive="false"`: Pravah
 *   runs each command synchronously to the next wait state for now.
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

const ASYNC_FLAGS = ['async', 'asyncBefore', 'asyncAfter'] as const;

export function warnIgnoredExtensions(sink: IssueSink, element: ModdleElement): void {
  for (const flag of ASYNC_FLAGS) {
    if (element[flag] === true) {
      addWarning(sink, element, `camunda:${flag} is ignored: the element runs synchronously`, { path: `camunda:${flag}` });
    }
  }
  if (Object.hasOwn(element, 'exclusive') && element.exclusive === false) {
    addWarning(sink, element, 'camunda:exclusive is ignored: the element runs synchronously', { path: 'camunda:exclusive' });
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
