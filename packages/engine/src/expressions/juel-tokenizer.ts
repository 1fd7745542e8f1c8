import { invalidExpression } from './expression-errors.js';

/** One JUEL token. `position` is the index in the whole expression source (for error details). */
export interface JuelToken {
  readonly kind: 'number' | 'string' | 'name' | 'punct' | 'end';
  /** Operator or punctuation text, identifier, or the raw literal text. */
  readonly text: string;
  /** Parsed value of number and string literals. */
  readonly value?: number | string;
  readonly position: number;
}

/** The tokens of one `${...}` body and the index just after its closing `}`. */
export interface JuelTokens {
  readonly tokens: JuelToken[];
  readonly next: number;
}

const TWO_CHAR_PUNCT = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR_PUNCT = new Set(['+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '.', '[', ']', '(', ')', ',']);
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;

/**
 * Splits the body of a `${...}` (or `#{...}`) that starts at `start` into tokens, up to and including the
 * closing `}`; the last token has kind `end`. Throws EXPRESSION_INVALID for unknown characters,
 * unterminated strings and a missing `}`.
 */
export function tokenizeJuel(source: string, start: number): JuelTokens {
  const tokens: JuelToken[] = [];
  let index = start;
  while (index < source.length) {
    const char = source[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
    } else if (char === '}') {
      tokens.push({ kind: 'end', text: '}', position: index });
      return { tokens, next: index + 1 };
    } else if (char === '"' || char === "'") {
      index = readString(source, index, tokens);
    } else if (isDigit(char) || (char === '.' && isDigit(source[index + 1]))) {
      index = readNumber(source, index, tokens);
    } else if (isNameStart(char)) {
      let end = index + 1;
      while (end < source.length && isNamePart(source[end])) end++;
      tokens.push({ kind: 'name', text: source.slice(index, end), position: index });
      index = end;
    } else {
      const two = source.slice(index, index + 2);
      if (TWO_CHAR_PUNCT.has(two)) {
        tokens.push({ kind: 'punct', text: two, position: index });
        index += 2;
      } else if (ONE_CHAR_PUNCT.has(char)) {
        tokens.push({ kind: 'punct', text: char, position: index });
        index++;
      } else {
        throw invalidExpression(source, `unexpected character '${char}' at ${index}`, index);
      }
    }
  }
  throw invalidExpression(source, `'\${' at ${start - 2} is never closed with '}'`, start - 2);
}

/** Reads a quoted literal; `\\`, `\'` and `\"` are escapes, any other backslash is kept (as in EL). */
function readString(source: string, start: number, tokens: JuelToken[]): number {
  const quote = source[start];
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === quote) {
      tokens.push({ kind: 'string', text: source.slice(start, index + 1), value, position: start });
      return index + 1;
    }
    if (char === '\\') {
      const escaped = source[index + 1];
      if (escaped === '\\' || escaped === '"' || escaped === "'") {
        value += escaped;
        index += 2;
        continue;
      }
    }
    value += char;
    index++;
  }
  throw invalidExpression(source, `string literal at ${start} is never closed`, start);
}

function readNumber(source: string, start: number, tokens: JuelToken[]): number {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(source);
  const text = match ? match[0] : '';
  const end = start + text.length;
  if (text === '' || isNamePart(source[end]) || source[end] === '.') {
    throw invalidExpression(source, `malformed number at ${start}`, start);
  }
  tokens.push({ kind: 'number', text, value: Number(text), position: start });
  return end;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isNameStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_' || char === '$';
}

function isNamePart(char: string | undefined): boolean {
  return char !== undefined && (isNameStart(char) || isDigit(char));
}
