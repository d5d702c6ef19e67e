import { SignetConfigError } from '../errors.js';
import { sortByCodeUnits } from './code-units.js';
import { MAX_JSON_DEPTH, TOO_DEEP } from './limits.js';
import { LosslessNumber } from './lossless-number.js';
import { pathSegment } from './path.js';
import { applyToJSON } from './to-json.js';

/**
 * DataFlux Func's own `jsonDumps`, the text whose MD5 goes into an AK/SK signature
 * (PROTOCOLS §2). It is **not JSON**:
 * - object keys sorted by the default JS sort (UTF-16 code units, unlike Python);
 * - strings and keys wrapped in `"` with no escaping at all (quotes, backslashes and
 *   control characters go in raw);
 * - numbers via `String(n)` (`1e+21`, `1e-7`, `-0` → `0`); `true`, `false`, `null`;
 *   arrays `[a,b]`; no whitespace.
 *
 * The server runs it on `JSON.parse` of the body it received, so for any other JS value
 * this returns what the server computes after `JSON.parse(JSON.stringify(value))`:
 * `toJSON` is applied (Date → its ISO string), boxed primitives are unboxed, object
 * members that are `undefined`, functions or symbols are dropped while array items of
 * those kinds become `null`, NaN and ±Infinity become `null`, Map/Set/class instances
 * contribute their enumerable own properties (usually `{}`), and a `bigint` becomes the
 * double the server's `JSON.parse` reads from its digits (`String(Number(big))`).
 * A `LosslessNumber` is the double its lexeme parses to, for the same reason (`1e400`
 * prints as `Infinity`, as the server's `String()` of it does).
 *
 * Refused with a SignetConfigError naming the path: a top-level value that has no JSON
 * text (`undefined`, a function, a symbol), circular references and nesting deeper than
 * 1000 levels (MAX_JSON_DEPTH). Lone surrogates go
 * in raw; UTF-8 encoding then turns them into U+FFFD, as the server's does.
 */
export function dfJsonDumps(value: unknown): string {
  let out: string | undefined;
  try {
    out = write(value, '', []);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    let path = 'body';
    for (let i = error.segments.length - 1; i >= 0; i--) path += pathSegment(error.segments[i]!);
    throw new SignetConfigError(`${path} ${error.problem}`);
  }
  if (out === undefined) {
    const what = value === undefined ? 'undefined' : `a ${typeof value}`;
    throw new SignetConfigError(`body is ${what}: JSON has no text for it`);
  }
  return out;
}

/** The dumps of `value`, or undefined where JSON.stringify would leave it out. */
function write(value: unknown, key: string | number, stack: object[]): string | undefined {
  const v = applyToJSON(value, key);
  switch (typeof v) {
    case 'string':
      return `"${v}"`;
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return String(Number(v));
    case 'object':
      return v === null ? 'null' : writeObject(v, stack);
    default:
      return undefined; // undefined, function, symbol
  }
}

function writeObject(v: object, stack: object[]): string {
  // The server's JSON.parse reads the lexeme as a double: `1e400` is Infinity there.
  if (v instanceof LosslessNumber) return String(Number(v.lexeme));
  if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt) {
    return write(v.valueOf(), '', stack)!;
  }
  if (stack.includes(v)) throw new Refusal('is a circular reference: JSON cannot carry it');
  if (stack.length >= MAX_JSON_DEPTH) throw new Refusal(TOO_DEEP);
  stack.push(v);
  let out: string;
  if (Array.isArray(v)) {
    out = '[';
    for (let i = 0; i < v.length; i++) {
      let item: string | undefined;
      try {
        item = write(v[i], i, stack);
      } catch (error) {
        throw within(error, i);
      }
      if (i !== 0) out += ',';
      out += item ?? 'null';
    }
    out += ']';
  } else {
    const record = v as Record<string, unknown>;
    const keys = sortByCodeUnits(Object.keys(record));
    out = '{';
    for (const key of keys) {
      let item: string | undefined;
      try {
        item = write(record[key], key, stack);
      } catch (error) {
        throw within(error, key);
      }
      if (item === undefined) continue;
      if (out.length > 1) out += ',';
      out += `"${key}":${item}`;
    }
    out += '}';
  }
  stack.pop();
  return out;
}

/** A cycle or too deep a value; its path is collected (innermost first) while the stack unwinds. */
class Refusal {
  readonly segments: (string | number)[] = [];
  constructor(readonly problem: string) {}
}

function within(error: unknown, segment: string | number): unknown {
  if (error instanceof Refusal) error.segments.push(segment);
  return error;
}
