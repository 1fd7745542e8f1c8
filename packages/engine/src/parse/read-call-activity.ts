/**
 * `bpmn:callActivity` -> `CalledElement` (model/definition.ts):
 * - Zeebe: `zeebe:calledElement processId` (may be `= expr`), `bindingType` latest|deployment (`versionTag` ->
 *   UNSUPPORTED_ELEMENT `zeebe:calledElement.bindingType`), `propagateAllChildVariables` and
 *   `propagateAllParentVariables`, both default true.
 * - Camunda 7: the `calledElement` attribute (process id, may be `${...}`), `camunda:calledElementBinding`
 *   latest|deployment|version (+ `camunda:calledElementVersion`, required for `version`; `versionTag` ->
 *   UNSUPPORTED_ELEMENT `camunda:calledElementBinding`); `camunda:in` / `camunda:out` with `source`,
 *   `sourceExpression` or `variables="all"`, `target`, `local="true"` -> `inputs` / `outputs`. Only these pass data:
 *   both propagate flags are false. A mapping without target (and not `all`) -> EXPRESSION_INVALID; a `businessKey`
 *   mapping is ignored with a MODEL_WARNING; `camunda:caseRef` and `camunda:variableMapping*` -> UNSUPPORTED_ELEMENT.
 * No called element at all -> MISSING_IMPLEMENTATION.
 */
import type { CalledElement, CallMapping } from '../model/activity-definitions.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { addIssue, addWarning } from './issues.js';
import { extensionValues, findExtension, stringProp, stringPropOrAttr, type ModdleElement } from './moddle-element.js';

export function readCalledElement(context: CompileContext, element: ModdleElement): CalledElement | undefined {
  const zeebe = findExtension(element, 'zeebe:CalledElement');
  if (zeebe) return readZeebe(context, element, zeebe);
  for (const attribute of ['caseRef', 'variableMappingClass', 'variableMappingDelegateExpression']) {
    if (stringProp(element, attribute)) {
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `camunda:${attribute} is not supported`, { path: `camunda:${attribute}` });
    }
  }
  const processId = stringProp(element, 'calledElement');
  if (!processId) {
    addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'The call activity names no process: add calledElement or zeebe:calledElement', {
      path: 'calledElement',
    });
    return undefined;
  }
  const called: CalledElement = {
    processId: trackExpression(context, element, 'calledElement', processId),
    binding: 'latest',
    propagateAllChildVariables: false,
    propagateAllParentVariables: false,
  };
  const binding = stringProp(element, 'calledElementBinding') ?? 'latest';
  if (binding === 'deployment' || binding === 'version') called.binding = binding;
  else if (binding !== 'latest') {
    addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `Binding '${binding}' is not supported; use latest, deployment or version`, {
      path: 'camunda:calledElementBinding',
    });
  }
  const version = stringProp(element, 'calledElementVersion');
  if (version) called.version = trackExpression(context, element, 'camunda:calledElementVersion', version);
  else if (binding === 'version') {
    addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'Binding version needs a camunda:calledElementVersion', {
      path: 'camunda:calledElementVersion',
    });
  }
  const inputs = readMappings(context, element, 'camunda:In', 'camunda:in');
  const outputs = readMappings(context, element, 'camunda:Out', 'camunda:out');
  if (inputs.length) called.inputs = inputs;
  if (outputs.length) called.outputs = outputs;
  return called;
}

function readZeebe(context: CompileContext, element: ModdleElement, zeebe: ModdleElement): CalledElement | undefined {
  const processId = stringProp(zeebe, 'processId');
  if (!processId) {
    addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'zeebe:calledElement has no processId', { path: 'zeebe:calledElement.processId' });
    return undefined;
  }
  const bindingType = stringPropOrAttr(zeebe, 'bindingType') ?? 'latest';
  if (bindingType !== 'latest' && bindingType !== 'deployment') {
    addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `Binding type '${bindingType}' is not supported; use latest or deployment`, {
      path: 'zeebe:calledElement.bindingType',
    });
  }
  return {
    processId: trackExpression(context, element, 'zeebe:calledElement.processId', processId),
    binding: bindingType === 'deployment' ? 'deployment' : 'latest',
    propagateAllChildVariables: zeebe.propagateAllChildVariables !== false,
    propagateAllParentVariables: zeebe.propagateAllParentVariables !== false,
  };
}

function readMappings(context: CompileContext, element: ModdleElement, type: string, path: string): CallMapping[] {
  const mappings: CallMapping[] = [];
  for (const extension of extensionValues(element)) {
    if (extension.$type !== type) continue;
    const local = extension.local === true ? { local: true } : {};
    if (stringProp(extension, 'variables') === 'all') {
      mappings.push({ all: true, ...local });
      continue;
    }
    const target = stringProp(extension, 'target');
    const source = stringProp(extension, 'source');
    const sourceExpression = stringProp(extension, 'sourceExpression');
    if (!source && !sourceExpression) {
      if (stringProp(extension, 'businessKey')) addWarning(context.sink, element, `${path} businessKey is ignored`, { path: `${path}.businessKey` });
      else addIssue(context.sink, 'EXPRESSION_INVALID', element, `A ${path} mapping has no source`, { path: `${path}[${target ?? ''}]` });
      continue;
    }
    if (!target) {
      addIssue(context.sink, 'EXPRESSION_INVALID', element, `A ${path} mapping has no target variable`, { path: `${path}[]` });
      continue;
    }
    const from = sourceExpression
      ? { sourceExpression: trackExpression(context, element, `${path}[${target}]`, sourceExpression) }
      : { source: source as string };
    mappings.push({ ...from, target, ...local });
  }
  return mappings;
}
