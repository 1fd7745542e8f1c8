/**
 * Element id -> 1-based line of the start tag that carries `id="..."`. One linear scan of the text, so deploy
 * errors can point at a line without a position-tracking XML parser. Comments, CDATA sections, processing
 * instructions and end tags are skipped; quoted attribute values may contain `>` and `<`.
 */

export type LineIndex = ReadonlyMap<string, number>;

const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Builds the id -> line map. The first start tag wins when an id repeats. */
export function buildLineIndex(xml: string): LineIndex {
  const lines = new Map<string, number>();
  let line = 1;
  let counted = 0; // newlines are counted up to this offset
  let pos = xml.indexOf('<');
  while (pos !== -1) {
    for (let nl = xml.indexOf('\n', counted); nl !== -1 && nl < pos; nl = xml.indexOf('\n', nl + 1)) line++;
    counted = pos;
    const next = xml.charCodeAt(pos + 1);
    let end: number;
    if (xml.startsWith('<!--', pos)) end = skipPast(xml, '-->', pos);
    else if (xml.startsWith('<![CDATA[', pos)) end = skipPast(xml, ']]>', pos);
    else if (next === 63 /* ? */) end = skipPast(xml, '?>', pos);
    else if (next === 33 /* ! */ || next === SLASH) end = skipPast(xml, '>', pos);
    else end = scanStartTag(xml, pos + 1, line, lines);
    pos = end >= xml.length ? -1 : xml.indexOf('<', end);
  }
  return lines;
}

function skipPast(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at === -1 ? xml.length : at + marker.length;
}

/** Reads the attributes of one start tag; returns the offset after its `>`. */
function scanStartTag(xml: string, from: number, line: number, lines: Map<string, number>): number {
  const length = xml.length;
  let i = from;
  while (i < length && !isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== GT && xml.charCodeAt(i) !== SLASH) i++;
  while (i < length) {
    let code = xml.charCodeAt(i);
    if (code === GT) return i + 1;
    if (isSpace(code) || code === SLASH) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < length && (code = xml.charCodeAt(i)) !== EQ && !isSpace(code) && code !== GT && code !== SLASH) i++;
    const nameEnd = i;
    while (i < length && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQ) continue;
    i++;
    while (i < length && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== DQUOTE && quote !== SQUOTE) continue;
    const valueEnd = xml.indexOf(quote === DQUOTE ? '"' : "'", i + 1);
    if (valueEnd === -1) return length;
    if (nameEnd - nameStart === 2 && xml.startsWith('id', nameStart)) {
      const id = xml.slice(i + 1, valueEnd).trim();
      if (!lines.has(id)) lines.set(id, line);
    }
    i = valueEnd + 1;
  }
  return length;
}
