// A second, independent reading of Python's `json` module (PROTOCOLS §4) for the test
// servers: `pyLoads` parses as `json.loads` does (an int stays an int of any size, a float
// keeps its kind: `1.0` is not `1`), `pyDumps` writes `json.dumps(value, sort_keys=True,
// separators=(',', ':'), ensure_ascii=False)`. It imports nothing of signet (only this
// folder and node: builtins; test/reference/reference.test.ts checks that and checks it
// against the shared vectors), so a server built on it verifies signet against the
// protocol, not against signet's own canonicalizer.

/** A Python `int`. */
export class PyInt {
  constructor(readonly value: bigint) {}
}

/** A Python `float` (NaN and ±Infinity included, as `json.loads` accepts them). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python `dict` with str keys: insertion order, a repeated key keeps its first place. */
export type PyDict = Map<string, PyValue>;

/** What `json.loads` returns. */
export type PyValue = null | boolean | string | PyInt | PyFloat | PyValue[] | PyDict;

/** A float given by its JSON lexeme (`pyFloat('1.0')`), for test services. */
export function pyFloat(lexeme: string): PyFloat {
  return new PyFloat(Number(lexeme));
}

/** `json.loads(text)`; throws a SyntaxError where Python raises JSONDecodeError. */
export function pyLoads(text: string): PyValue {
  const parser = new Parser(text);
  parser.space();
  const value = parser.value();
  parser.space();
  if (parser.at < text.length) parser.fail('Extra data');
  return value;
}

class Parser {
  at = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new SyntaxError(`${what} at char ${this.at}`);
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.at] ?? '')) this.at++;
  }

  value(): PyValue {
    const ch = this.text[this.at];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    for (const [word, value] of CONSTANTS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    const number = /^(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.at));
    if (number === null) this.fail('Expecting value');
    this.at += number[0].length;
    const isFloat = number[2] !== undefined || number[3] !== undefined;
    return isFloat ? new PyFloat(Number(number[0])) : new PyInt(BigInt(number[1]!));
  }

  object(): PyDict {
    const dict: PyDict = new Map();
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return dict;
    }
    for (;;) {
      if (this.text[this.at] !== '"') this.fail('Expecting property name');
      const key = this.string();
      this.space();
      if (this.text[this.at] !== ':') this.fail("Expecting ':' delimiter");
      this.at++;
      this.space();
      dict.set(key, this.value());
      this.space();
      const next = this.text[this.at++];
      if (next === '}') return dict;
      if (next !== ',') this.fail("Expecting ',' delimiter");
      this.space();
    }
  }

  array(): PyValue[] {
    const list: PyValue[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return list;
    }
    for (;;) {
      list.push(this.value());
      this.space();
      const next = this.text[this.at++];
      if (next === ']') return list;
      if (next !== ',') this.fail("Expecting ',' delimiter");
      this.space();
    }
  }

  string(): string {
    let out = '';
    this.at++;
    for (;;) {
      const ch = this.text[this.at++];
      if (ch === undefined) this.fail('Unterminated string');
      if (ch === '"') return out;
      if (ch < ' ') this.fail('Invalid control character');
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const code = this.text[this.at++] ?? '';
      if (code === 'u') {
        const hex = this.text.slice(this.at, this.at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
        // Units one by one: a pair written as two escapes joins up in the JS string,
        // a lone surrogate stays lone, as in Python.
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.at += 4;
      } else if (code in ESCAPES) {
        out += ESCAPES[code];
      } else {
        this.fail('Invalid \\escape');
      }
    }
  }
}

const CONSTANTS: readonly [string, PyValue][] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', new PyFloat(Number.NaN)],
  ['Infinity', new PyFloat(Number.POSITIVE_INFINITY)],
  ['-Infinity', new PyFloat(Number.NEGATIVE_INFINITY)],
];

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * `json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=False)`. Takes
 * what `pyLoads` returns, and for test services also plain JS values: an integral
 * `number` or a `bigint` is an int, any other `number` a float, a plain object a dict.
 */
export function pyDumps(value: unknown): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return pyQuote(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    return Number.isInteger(value) ? BigInt(value).toString() : floatRepr(value);
  }
  if (value instanceof PyInt) return value.value.toString();
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(',')}]`;
  const entries: [string, unknown][] =
    value instanceof Map ? [...value] : Object.entries(value as Record<string, unknown>);
  entries.sort(([a], [b]) => byCodePoint(a, b));
  return `{${entries.map(([k, v]) => `${pyQuote(k)}:${pyDumps(v)}`).join(',')}}`;
}

/** Python's `sorted()` order of str: code point by code point. */
export function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (ch) => ch.codePointAt(0)!);
  const y = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

/** A str as `ensure_ascii=False` writes it: only `"`, `\` and U+0000–U+001F escaped. */
function pyQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (ch < ' ') out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * `float.__repr__`: the shortest digits that round-trip, fixed notation when the decimal
 * exponent e satisfies -4 <= e < 16 (always with a fraction), else `d.ddde±XX`.
 */
function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits.
  const [mantissa = '', exponent = ''] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exponent);
  if (e >= 16 || e < -4) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${head}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  return `${sign}${whole}.${digits.slice(e + 1) || '0'}`;
}
