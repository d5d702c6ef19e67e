import { SignetConfigError } from '../errors.js';
import { sortByCodeUnits } from './code-units.js';
import { MAX_JSON_DEPTH, TOO_DEEP } from './limits.js';
import { LosslessNumber, losslessObjectPrototype } from './lossless-number.js';
import { pathSegment } from './path.js';
import { quoteJsonString } from './quote.js';
import { TextSink } from './text-sink.js';
import { applyToJSON } from './to-json.js';

const MAX_SAFE = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/**
 * RFC 8785 JSON Canonicalization Scheme: the one text every JCS implementation produces
 * for a JSON value, fit for hashing and signing.
 *
 * - Object members sorted by the UTF-16 code units of their names (JS's default sort),
 *   no whitespace.
 * - Strings as ECMAScript `JSON.stringify` writes them: `\"` `\\` `\b \f \n \r \t`,
 *   `\u00xx` (lower-case) for the other controls, everything else raw.
 * - Numbers as ECMAScript `Number#toString` (the shortest round-trip digits; `1e+21`,
 *   `1e-7`, `-0` → `0`). JCS numbers are IEEE-754 doubles, so a `LosslessNumber` is
 *   written as the double its lexeme denotes, and a `bigint` only when that double is
 *   exact (|n| ≤ 2^53 − 1): larger integers belong in strings under I-JSON.
 * - `toJSON` is applied as in `JSON.stringify` (Date → ISO string).
 *
 * Refused with a SignetConfigError naming the path (`value.items[3]`): NaN and ±Infinity,
 * `undefined` (also as an object member: silently dropping it would sign something other
 * than what the caller wrote), functions, symbols, unsafe bigints, lone surrogates in
 * strings or names, objects that are neither plain nor arrays (Map, Set, class
 * instances), cycles and nesting deeper than 1000 levels.
 */
export function jcsCanonicalize(value: unknown): string {
  const sink = new TextSink();
  jcsWrite(sink, value);
  return sink.end();
}

/** @internal {@link jcsCanonicalize} into a sink, for a text hashed as it is written. */
export function jcsWrite(sink: TextSink, value: unknown): void {
  try {
    write(value, '', [], sink);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    let path = 'value';
    for (let i = error.segments.length - 1; i >= 0; i--) path += pathSegment(error.segments[i]!);
    throw new SignetConfigError(`${path} ${error.problem}`);
  }
}

/** Why a value cannot be canonicalized; its path is collected while the stack unwinds. */
class Refusal {
  readonly segments: (string | number)[] = [];
  constructor(readonly problem: string) {}
}

function write(value: unknown, key: string | number, stack: object[], sink: TextSink): void {
  const v = applyToJSON(value, key);
  switch (typeof v) {
    case 'string':
      sink.push(quote(v));
      return;
    case 'number':
      sink.push(writeNumber(v));
      return;
    case 'boolean':
      sink.push(v ? 'true' : 'false');
      return;
    case 'bigint':
      if (v > MAX_SAFE || v < -MAX_SAFE) {
        throw new Refusal('is a bigint beyond 2^53 - 1: a JCS number cannot hold it exactly');
      }
      sink.push(v.toString());
      return;
    case 'object':
      if (v === null) sink.push('null');
      else if (v instanceof LosslessNumber) sink.push(writeNumber(Number(v.lexeme)));
      else writeContainer(v, stack, sink);
      return;
    default:
      throw new Refusal(
        `is ${v === undefined ? 'undefined' : `a ${typeof v}`}: JSON cannot carry it`,
      );
  }
}

function writeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Refusal(`is ${n}: JSON cannot carry it`);
  return String(n); // ECMAScript Number::toString, which RFC 8785 adopts; -0 gives "0"
}

function quote(s: string, what = ''): string {
  const quoted = quoteJsonString(s);
  if (quoted === null) throw new Refusal(`${what}${loneSurrogate(s)}`);
  return quoted;
}

function writeContainer(v: object, stack: object[], sink: TextSink): void {
  if (stack.includes(v)) throw new Refusal('is a circular reference: JSON cannot carry it');
  if (stack.length >= MAX_JSON_DEPTH) throw new Refusal(TOO_DEEP);
  if (!Array.isArray(v) && !isPlainObject(v)) throw new Refusal(notPlain(v));
  stack.push(v);
  if (Array.isArray(v)) writeArray(v, stack, sink);
  else writeObject(v as Record<string, unknown>, stack, sink);
  stack.pop();
}

function writeArray(array: unknown[], stack: object[], sink: TextSink): void {
  sink.push('[');
  for (let i = 0; i < array.length; i++) {
    if (i !== 0) sink.push(',');
    try {
      write(array[i], i, stack, sink);
    } catch (error) {
      throw within(error, i);
    }
  }
  sink.push(']');
}

function writeObject(object: Record<string, unknown>, stack: object[], sink: TextSink): void {
  const keys = sortByCodeUnits(Object.keys(object));
  sink.push('{');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (i !== 0) sink.push(',');
    try {
      sink.push(quoteKey(key));
      sink.push(':');
      write(object[key], key, stack, sink);
    } catch (error) {
      throw within(error, key);
    }
  }
  sink.push('}');
}

// The same API shapes come back call after call: reusing the quoted form of their member
// names saves a scan and an allocation per member. Bounded: short names only, and the
// cache starts over when full.
const quotedKeys = /* @__PURE__ */ new Map<string, string>();

function quoteKey(key: string): string {
  const cached = quotedKeys.get(key);
  if (cached !== undefined) return cached;
  const quoted = quote(key, '(a member name) ');
  if (key.length <= 64) {
    if (quotedKeys.size >= 2048) quotedKeys.clear();
    quotedKeys.set(key, quoted);
  }
  return quoted;
}

function within(error: unknown, segment: string | number): unknown {
  if (error instanceof Refusal) error.segments.push(segment);
  return error;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null || proto === losslessObjectPrototype)
    return true;
  // An object from another realm (iframe, vm context) has that realm's Object.prototype.
  return Object.getPrototypeOf(proto) === null && proto.constructor?.name === 'Object';
}

function notPlain(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  const what = typeof name === 'string' && name !== '' ? name : 'non-plain object';
  return `is a ${what}: pass a plain object or array, or give it a toJSON() method`;
}

/** Where the first lone surrogate is; the text itself stays out of the message. */
function loneSurrogate(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) break;
    i++;
  }
  const unit = s.charCodeAt(i).toString(16).toUpperCase();
  return `contains a lone surrogate (U+${unit} at index ${i}): RFC 8785 needs well-formed Unicode`;
}
