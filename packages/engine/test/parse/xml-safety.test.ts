import { describe, expect, it } from 'vitest';
import { parseFixture, xmlError } from './parse-helpers.js';

describe('xml safety', () => {
  it('refuses a DOCTYPE with entities (billion laughs) before parsing, with its line', async () => {
    // given a document declaring nested entities
    const xml = parseFixture('unsafe-doctype.bpmn');
    // when it is parsed
    const error = await xmlError(xml);
    // then it is refused as unsafe at the DOCTYPE line
    expect(error.code).toBe('XML_UNSAFE');
    expect(error.line).toBe(2);
  });

  it('refuses an ENTITY declaration even without DOCTYPE', async () => {
    const error = await xmlError('<?xml version="1.0"?>\n\n<!ENTITY x "y"><a/>');
    expect(error.code).toBe('XML_UNSAFE');
    expect(error.line).toBe(3);
  });

  it('reports malformed XML with line and column', async () => {
    // given a start tag that is never closed
    const xml = parseFixture('malformed.bpmn');
    // when it is parsed
    const error = await xmlError(xml);
    // then the parser reports where it stopped
    expect(error.code).toBe('XML_MALFORMED');
    expect(error.line).toBe(5);
    expect(error.column).toBeGreaterThan(0);
  });

  it('reports an empty document as malformed', async () => {
    expect((await xmlError('  ')).code).toBe('XML_MALFORMED');
  });

  it('reports a well-formed document that is not BPMN as malformed', async () => {
    expect((await xmlError('<?xml version="1.0"?><html><body/></html>')).code).toBe('XML_MALFORMED');
  });

  it('refuses an element id that is not an XML name', async () => {
    const xml = parseFixture('minimal.bpmn').replace('id="Work"', 'id="1 Work"').replaceAll('>Work<', '>1 Work<');
    const error = await xmlError(xml);
    expect(error.code).toBe('XML_MALFORMED');
    expect(error.line).toBe(8);
  });
});
