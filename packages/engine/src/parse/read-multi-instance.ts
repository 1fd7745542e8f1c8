/**
 * `bpmn:multiInstanceLoopCharacteristics` -> `MultiInstance` (model/definition.ts):
 * - `isSequential` -> `sequential`; `loopCardinality` body -> `loopCardinality`; `completionCondition` body ->
 *   `completionCondition`.
 * - Camunda 7: `camunda:collection` -> `inputCollection` (text with `{` is an expression, anything else a variable
 *   name `x`, turned into `${x}`); `camunda:elementVariable` -> `inputElement`.
 * - BPMN: `loopDataInputRef` -> `inputCollection`: a referenced data input / property gives its `name` (else id);
 *   an unresolved ref is the variable name as written (read-moddle.ts keeps the text); `${name}` as above.
 *   `inputDataItem` -> `inputElement` (its `name`, else its id). Both win over the Camunda attributes, as in Camunda 7.
 * - Zeebe: `zeebe:loopCharacteristics inputCollection inputElement outputCollection outputElement` as written.
 * Neither a cardinality nor a collection -> MISSING_IMPLEMENTATION (`loopCharacteristics`). Every expression is
 * tracked for compilation at deploy (EXPRESSION_INVALID with its path). `standardLoopCharacteristics` never gets
 * here (UNSUPPORTED_ELEMENT, classify-element.ts).
 */
import type { Expression } from '../model/definition.js';
import type { MultiInstance } from '../model/activity-definitions.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { addIssue } from './issues.js';
import { bodyText, elementProp, findExtension, stringProp, type ModdleElement } from './moddle-element.js';

export function readMultiInstance(context: CompileContext, element: ModdleElement): { multiInstance?: MultiInstance } {
  const loop = elementProp(element, 'loopCharacteristics');
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return {};
  const track = (path: string, source: Expression): Expression => trackExpression(context, element, path, source);
  const multiInstance: MultiInstance = { sequential: loop.isSequential === true };

  const cardinality = bodyText(elementProp(loop, 'loopCardinality'));
  if (cardinality !== undefined) multiInstance.loopCardinality = track('loopCardinality', cardinality);

  const collection = stringProp(loop, 'collection');
  if (collection) multiInstance.inputCollection = track('camunda:collection', asCollectionExpression(collection));
  const elementVariable = stringProp(loop, 'elementVariable');
  if (elementVariable) multiInstance.inputElement = elementVariable;

  const inputRef = loop.loopDataInputRef;
  const inputName = typeof inputRef === 'string' ? inputRef.trim() : itemName(elementProp(loop, 'loopDataInputRef'));
  if (inputName) multiInstance.inputCollection = track('loopDataInputRef', asCollectionExpression(inputName));
  const inputItem = itemName(elementProp(loop, 'inputDataItem'));
  if (inputItem) multiInstance.inputElement = inputItem;

  const zeebe = findExtension(loop, 'zeebe:LoopCharacteristics');
  if (zeebe) {
    const path = 'zeebe:loopCharacteristics';
    const inputCollection = stringProp(zeebe, 'inputCollection');
    if (inputCollection) multiInstance.inputCollection = track(`${path}.inputCollection`, inputCollection);
    const inputElement = stringProp(zeebe, 'inputElement');
    if (inputElement) multiInstance.inputElement = inputElement;
    const outputCollection = stringProp(zeebe, 'outputCollection');
    if (outputCollection) multiInstance.outputCollection = outputCollection;
    const outputElement = stringProp(zeebe, 'outputElement');
    if (outputElement) multiInstance.outputElement = track(`${path}.outputElement`, outputElement);
  }

  const completion = bodyText(elementProp(loop, 'completionCondition'));
  if (completion !== undefined) multiInstance.completionCondition = track('completionCondition', completion);

  if (multiInstance.loopCardinality === undefined && multiInstance.inputCollection === undefined) {
    addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'A multi-instance activity needs a loopCardinality or an input collection', {
      path: 'loopCharacteristics',
    });
  }
  return { multiInstance };
}

/** Camunda 7 reads text with `{` as an expression and anything else as a variable name. */
function asCollectionExpression(text: string): Expression {
  return text.includes('{') ? text : `\${${text}}`;
}

/** The variable name of a data input / property / data item: its `name`, else its id. */
function itemName(item: ModdleElement | undefined): string | undefined {
  return item && (stringProp(item, 'name') ?? item.id);
}
