/**
 * Input/output mappings of a flow node.
 * - `zeebe:ioMapping`: `<zeebe:input source="= order.total" target="total"/>` and `<zeebe:output .../>`
 *   -> `{ source, target }` as written.
 * - `camunda:inputOutput`: `<camunda:inputParameter name="total">${order.total}</camunda:inputParameter>`
 *   -> `{ source: body text, target: name }`; an empty parameter has source `''`. A `camunda:list`,
 *   `camunda:map` or `camunda:script` value is UNSUPPORTED_ELEMENT (path `camunda:inputOutput.inputParameter[name]`).
 * Both may appear; Zeebe mappings come first.
 */
import type { IoMapping } from '../model/definition.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { addIssue } from './issues.js';
import { extensionValues, listProp, stringProp, type ModdleElement } from './moddle-element.js';

export interface IoMappings {
  inputs?: IoMapping[];
  outputs?: IoMapping[];
}

export function readIoMappings(context: CompileContext, element: ModdleElement): IoMappings {
  const inputs: IoMapping[] = [];
  const outputs: IoMapping[] = [];
  for (const extension of extensionValues(element)) {
    if (extension.$type === 'zeebe:IoMapping') {
      readZeebe(context, element, listProp(extension, 'inputParameters'), 'zeebe:ioMapping.input', inputs);
      readZeebe(context, element, listProp(extension, 'outputParameters'), 'zeebe:ioMapping.output', outputs);
    } else if (extension.$type === 'camunda:InputOutput') {
      readCamunda(context, element, listProp(extension, 'inputParameters'), 'camunda:inputOutput.inputParameter', inputs);
      readCamunda(context, element, listProp(extension, 'outputParameters'), 'camunda:inputOutput.outputParameter', outputs);
    }
  }
  return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
}

function readZeebe(context: CompileContext, element: ModdleElement, parameters: ModdleElement[], path: string, into: IoMapping[]): void {
  for (const parameter of parameters) {
    const target = stringProp(parameter, 'target');
    const where = `${path}[${target ?? ''}]`;
    if (!target) {
      addIssue(context.sink, 'EXPRESSION_INVALID', element, `A mapping at '${path}' has no target variable`, { path: where });
      continue;
    }
    const source = stringProp(parameter, 'source') ?? '';
    into.push({ source: trackExpression(context, element, where, source), target });
  }
}

function readCamunda(context: CompileContext, element: ModdleElement, parameters: ModdleElement[], path: string, into: IoMapping[]): void {
  for (const parameter of parameters) {
    const target = stringProp(parameter, 'name');
    const where = `${path}[${target ?? ''}]`;
    const definition = parameter.definition as ModdleElement | undefined;
    if (definition) {
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `A ${definition.$type} parameter value is not supported; use an expression`, {
        path: where,
        elementType: definition.$type,
      });
      continue;
    }
    if (!target) {
      addIssue(context.sink, 'EXPRESSION_INVALID', element, `A parameter at '${path}' has no name`, { path: where });
      continue;
    }
    const source = typeof parameter.value === 'string' ? parameter.value.trim() : '';
    into.push({ source: trackExpression(context, element, where, source), target });
  }
}
