/**
 * XML text -> bpmn-moddle `bpmn:Definitions`, with Camunda 7 and Zeebe extensions known, and moddle's lax
 * parse warnings turned into issues:
 * - `duplicate ID <x>` -> DUPLICATE_ID (moddle drops the second element)
 * - `unresolved reference <x>` inside an executable process -> DANGLING_REFERENCE (elsewhere a warning), except
 *   `loopDataInputRef`, which Camunda 7 models use for a plain variable name: the raw text is kept as the value
 * - an unknown element in the BPMN namespace -> UNSUPPORTED_ELEMENT
 * - `illegal ID <x>` -> XmlError XML_MALFORMED (not an XML name, so the document is not valid BPMN)
 * - anything else (unknown attributes of known namespaces, unparsable text) -> MODEL_WARNING
 * Warnings that belong to a non-executable process are dropped: those processes are compiled best-effort.
 */
/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';
import camundaSchema from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { XmlError } from '../errors.js';
import { addIssue, addWarning, elementIssue, type IssueSink } from './issues.js';
import { listProp, type ModdleElement } from './moddle-element.js';

let moddle: BpmnModdle | undefined;

/**
 * Both schemas define `modelerTemplate` and `modelerTemplateVersion` on flow elements, which moddle refuses
 * to merge. The Zeebe copies are dropped; `zeebe:modelerTemplate` then lands in `$attrs` (design-time only).
 */
function zeebeWithoutTemplateClash(): object {
  const clash = new Set(['modelerTemplate', 'modelerTemplateVersion']);
  const types: ReadonlyArray<{ name: string; properties?: ReadonlyArray<{ name: string }> }> = zeebeSchema.types;
  return {
    ...zeebeSchema,
    types: types.map((type) =>
      type.name === 'TemplateSupported' ? { ...type, properties: type.properties?.filter((p) => !clash.has(p.name)) } : type,
    ),
  };
}

/** The shared moddle instance; building it compiles the schemas, so it happens once, on first use. */
function getModdle(): BpmnModdle {
  moddle ??= new BpmnModdle({ camunda: camundaSchema, zeebe: zeebeWithoutTemplateClash() });
  return moddle;
}

interface ModdleWarning {
  message: string;
  element?: ModdleElement;
  property?: string;
}

const NESTED = /line: (\d+)\s+column: (\d+)\s+nested error: ([^\n]*)/;
const IGNORED_ATTRIBUTES = /^<(zeebe|camunda):modelerTemplate/;

/** Parses the document; XML-level failures throw `XmlError`, model problems go to `sink`. */
export async function readModdle(xml: string, sink: IssueSink): Promise<ModdleElement> {
  let result: { rootElement: ModdleElement; warnings: ModdleWarning[]; elementsById: Record<string, ModdleElement> };
  try {
    result = (await getModdle().fromXML(xml, 'bpmn:Definitions')) as typeof result;
  } catch (error) {
    const match = NESTED.exec(String((error as Error)?.message));
    throw new XmlError(
      'XML_MALFORMED',
      `Not a BPMN document: ${match?.[3] ?? (error as Error)?.message ?? 'unreadable'}`,
      match ? Number(match[1]) + 1 : undefined,
      match ? Number(match[2]) + 1 : undefined,
    );
  }
  const definitions = result.rootElement;
  const sections = createSectionLookup(definitions, sink);
  for (const warning of result.warnings) {
    if (!resolvePrefixedReference(warning, result.elementsById) && !keepRawReference(warning)) mapWarning(warning, sink, sections);
  }
  return definitions;
}

function mapWarning(warning: ModdleWarning, sink: IssueSink, sections: SectionLookup): void {
  const message = String(warning.message);
  const nested = NESTED.exec(message);
  if (nested) {
    const line = Number(nested[1]) + 1;
    const column = Number(nested[2]) + 1;
    const cause = nested[3];
    const duplicate = /^duplicate ID <(.*)>$/.exec(cause);
    if (duplicate) {
      sink.issues.push({ code: 'DUPLICATE_ID', elementId: duplicate[1], line, message: `The id '${duplicate[1]}' is used more than once` });
      return;
    }
    const illegal = /^illegal ID <(.*)>$/.exec(cause);
    if (illegal) throw new XmlError('XML_MALFORMED', `'${illegal[1]}' is not a valid element id`, line, column);
    if (sections.isInNonExecutableProcess(line)) return;
    const unknown = /^unknown type <bpmn:(\w+)>$/.exec(cause);
    const misplaced = /^unrecognized element <(\w+)>$/.exec(cause);
    const elementType = unknown ? `bpmn:${unknown[1]}` : misplaced && bpmnTypeOf(misplaced[1]);
    if (elementType) {
      const elementId = sections.idOnLine(line);
      sink.issues.push({
        code: 'UNSUPPORTED_ELEMENT',
        ...(elementId ? { elementId } : {}),
        elementType,
        line,
        message: unknown ? `'${elementType}' is not a BPMN 2.0 element` : `'${elementType}' is not allowed at this place`,
      });
      return;
    }
    sink.warnings.push({ code: 'MODEL_WARNING', line, message: `Ignored unreadable content: ${cause}` });
    return;
  }
  const unresolved = /^unresolved reference <(.*)>$/.exec(message);
  if (unresolved && warning.element) {
    const path = warning.property?.replace(/^bpmn:/, '');
    const text = `'${path}' refers to '${unresolved[1]}', which does not exist`;
    const owner = owningProcess(warning.element);
    if (owner && owner.isExecutable === true) addIssue(sink, 'DANGLING_REFERENCE', warning.element, text, { path });
    else if (!owner) addWarning(sink, warning.element, text, { path });
    return;
  }
  if (IGNORED_ATTRIBUTES.test(message.replace(/^unknown attribute /, ''))) return;
  const owner = warning.element && owningProcess(warning.element);
  if (owner && owner.isExecutable !== true) return;
  sink.warnings.push(elementIssue(sink.lines, 'MODEL_WARNING', warning.element, `Ignored: ${message}`));
}

/**
 * Camunda 7 models often write references as QNames (`messageRef="tns:newInvoice"`), which moddle leaves
 * unresolved. When the local part names an element, the reference is set and the warning dropped.
 */
function resolvePrefixedReference(warning: ModdleWarning, elementsById: Record<string, ModdleElement>): boolean {
  const match = /^unresolved reference <[\w.-]+:([\w.-]+)>$/.exec(String(warning.message));
  const target = match && warning.property && elementsById[match[1]];
  const element = warning.element as (ModdleElement & { get(name: string): unknown; set(name: string, value: unknown): void }) | undefined;
  if (!target || !element || typeof element.set !== 'function') return false;
  const current = element.get(warning.property as string);
  if (Array.isArray(current)) current.push(target);
  else element.set(warning.property as string, target);
  return true;
}

/** Reference properties whose unresolved text is a variable name rather than an element id. */
const RAW_REFERENCES = new Set(['bpmn:loopDataInputRef']);

/** `<loopDataInputRef>assigneeList</loopDataInputRef>` names a variable: the text becomes the property value. */
function keepRawReference(warning: ModdleWarning): boolean {
  const match = /^unresolved reference <(.*)>$/.exec(String(warning.message));
  const element = warning.element as (ModdleElement & { set(name: string, value: unknown): void }) | undefined;
  if (!match || !warning.property || !RAW_REFERENCES.has(warning.property) || typeof element?.set !== 'function') return false;
  element.set(warning.property, match[1]);
  return true;
}

/** `bpmn:Task` for a local name `task` when BPMN defines that type, else `undefined`. */
function bpmnTypeOf(localName: string): string | undefined {
  const name = `bpmn:${localName.charAt(0).toUpperCase()}${localName.slice(1)}`;
  try {
    getModdle().getType(name);
    return name;
  } catch {
    return undefined;
  }
}

/** The bpmn:Process an element belongs to (through sub-processes), if any. */
export function owningProcess(element: ModdleElement): ModdleElement | undefined {
  for (let current: ModdleElement | undefined = element; current; current = current.$parent) {
    if (current.$type === 'bpmn:Process') return current;
  }
  return undefined;
}

interface SectionLookup {
  /** True when `line` falls inside a non-executable process (the root element starting last before it). */
  isInNonExecutableProcess(line: number): boolean;
  /** An element id whose start tag is on `line`, for warnings that carry only a line. */
  idOnLine(line: number): string | undefined;
}

/** Line-based lookups, built only when a warning needs them (rare: the error path). */
function createSectionLookup(definitions: ModdleElement, sink: IssueSink): SectionLookup {
  let starts: Array<{ line: number; root: ModdleElement }> | undefined;
  let idsByLine: Map<number, string> | undefined;
  return {
    isInNonExecutableProcess(line) {
      starts ??= [...listProp(definitions, 'rootElements'), ...listProp(definitions, 'diagrams')]
        .map((root) => ({ line: (root.id && sink.lines.get(root.id)) || 0, root }))
        .filter((entry) => entry.line > 0)
        .sort((a, b) => a.line - b.line);
      let owner: ModdleElement | undefined;
      for (const entry of starts) if (entry.line <= line) owner = entry.root;
      return owner?.$type === 'bpmn:Process' && owner.isExecutable !== true;
    },
    idOnLine(line) {
      if (!idsByLine) {
        idsByLine = new Map();
        for (const [id, at] of sink.lines) if (!idsByLine.has(at)) idsByLine.set(at, id);
      }
      return idsByLine.get(line);
    },
  };
}
