import { LosslessNumber, pyJsonDumps } from '@signet/sdk-core';
import {
  exceedsJsonDepth,
  losslessObjectPrototype,
  MAX_JSON_DEPTH,
  quoteJsonString,
} from '@signet/sdk-core/internal';

/** Options of {@link pythonJsonText}. */
export interface PythonJsonTextOptions {
  /** Python's `ensure_ascii=True`: every character outside U+0020–U+007E as `\uXXXX`. */
  ensureAscii?: boolean;
}

/**
 * The text a Python web app writes with `json.dumps(value, ensure_ascii=False)`: keys in
 * insertion order (not sorted), `", "` and `": "` separators, Python number forms (`1.0`
 * stays `1.0`, big ints exact). Accepts plain JS values and lossless trees, so an emulated
 * service can return `new LosslessNumber('1.0')`.
 *
 * Scalars go through `pyJsonDumps`, the function that signs them, so a number is written
 * exactly as the signature saw it. Values Python could not serialize (undefined, Map,
 * functions...) throw a TypeError worded like Python's; nesting deeper than
 * MAX_JSON_DEPTH (1000, the top-level container counting 1) throws Python's
 * RecursionError (an Error named so, with Python's message).
 */
export function pythonJsonText(value: unknown, options: PythonJsonTextOptions = {}): string {
  const text = write(value, 1);
  return options.ensureAscii ? asciiOnly(text) : text;
}

/** What Python's json raises for a value nested beyond its recursion limit. */
export function recursionError(): Error {
  const error = new Error('maximum recursion depth exceeded while encoding a JSON object');
  error.name = 'RecursionError';
  return error;
}

/** `depth`: the depth `value` has if it is a container (the top level is 1). */
function write(value: unknown, depth: number): string {
  if (typeof value === 'string') {
    const quoted = quoteJsonString(value);
    if (quoted === null) throw new TypeError('string contains a lone surrogate');
    return quoted;
  }
  if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) {
    return scalar(value);
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(value, ''), depth);
  if (depth > MAX_JSON_DEPTH) throw recursionError();
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => write(item, depth + 1)).join(', ')}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== losslessObjectPrototype) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw new TypeError(`Object of type ${name} is not JSON serializable`);
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    parts.push(`${write(key, depth)}: ${write(record[key], depth + 1)}`);
  }
  return parts.length === 0 ? '{}' : `{${parts.join(', ')}}`;
}

function scalar(value: unknown): string {
  try {
    return pyJsonDumps(value);
  } catch {
    const type = value === undefined ? 'undefined' : typeof value;
    throw new TypeError(`Object of type ${type} is not JSON serializable`);
  }
}

/** Python's ensure_ascii escaping: each UTF-16 unit above U+007E as lower-case `\uxxxx`. */
function asciiOnly(text: string): string {
  return text.replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A service's return value as `JSON.stringify` would shape it before sending: members
 * that are undefined, functions or symbols dropped from objects and turned into null in
 * arrays, `toJSON` applied. Lossless numbers and bigints stay; anything else that JSON
 * cannot carry (Map, class instances) is left for the writer to refuse. A value nested
 * deeper than MAX_JSON_DEPTH throws Python's RecursionError (checked without recursion
 * first, so no depth overflows the stack).
 */
export function toJsonShape(value: unknown): unknown {
  if (exceedsJsonDepth(value)) throw recursionError();
  return shape(value);
}

function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) {
    return value === undefined ? null : value;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return toJsonShape(toJSON.call(value, ''));
  if (Array.isArray(value)) return value.map((item) => (isDropped(item) ? null : shape(item)));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== losslessObjectPrototype)
    return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (!isDropped(item)) {
      Object.defineProperty(out, key, {
        value: shape(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
