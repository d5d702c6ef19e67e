import { SignetConfigError } from '../errors.js';
import { MAX_JSON_DEPTH, TOO_DEEP } from './limits.js';
import { LosslessNumber, losslessObjectPrototype } from './lossless-number.js';
import { objectShape } from './object-shape.js';
import { pyFloatRepr } from './pyfloat.js';
import { loneSurrogate, notPlain, Refusal, within } from './pyjson-refusal.js';
import { quoteJsonString } from './quote.js';
import { TextSink } from './text-sink.js';

/**
 * Exactly Python's `json.dumps(v, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)` of the value a Python peer gets when it parses the JSON text
 * signet sends for `value` (PROTOCOLS §4).
 *
 * Accepts plain JS values and lossless trees (mixed freely):
 * - `LosslessNumber`: an int lexeme prints as the int (`-0` → `0`), a float lexeme as
 *   Python's float repr (`1.0`, `1e-05`; `1e400` → `Infinity`, as Python would).
 * - `number`: int or float as `JSON.stringify` puts it on the wire. Integral values below
 *   1e21 have no dot, so they are ints (`1e20` → `100000000000000000000`, `-0` → `0`);
 *   everything else is a float (`0.5`, `1e-05`, `1e+21`).
 * - `bigint`: the integer's digits. Objects with `toJSON` (Date...) go through it, as in
 *   `JSON.stringify`.
 * - Keys are sorted by code point at every level.
 *
 * Refused with a {@link SignetConfigError} naming the path (`value.items[3].price`),
 * because `JSON.stringify` would drop or mangle them, or the peer could not hash them:
 * NaN/±Infinity, `undefined` (also in arrays), functions, symbols, lone surrogates in
 * strings or keys, objects that are neither plain (prototype `Object.prototype` or null)
 * nor arrays nor have `toJSON` (Map, Set, class instances, boxed primitives, typed
 * arrays), cycles, and nesting deeper than 1000 levels.
 *
 * @param label the name of the value in error messages (default `value`).
 */
export function pyJsonDumps(value: unknown, label = 'value'): string {
  return pyJsonDumpsAt(value, () => label, '');
}

/**
 * @internal {@link pyJsonDumps} for a value found under `key` (passed to its `toJSON`),
 * with its error label computed only when something is refused. `resolved`: the caller
 * has already applied the value's `toJSON`, which must not run a second time. `depth`:
 * how many containers hold the value in the JSON text sent (MAX_JSON_DEPTH counts them).
 */
export function pyJsonDumpsAt(
  value: unknown,
  label: () => string,
  key: string,
  resolved = false,
  depth = 0,
): string {
  const sink = new TextSink();
  pyJsonWriteAt(sink, value, label, key, resolved, depth);
  return sink.end();
}

/** @internal {@link pyJsonDumpsAt} into a sink, for texts hashed as they are written. */
export function pyJsonWriteAt(
  sink: TextSink,
  value: unknown,
  label: () => string,
  key: string,
  resolved = false,
  depth = 0,
): void {
  try {
    if (resolved) writeResolved(value, depth, sink);
    else write(value, key, depth, sink);
  } catch (error) {
    if (error instanceof Refusal) throw new SignetConfigError(error.describe(label()));
    throw error;
  }
}

function write(value: unknown, key: string | number, depth: number, sink: TextSink): void {
  switch (typeof value) {
    case 'string': {
      const quoted = quoteJsonString(value);
      if (quoted === null) throw new Refusal(loneSurrogate(value));
      sink.push(quoted);
      return;
    }
    case 'number':
      if (Number.isInteger(value)) {
        sink.push(value < 1e21 && value > -1e21 ? String(value) : pyFloatRepr(value));
        return;
      }
      if (Number.isFinite(value)) {
        sink.push(pyFloatRepr(value));
        return;
      }
      throw new Refusal(`is ${value}: JSON cannot carry it`);
    case 'boolean':
      sink.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      sink.push(value.toString());
      return;
    case 'object':
      if (value === null) {
        sink.push('null');
        return;
      }
      if (value instanceof LosslessNumber) {
        sink.push(writeLosslessNumber(value));
        return;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        const json = (value as { toJSON(key: string): unknown }).toJSON(String(key));
        writeResolved(json, depth, sink);
        return;
      }
      writeResolved(value, depth, sink);
      return;
    case 'undefined':
      throw new Refusal('is undefined: remove it or send null (JSON.stringify would drop it)');
    default:
      throw new Refusal(`is a ${typeof value}: JSON cannot carry it`);
  }
}

/** Writes a value whose `toJSON` (if any) has already been applied. */
function writeResolved(value: unknown, depth: number, sink: TextSink): void {
  if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) {
    // What toJSON returned is a primitive: write() calls no toJSON on it.
    write(value, '', depth, sink);
    return;
  }
  if (depth >= MAX_JSON_DEPTH) {
    throw new Refusal(TOO_DEEP, value);
  }
  if (Array.isArray(value)) writeArray(value, depth, sink);
  else if (!isPlainObject(value)) throw new Refusal(notPlain(value));
  else writeObject(value as Record<string, unknown>, depth, sink);
}

function writeArray(array: unknown[], depth: number, sink: TextSink): void {
  const n = array.length;
  if (n === 0) {
    sink.push('[]');
    return;
  }
  sink.push('[');
  for (let i = 0; i < n; i++) {
    if (i !== 0) sink.push(',');
    try {
      write(array[i], i, depth + 1, sink);
    } catch (error) {
      throw within(error, i, array);
    }
  }
  sink.push(']');
}

function writeObject(object: Record<string, unknown>, depth: number, sink: TextSink): void {
  const keys = Object.keys(object);
  const n = keys.length;
  if (n === 0) {
    sink.push('{}');
    return;
  }
  const shape = objectShape(keys);
  if (shape === null) {
    const bad = keys.find((key) => quoteJsonString(key) === null)!;
    throw within(new Refusal(`(a key) ${loneSurrogate(bad)}`), bad, object);
  }
  const sorted = shape.sorted;
  const quoted = shape.quoted;
  sink.push('{');
  for (let i = 0; i < n; i++) {
    const key = sorted[i]!;
    if (i !== 0) sink.push(',');
    sink.push(quoted[i]!);
    try {
      write(object[key], key, depth + 1, sink);
    } catch (error) {
      throw within(error, key, object);
    }
  }
  sink.push('}');
}

function writeLosslessNumber(n: LosslessNumber): string {
  if (n.isInteger) return n.lexeme === '-0' ? '0' : n.lexeme;
  return pyFloatRepr(Number(n.lexeme));
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null || proto === losslessObjectPrototype)
    return true;
  // An object from another realm (iframe, vm context) has that realm's Object.prototype.
  return Object.getPrototypeOf(proto) === null && proto.constructor?.name === 'Object';
}
