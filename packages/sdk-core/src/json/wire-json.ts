import { SignetConfigError } from '../errors.js';
import { MAX_JSON_DEPTH, TOO_DEEP } from './limits.js';
import { LosslessNumber } from './lossless-number.js';
import { Refusal, within } from './pyjson-refusal.js';
import { quoteJsonString } from './quote.js';
import { TextSink } from './text-sink.js';

/**
 * The JSON text signet puts on the wire: exactly `JSON.stringify(value)`, except that
 * `bigint` goes out as a JSON integer, a `LosslessNumber` as its exact lexeme, and
 * everything JSON.stringify would silently drop or mangle is refused instead (a signed
 * request must carry what the caller meant): `undefined`, functions, symbols,
 * NaN/±Infinity, Map/Set, cycles, and nesting deeper than 1000 levels. Text is
 * produced once per attempt; every signer signs from this exact text or the value it
 * was written from.
 */
export function toWireJson(value: unknown, label = 'body'): string {
  // Plain data (what nearly every call sends) has exactly JSON.stringify's text, which
  // V8 writes several times faster and in less memory than any JS writer; anything
  // else (bigint, lexemes, toJSON, refusals...) goes through signet's writer.
  if (isPlainData(value, 0)) return JSON.stringify(value);
  const sink = new TextSink();
  try {
    write(value, '', 0, sink);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // The path is only spelled out when something is refused: the hot path carries keys, not strings.
    throw new SignetConfigError(error.describe(label));
  }
  return sink.end();
}

/**
 * Strings, finite numbers, booleans, null, and arrays (no holes) and objects whose
 * prototype is Object.prototype or null holding only those, within MAX_JSON_DEPTH: the
 * values whose wire text is JSON.stringify's. False for anything the writer treats on its
 * own, so its refusals and their paths stay in one place.
 */
function isPlainData(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !isPlainData(value[i], depth + 1)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // A `toJSON` member changes what JSON.stringify writes: the writer handles it.
  if ('toJSON' in value) return false;
  for (const name in value) {
    if (!Object.hasOwn(value, name)) return false;
    if (!isPlainData((value as Record<string, unknown>)[name], depth + 1)) return false;
  }
  return true;
}

/** `resolved`: the value is what a toJSON returned, whose own toJSON is not called again. */
function write(value: unknown, key: string, depth: number, sink: TextSink, resolved = false): void {
  switch (typeof value) {
    case 'string':
      sink.push(quoted(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Refusal(`is ${value}: JSON cannot carry it`);
      sink.push(JSON.stringify(value));
      return;
    case 'boolean':
      sink.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      sink.push(value.toString());
      return;
    case 'undefined':
      throw new Refusal(
        'is undefined: remove the key or send null (JSON.stringify would drop it silently)',
      );
    case 'function':
    case 'symbol':
      throw new Refusal(`is a ${typeof value}: JSON cannot carry it`);
    default:
      break;
  }
  if (value === null) {
    sink.push('null');
    return;
  }
  // A number lexeme kept from a lossless parse goes out exactly (`1.0` stays a float).
  if (value instanceof LosslessNumber) {
    if (/^-?(?:NaN|Infinity)$/.test(value.lexeme)) {
      throw new Refusal(`is ${value.lexeme}: JSON cannot carry it`);
    }
    sink.push(value.lexeme);
    return;
  }
  const obj = value as { toJSON?: (key: string) => unknown };
  if (!resolved && typeof obj.toJSON === 'function') {
    write(obj.toJSON(key), key, depth, sink, true);
    return;
  }
  // Boxed primitives serialize as their value, as in JSON.stringify.
  if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) {
    write(obj.valueOf(), key, depth, sink, true);
    return;
  }
  if (obj instanceof Map || obj instanceof Set) {
    throw new Refusal(
      `is a ${obj instanceof Map ? 'Map' : 'Set'}: convert it to a plain object or array`,
    );
  }
  // A cycle is found as nesting beyond the limit; Refusal.describe tells the two apart.
  if (depth >= MAX_JSON_DEPTH) {
    throw new Refusal(TOO_DEEP, obj);
  }
  if (Array.isArray(obj)) {
    const n = obj.length;
    if (n === 0) {
      sink.push('[]');
      return;
    }
    sink.push('[');
    for (let i = 0; i < n; i++) {
      if (i > 0) sink.push(',');
      try {
        write(obj[i], String(i), depth + 1, sink);
      } catch (error) {
        throw within(error, i, obj);
      }
    }
    sink.push(']');
    return;
  }
  sink.push('{');
  let first = true;
  for (const name in obj) {
    if (!Object.hasOwn(obj, name)) continue;
    if (first) first = false;
    else sink.push(',');
    sink.push(quoted(name));
    sink.push(':');
    try {
      write((obj as Record<string, unknown>)[name], name, depth + 1, sink);
    } catch (error) {
      throw within(error, name, obj);
    }
  }
  sink.push('}');
}

/** JSON.stringify of a string: the common case without escapes skips the native call. */
function quoted(s: string): string {
  return quoteJsonString(s) ?? JSON.stringify(s);
}
