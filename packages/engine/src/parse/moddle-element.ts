/**
 * The slice of a bpmn-moddle element this layer reads, plus small typed accessors. Moddle elements are
 * open objects (`element.assignee`, `element.flowElements`, ...); reading them through these helpers keeps
 * the `unknown` -> value narrowing in one place.
 */

export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  /** Attributes moddle did not recognise, by qualified name (e.g. `zeebe:modelerTemplate`). */
  readonly $attrs?: Record<string, string>;
  readonly id?: string;
  readonly [property: string]: unknown;
}

/** A string property, or `undefined` when absent or empty after trimming. */
export function stringProp(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * A string property, else the same-named attribute moddle kept in `$attrs` because the element's type does not
 * declare it (e.g. `language` on a `conditionExpression` without `xsi:type="bpmn:tFormalExpression"`).
 */
export function stringPropOrAttr(element: ModdleElement, name: string): string | undefined {
  const value = stringProp(element, name) ?? element.$attrs?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A list property (`flowElements`, `eventDefinitions`, ...); `[]` when absent. */
export function listProp(element: ModdleElement, name: string): ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** A single child or reference property (`conditionExpression`, `messageRef`, ...). */
export function elementProp(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element[name];
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string'
    ? (value as ModdleElement)
    : undefined;
}

/** Body text of an expression-like element (`conditionExpression`, `timeDuration`, `script`), trimmed. */
export function bodyText(element: ModdleElement | undefined): string | undefined {
  if (!element) return undefined;
  const body = element.body;
  return typeof body === 'string' && body.trim() !== '' ? body.trim() : undefined;
}

/** The `extensionElements` values of an element (Camunda, Zeebe and unknown extension elements). */
export function extensionValues(element: ModdleElement): ModdleElement[] {
  const extensions = elementProp(element, 'extensionElements');
  return extensions ? listProp(extensions, 'values') : [];
}

/** The first extension element of a type, e.g. `zeebe:TaskDefinition`. */
export function findExtension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensionValues(element).find((value) => value.$type === type);
}
