/**
 * The first gate for BPMN input: decode bytes, refuse document type declarations (entity expansion, external
 * entities) and reject malformed XML with a line and column, before any model reader sees the text.
 */
import { XMLValidator } from 'fast-xml-parser';
import { XmlError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Text of a BPMN document: bytes are decoded as UTF-8; a leading byte order mark is dropped. */
export function decodeXml(input: string | Uint8Array): string {
  const text = typeof input === 'string' ? input : decoder.decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const UNSAFE = /<!(DOCTYPE|ENTITY)/i;

/**
 * Throws `XmlError` `XML_UNSAFE` for any `<!DOCTYPE` or `<!ENTITY` (BPMN never needs one; they enable
 * billion-laughs and external-entity attacks), then `XML_MALFORMED` for text that is not well-formed XML.
 */
export function assertSafeXml(xml: string): void {
  const unsafe = UNSAFE.exec(xml);
  if (unsafe) {
    throw new XmlError('XML_UNSAFE', `XML with a <!${unsafe[1].toUpperCase()}> declaration is refused`, lineAt(xml, unsafe.index));
  }
  if (xml.trim() === '') throw new XmlError('XML_MALFORMED', 'The document is empty', 1, 1);
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (result !== true) {
    throw new XmlError('XML_MALFORMED', `Malformed XML: ${result.err.msg}`, result.err.line, result.err.col);
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
