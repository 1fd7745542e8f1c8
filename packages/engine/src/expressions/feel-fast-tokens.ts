/** One token of the FEEL fast-path subset. */
export interface FeelFastToken {
  readonly kind: 'number' | 'string' | 'name' | 'punct' | 'eof';
  readonly text: string;
  readonly value?: number | string;
  /** Adjacent to a character that may continue a FEEL name (`a-b`, `a.b`, `a b`): see `feel-fast-path.ts`. */
  readonly joinable?: boolean;
  /** Directly followed by a digit with no space in between (for `-5` literals). */
  readonly tight?: boolean;
}

/** FEEL keywords; a name token spelled like one of these is outside the subset (except the few we parse). */
const KEYWORDS = new Set([
  'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of',
  'function', 'external',
]);
const PUNCT = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '(', ')', '.'];
/** After a name, these characters end it for sure; anything else might make the name longer in feelin. */
const NAME_ENDERS = new Set([')', '(', '=', '!', '<', '>', ',']);

/**
 * Tokenizes FEEL text for the fast path, or returns `undefined` when the text uses anything outside the
 * subset (escapes in strings, `**`, `..`, comments, backticks, non-ASCII names, keywords, ...).
 */
export function tokenizeFeelSubset(body: string): FeelFastToken[] | undefined {
  const tokens: FeelFastToken[] = [];
  let index = 0;
  while (index < body.length) {
    const char = body[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
    } else if (isDigit(char) || (char === '.' && isDigit(body[index + 1]))) {
      let end = index;
      while (isDigit(body[end])) end++;
      if (body[end] === '.' && isDigit(body[end + 1])) {
        end++;
        while (isDigit(body[end])) end++;
      }
      const after = body[end];
      if (after !== undefined && (isNamePart(after) || after === '.')) return undefined;
      const text = body.slice(index, end);
      tokens.push({ kind: 'number', text, value: text.includes('.') ? Number.parseFloat(text) : Number.parseInt(text, 10) });
      index = end;
    } else if (char === '"') {
      const end = body.indexOf('"', index + 1);
      if (end < 0) return undefined;
      const value = body.slice(index + 1, end);
      if (value.includes('\\')) return undefined;
      tokens.push({ kind: 'string', text: body.slice(index, end + 1), value });
      index = end + 1;
    } else if (isNameStart(char)) {
      let end = index + 1;
      while (end < body.length && isNamePart(body[end])) end++;
      const text = body.slice(index, end);
      if (KEYWORDS.has(text)) return undefined;
      let next = end;
      while (body[next] === ' ' || body[next] === '\t' || body[next] === '\n' || body[next] === '\r') next++;
      const following = body[next];
      tokens.push({ kind: 'name', text, joinable: following !== undefined && !NAME_ENDERS.has(following) });
      index = end;
    } else {
      const punct = PUNCT.find((candidate) => body.startsWith(candidate, index));
      if (punct === undefined) return undefined;
      if ((punct === '*' && body[index + 1] === '*') || (punct === '.' && body[index + 1] === '.')) return undefined;
      if (punct === '/' && (body[index + 1] === '/' || body[index + 1] === '*')) return undefined;
      tokens.push({ kind: 'punct', text: punct, tight: punct === '-' && isDigit(body[index + 1]) });
      index += punct.length;
    }
  }
  tokens.push({ kind: 'eof', text: '' });
  return tokens;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isNameStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
}

function isNamePart(char: string): boolean {
  return isNameStart(char) || isDigit(char);
}
