/**
 * BPMN XML -> compiled `ProcessModel`s. The steps, each in its own file: xml-safety (decode, refuse DOCTYPE,
 * well-formedness) -> line-index -> read-moddle -> compile-process (+ element-support table) -> validate-process.
 */
import { DefinitionValidationError } from '../errors.js';
import type { ProcessModel } from '../model/definition.js';
import type { ValidationIssue } from '../model/validation-issue.js';
import { compileProcess } from './compile-process.js';
import { createIssueSink } from './issues.js';
import { buildLineIndex } from './line-index.js';
import { listProp, type ModdleElement } from './moddle-element.js';
import { readModdle } from './read-moddle.js';
import { validateProcess } from './validate-process.js';
import { assertSafeXml, decodeXml } from './xml-safety.js';

export interface ParsedBpmn {
  /** Executable processes (`isExecutable="true"`), in document order. */
  processes: ProcessModel[];
  /** Non-executable processes, compiled best-effort; those with unsupported content are left out. */
  nonExecutable: ProcessModel[];
  /** MODEL_WARNINGs: content accepted but ignored for execution. */
  warnings: ValidationIssue[];
}

export interface DefinitionValidation {
  valid: boolean;
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
}

/**
 * Parses and validates a BPMN 2.0 document.
 * Throws `XmlError` (XML_UNSAFE, XML_MALFORMED) for unusable XML and `DefinitionValidationError` with every
 * issue found when an executable process cannot run as modelled.
 *
 * @example
 * const { processes } = await parseBpmn(readFileSync('order.bpmn'));
 */
export interface ParseOptions {
  /** Accept a file without executable processes (descriptive models); NO_EXECUTABLE_PROCESS is not an issue. */
  allowNonExecutable?: boolean;
}

export async function parseBpmn(xml: string | Uint8Array, options: ParseOptions = {}): Promise<ParsedBpmn> {
  const { parsed, issues } = await analyseBpmn(xml);
  const blocking = options.allowNonExecutable ? issues.filter((issue) => issue.code !== 'NO_EXECUTABLE_PROCESS') : issues;
  if (blocking.length > 0) throw new DefinitionValidationError(blocking);
  return parsed;
}

/**
 * Reports every issue of a BPMN document without throwing for model problems (`valid` is false when any issue
 * exists). Unusable XML still throws `XmlError`: there is no model to report on.
 */
export async function validateDefinition(xml: string | Uint8Array): Promise<DefinitionValidation> {
  const { parsed, issues } = await analyseBpmn(xml);
  return { valid: issues.length === 0, issues, warnings: parsed.warnings };
}

async function analyseBpmn(xml: string | Uint8Array): Promise<{ parsed: ParsedBpmn; issues: ValidationIssue[] }> {
  const text = decodeXml(xml);
  assertSafeXml(text);
  const sink = createIssueSink(buildLineIndex(text));
  const definitions = await readModdle(text, sink);

  const parsed: ParsedBpmn = { processes: [], nonExecutable: [], warnings: sink.warnings };
  for (const root of listProp(definitions, 'rootElements')) {
    if (root.$type !== 'bpmn:Process') continue;
    if (root.isExecutable === true) {
      const compiled = compileProcess(root, sink);
      validateProcess(compiled, sink);
      parsed.processes.push(compiled.model);
    } else {
      const model = compileBestEffort(root, sink.lines);
      if (model) parsed.nonExecutable.push(model);
    }
  }
  if (parsed.processes.length === 0) {
    sink.issues.push({
      code: 'NO_EXECUTABLE_PROCESS',
      message: 'The file has no executable process; mark the process to deploy with isExecutable="true"',
    });
  }
  return { parsed, issues: dedupe(sink.issues) };
}

/** A non-executable process, or `undefined` when it holds anything Pravah could not run. */
function compileBestEffort(process: ModdleElement, lines: ReturnType<typeof buildLineIndex>): ProcessModel | undefined {
  const scratch = createIssueSink(lines);
  const { model } = compileProcess(process, scratch);
  const unsupported = scratch.issues.some((issue) => issue.code === 'UNSUPPORTED_ELEMENT' || issue.code === 'UNSUPPORTED_SCRIPT_FORMAT');
  return unsupported ? undefined : model;
}

/** The same problem can be seen twice (e.g. moddle's unresolved reference and the flow check). */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (!issue.elementId) return true;
    const key = `${issue.code}|${issue.elementId}|${issue.path ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
