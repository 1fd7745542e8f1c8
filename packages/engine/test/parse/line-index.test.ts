import { describe, expect, it } from 'vitest';
import { buildLineIndex } from '../../src/parse/line-index.js';

describe('line index', () => {
  it('maps ids to the line of their start tag', () => {
    // given elements spread over lines, one with its id on a continuation line
    const xml = ['<a id="A">', '  <b', '    name="x > y"', '    id="B"/>', '  <c id=\'C\'></c>', '</a>'].join('\n');
    // when indexed
    const lines = buildLineIndex(xml);
    // then each id points at the line where its tag starts
    expect(Object.fromEntries(lines)).toEqual({ A: 1, B: 2, C: 5 });
  });

  it('skips comments, CDATA, processing instructions and attributes named like id', () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<!-- <x id="Commented"/> -->',
      '<a bpmnElement="id" xid="nope">',
      '<![CDATA[ <y id="InCdata"/> ]]>',
      '<z id="Z"/>',
      '</a>',
    ].join('\n');
    expect(Object.fromEntries(buildLineIndex(xml))).toEqual({ Z: 5 });
  });

  it('keeps the first line of a repeated id', () => {
    expect(buildLineIndex('<a id="X"/>\n<b id="X"/>').get('X')).toBe(1);
  });
});
