import { SignetDecodeError } from '../errors.js';
import { MAX_JSON_DEPTH } from './limits.js';
import {
  createLosslessObject,
  type LosslessJson,
  LosslessNumber,
  type LosslessObject,
  withTrustedLexemes,
} from './lossless-number.js';
import { jsonPathAt } from './text-path.js';

/** Limits and dialect of {@link parseLossless}. */
export interface LosslessParseOptions {
  /**
   * Deepest nesting of arrays/objects accepted: default and most 1000 (MAX_JSON_DEPTH,
   * about Python's own limit; a larger number is read as 1000, so the parser's stack stays
   * bounded).
   */
  maxDepth?: number;
  /** Longest text accepted, in UTF-16 code units (default 64 Mi). */
  maxLength?: number;
  /**
   * Accept the `NaN`, `Infinity` and `-Infinity` literals that Python's `json.loads`
   * accepts (they become float LosslessNumbers). Default false: RFC 8259 has no such
   * tokens and no other peer writes them.
   */
  allowNonFinite?: boolean;
}

const DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;

/**
 * Parses JSON text (RFC 8259, as Python's `json.loads` reads it) into a
 * {@link LosslessJson} tree that keeps every number's lexeme.
 *
 * - Leading and trailing whitespace (space, tab, CR, LF) is allowed; nothing else is.
 * - Duplicate keys: the last one wins, as in Python and `JSON.parse`.
 * - `\uD800`-style escapes of lone surrogates are kept as they are (Python accepts them);
 *   the serializer refuses them later if they must be signed.
 * - Bad text always throws {@link SignetDecodeError} with the `position` of the problem.
 */
export function parseLossless(text: string, options: LosslessParseOptions = {}): LosslessJson {
  if (typeof text !== 'string') throw new TypeError('parseLossless: text must be a string');
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    throw new SignetDecodeError(
      `JSON text is ${text.length} characters long, more than the limit of ${maxLength}`,
      { position: maxLength },
    );
  }
  const parser = new Parser(
    text,
    Math.min(options.maxDepth ?? MAX_JSON_DEPTH, MAX_JSON_DEPTH),
    !!options.allowNonFinite,
  );
  return withTrustedLexemes(() => parser.parseDocument());
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly allowNonFinite: boolean,
  ) {}

  parseDocument(): LosslessJson {
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(this.pos);
    return value;
  }

  private parseValue(): LosslessJson {
    this.skipWhitespace();
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    switch (c) {
      case 0x22: // "
        return this.parseString();
      case 0x7b: // {
        return this.parseObject();
      case 0x5b: // [
        return this.parseArray();
      case 0x74: // t
        return this.literal('true', true);
      case 0x66: // f
        return this.literal('false', false);
      case 0x6e: // n
        return this.literal('null', null);
      case 0x4e: // N
        if (this.allowNonFinite) return this.literal('NaN', new LosslessNumber('NaN'));
        break;
      case 0x49: // I
        if (this.allowNonFinite) return this.literal('Infinity', new LosslessNumber('Infinity'));
        break;
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    }
    return this.fail(this.pos);
  }

  private parseObject(): LosslessObject {
    this.enter();
    const text = this.text;
    const object = createLosslessObject();
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.depth--;
      return object;
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== 0x22) this.fail(this.pos);
      const key = this.parseString();
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== 0x3a) this.fail(this.pos);
      this.pos++;
      object[key] = this.parseValue();
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x2c) {
        this.skipWhitespace();
        continue;
      }
      if (c === 0x7d) break;
      this.fail(this.pos - 1);
    }
    this.depth--;
    return object;
  }

  private parseArray(): LosslessJson[] {
    this.enter();
    const text = this.text;
    const array: LosslessJson[] = [];
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.depth--;
      return array;
    }
    for (;;) {
      array.push(this.parseValue());
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x2c) continue;
      if (c === 0x5d) break;
      this.fail(this.pos - 1);
    }
    this.depth--;
    return array;
  }

  private parseString(): string {
    const text = this.text;
    const n = text.length;
    const start = this.pos + 1;
    for (let i = start; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return text.slice(start, i);
      }
      if (c === 0x5c || c < 0x20) return this.parseEscapedString(start, i);
    }
    return this.fail(n);
  }

  /** Slow path: the string holds escapes (or is bad). `i` is the first special character. */
  private parseEscapedString(start: number, i: number): string {
    const text = this.text;
    let out = text.slice(start, i);
    let chunk = i;
    for (;;) {
      if (i >= text.length) this.fail(i);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return out + text.slice(chunk, i);
      }
      if (c < 0x20) this.fail(i, 'Invalid control character');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text.charCodeAt(i + 1);
      switch (e) {
        case 0x22:
        case 0x5c:
        case 0x2f:
          out += String.fromCharCode(e);
          break;
        case 0x62:
          out += '\b';
          break;
        case 0x66:
          out += '\f';
          break;
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x75: {
          const unit = hex4(text, i + 2);
          if (unit < 0) this.fail(i + 6 > text.length ? text.length : i, 'Invalid \\uXXXX escape');
          out += String.fromCharCode(unit);
          i += 4;
          break;
        }
        default:
          this.fail(i + 1, 'Invalid escape');
      }
      i += 2;
      chunk = i;
    }
  }

  private parseNumber(): LosslessNumber {
    const text = this.text;
    const start = this.pos;
    let i = start;
    let c = text.charCodeAt(i);
    if (c === 0x2d) {
      c = text.charCodeAt(++i);
      if (c === 0x49 && this.allowNonFinite) {
        this.pos = i;
        return this.literal('Infinity', new LosslessNumber('-Infinity'));
      }
    }
    if (c === 0x30) {
      c = text.charCodeAt(++i);
    } else if (c >= 0x31 && c <= 0x39) {
      do c = text.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39);
    } else {
      this.fail(i);
    }
    if (c === 0x2e) {
      c = text.charCodeAt(++i);
      if (!(c >= 0x30 && c <= 0x39)) this.fail(i);
      do c = text.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39);
    }
    if (c === 0x65 || c === 0x45) {
      c = text.charCodeAt(++i);
      if (c === 0x2b || c === 0x2d) c = text.charCodeAt(++i);
      if (!(c >= 0x30 && c <= 0x39)) this.fail(i);
      do c = text.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39);
    }
    this.pos = i;
    return new LosslessNumber(text.slice(start, i));
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) {
      let i = 0;
      while (this.text.charCodeAt(this.pos + i) === word.charCodeAt(i)) i++;
      this.fail(this.pos + i);
    }
    this.pos += word.length;
    return value;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    let c = text.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
    this.pos = i;
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new SignetDecodeError(
        `JSON nested deeper than ${this.maxDepth} levels${this.maxDepth === MAX_JSON_DEPTH ? ' (MAX_JSON_DEPTH)' : ''} at ${jsonPathAt(this.text, this.pos)}, ${where(this.text, this.pos)}`,
        { position: this.pos },
      );
    }
  }

  private fail(position: number, problem?: string): never {
    const text = this.text;
    if (position >= text.length) {
      throw new SignetDecodeError('Unexpected end of JSON input', { position: text.length });
    }
    const what = problem ?? 'Unexpected character';
    throw new SignetDecodeError(`${what} ${describe(text, position)} at ${where(text, position)}`, {
      position,
    });
  }
}

function hex4(text: string, at: number): number {
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(at + k);
    let digit: number;
    if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) digit = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) digit = c - 0x37;
    else return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** `'}'` for printable ASCII, `U+000A` for everything else (never a run of the text). */
function describe(text: string, position: number): string {
  const c = text.codePointAt(position) ?? 0;
  if (c > 0x20 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

function where(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `position ${position} (line ${line}, column ${position - lineStart + 1})`;
}
