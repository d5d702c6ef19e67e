import { SignetConfigError } from '../errors.js';
import { sortByCodeUnits } from './code-units.js';
import { MAX_JSON_DEPTH, TOO_DEEP } from './limits.js';
import { LosslessNumber } from './lossless-number.js';
import { pathSegment } from './path.js';
import { TextSink } from './text-sink.js';
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
  const sink = new TextSink();
  dfJsonWrite(sink, value);
  return sink.end();
}

/** @internal {@link dfJsonDumps} into a sink, for a text hashed as it is written. */
export function dfJsonWrite(sink: TextSink, value: unknown): void {
  let wrote: boolean;
  try {
    wrote = write(value, '', [], sink);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    let path = 'body';
    for (let i = error.segments.length - 1; i >= 0; i--) path += pathSegment(error.segments[i]!);
    throw new SignetConfigError(`${path} ${error.problem}`);
  }
  if (!wrote) {
    const what = value === undefined ? 'undefined' : `a ${typeof value}`;
    throw new SignetConfigError(`body is ${what}: JSON has no text for it`);
  }
}

/** Writes the dumps of `value`; false (nothing written) where JSON.stringify leaves it out. */
function write(value: unknown, key: string | number, stack: object[], sink: TextSink): boolean {
  return writeResolved(applyToJSON(value, key), stack, sink);
}

function writeResolved(v: unknown, stack: object[], sink: TextSink): boolean {
  switch (typeof v) {
    case 'string':
      sink.push(`"${v}"`);
      return true;
    case 'number':
      sink.push(Number.isFinite(v) ? String(v) : 'null');
      return true;
    case 'boolean':
      sink.push(v ? 'true' : 'false');
      return true;
    case 'bigint':
      sink.push(String(Number(v)));
      return true;
    case 'object':
      if (v === null) sink.push('null');
      else writeObject(v, stack, sink);
      return true;
    default:
      return false; // undefined, function, symbol
  }
}

/** Whether JSON.stringify keeps a member whose value is `v` (after toJSON). */
function kept(v: unknown): boolean {
  const type = typeof v;
  return type !== 'undefined' && type !== 'function' && type !== 'symbol';
}

function writeObject(v: object, stack: object[], sink: TextSink): void {
  // The server's JSON.parse reads the lexeme as a double: `1e400` is Infinity there.
  if (v instanceof LosslessNumber) {
    sink.push(String(Number(v.lexeme)));
    return;
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt) {
    write(v.valueOf(), '', stack, sink);
    return;
  }
  if (stack.includes(v)) throw new Refusal('is a circular reference: JSON cannot carry it');
  if (stack.length >= MAX_JSON_DEPTH) throw new Refusal(TOO_DEEP);
  stack.push(v);
  if (Array.isArray(v)) {
    sink.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i !== 0) sink.push(',');
      try {
        if (!write(v[i], i, stack, sink)) sink.push('null');
      } catch (error) {
        throw within(error, i);
      }
    }
    sink.push(']');
  } else {
    const record = v as Record<string, unknown>;
    const keys = sortByCodeUnits(Object.keys(record));
    sink.push('{');
    let first = true;
    for (const key of keys) {
      try {
        // The member is dropped before its key is written when its value has no text.
        const item = applyToJSON(record[key], key);
        if (!kept(item)) continue;
        sink.push(first ? `"${key}":` : `,"${key}":`);
        first = false;
        writeResolved(item, stack, sink);
      } catch (error) {
        throw within(error, key);
      }
    }
    sink.push('}');
  }
  stack.pop();
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
