import { SignetDecodeError } from '../errors.js';

/** One challenge of a `WWW-Authenticate` header (RFC 7235 §2.1). */
export interface AuthChallenge {
  /** Lower-cased auth-scheme: `digest`, `basic`, `bearer`... */
  scheme: string;
  /** Parameters by lower-cased name, values unquoted and unescaped. */
  params: Record<string, string>;
  /** The token68 form (`Negotiate YII...`), when the challenge uses it instead of params. */
  token68?: string;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
// Servers send base64 nonces unquoted (`nonce=ab+/c=`), which RFC 7235 `token` forbids;
// a value that runs to the next comma or space is still unambiguous, so accept it.
const BARE_VALUE_CHAR = /[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]/;

/**
 * Parses one or several `WWW-Authenticate` header values into challenges, in order.
 * Accepts several challenges per value, quoted strings with backslash escapes, empty list
 * elements and the `", "`-joined form `Headers.get` produces.
 *
 * Malformed input throws `SignetDecodeError` (with `position`) rather than guessing:
 * a parameter split the wrong way could change the realm or nonce being answered.
 * Duplicate parameter names in one challenge are refused for the same reason.
 *
 * @example
 * ```ts
 * parseWwwAuthenticate('Basic realm="a", Digest realm="b", nonce="x", qop="auth"')
 * // [{ scheme: 'basic', params: { realm: 'a' } },
 * //  { scheme: 'digest', params: { realm: 'b', nonce: 'x', qop: 'auth' } }]
 * ```
 */
export function parseWwwAuthenticate(header: string | readonly string[]): AuthChallenge[] {
  if (typeof header !== 'string') {
    if (!Array.isArray(header))
      throw new TypeError('parseWwwAuthenticate: header must be a string');
    return header.flatMap((value: string) => parseWwwAuthenticate(value));
  }
  return new HeaderReader(header, 'WWW-Authenticate').challenges();
}

/**
 * Parses a header that is a bare `#auth-param` list, such as `Authentication-Info`
 * (RFC 7615). Same grammar and errors as `parseWwwAuthenticate`.
 */
export function parseAuthParams(
  header: string,
  label = 'Authentication-Info',
): Record<string, string> {
  if (typeof header !== 'string') throw new TypeError('parseAuthParams: header must be a string');
  return new HeaderReader(header, label).paramList();
}

class HeaderReader {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly label: string,
  ) {}

  challenges(): AuthChallenge[] {
    const out: AuthChallenge[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.atEnd()) return out;
      const scheme = this.token();
      if (scheme === '') this.fail('expected an auth-scheme');
      const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: emptyParams() };
      out.push(challenge);
      const spaces = this.skipSpaces();
      if (this.atEnd() || this.peek() === ',') continue;
      if (spaces === 0) this.fail(`expected a space after the auth-scheme "${scheme}"`);
      const token68 = this.token68();
      if (token68 !== undefined) challenge.token68 = token68;
      else this.params(challenge.params, true);
    }
  }

  paramList(): Record<string, string> {
    const params = emptyParams();
    this.skipSeparators();
    if (!this.atEnd()) this.params(params, false);
    if (!this.atEnd()) this.fail('expected a parameter');
    return params;
  }

  /** Reads `name=value` pairs until the end or until the next item is a new challenge. */
  private params(params: Record<string, string>, inChallenge: boolean): void {
    for (;;) {
      const nameAt = this.pos;
      const name = this.token().toLowerCase();
      if (name === '') this.fail('expected a parameter name');
      this.skipSpaces();
      if (this.peek() !== '=') this.fail(`expected "=" after parameter "${name}"`);
      this.pos++;
      this.skipSpaces();
      const value = this.peek() === '"' ? this.quotedString() : this.bareValue(name);
      if (Object.hasOwn(params, name)) {
        this.fail(`parameter "${name}" appears twice in one challenge`, nameAt);
      }
      params[name] = value;
      this.skipSpaces();
      if (this.atEnd()) return;
      if (this.peek() !== ',') this.fail(`expected "," after parameter "${name}"`);
      const afterValue = this.pos;
      this.skipSeparators();
      if (this.atEnd()) return;
      if (inChallenge && !this.nextIsParam()) {
        this.pos = afterValue;
        return;
      }
    }
  }

  /** `token BWS "="` ahead means another parameter; anything else starts a new challenge. */
  private nextIsParam(): boolean {
    const start = this.pos;
    let isParam = this.token() !== '';
    this.skipSpaces();
    isParam &&= this.peek() === '=';
    this.pos = start;
    return isParam;
  }

  /** A token68 is followed only by the end or a comma; otherwise this was a parameter name. */
  private token68(): string | undefined {
    const start = this.pos;
    while (!this.atEnd() && TOKEN68_CHAR.test(this.peek())) this.pos++;
    if (this.pos === start) return undefined;
    while (this.peek() === '=') this.pos++;
    const end = this.pos;
    this.skipSpaces();
    if (this.atEnd() || this.peek() === ',') return this.text.slice(start, end);
    this.pos = start;
    return undefined;
  }

  private quotedString(): string {
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail('unterminated quoted string');
      const ch = this.peek();
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\\') {
        this.pos++;
        if (this.atEnd()) this.fail('unterminated quoted string');
      }
      const escaped = this.peek();
      if (isControl(escaped)) this.fail('control character in a quoted string');
      out += escaped;
      this.pos++;
    }
  }

  private bareValue(name: string): string {
    const start = this.pos;
    while (!this.atEnd() && BARE_VALUE_CHAR.test(this.peek())) this.pos++;
    if (this.pos === start) this.fail(`expected a value for parameter "${name}"`);
    return this.text.slice(start, this.pos);
  }

  private token(): string {
    const start = this.pos;
    while (!this.atEnd() && TCHAR.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private skipSpaces(): number {
    const start = this.pos;
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
    return this.pos - start;
  }

  /** Optional whitespace and empty list elements (RFC 7230 §7 `#rule`). */
  private skipSeparators(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.pos++;
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private fail(problem: string, position = this.pos): never {
    throw new SignetDecodeError(`${this.label}: ${problem} at offset ${position}`, { position });
  }
}

function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** No prototype, so a parameter called `__proto__` or `constructor` is just data. */
function emptyParams(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}
