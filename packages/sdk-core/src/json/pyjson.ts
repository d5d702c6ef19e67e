import { SignetConfigError } from '../errors.js';
import { MAX_JSON_DEPTH, TOO_DEEP } from './limits.js';
import { LosslessNumber, losslessObjectPrototype } from './lossless-number.js';
import { objectShape } from './object-shape.js';
import { pyFloatRepr } from './pyfloat.js';
import { loneSurrogate, notPlain, Refusal, within } from './pyjson-refusal.js';
import { quoteJsonString } from './quote.js';

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
  try {
    return resolved ? writeResolved(value, depth) : write(value, key, depth);
  } catch (error) {
    if (error instanceof Refusal) throw new SignetConfigError(error.describe(label()));
    throw error;
  }
}

function write(value: unknown, key: string | number, depth: number): string {
  switch (typeof value) {
    case 'string': {
      const quoted = quoteJsonString(value);
      if (quoted === null) throw new Refusal(loneSurrogate(value));
      return quoted;
    }
    case 'number':
      if (Number.isInteger(value)) {
        return value < 1e21 && value > -1e21 ? String(value) : pyFloatRepr(value);
      }
      if (Number.isFinite(value)) return pyFloatRepr(value);
      throw new Refusal(`is ${value}: JSON cannot carry it`);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (value instanceof LosslessNumber) return writeLosslessNumber(value);
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        const json = (value as { toJSON(key: string): unknown }).toJSON(String(key));
        return writeResolved(json, depth);
      }
      return writeResolved(value, depth);
    case 'undefined':
      throw new Refusal('is undefined: remove it or send null (JSON.stringify would drop it)');
    default:
      throw new Refusal(`is a ${typeof value}: JSON cannot carry it`);
  }
}

/** Writes a value whose `toJSON` (if any) has already been applied. */
function writeResolved(value: unknown, depth: number): string {
  if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) {
    // What toJSON returned is a primitive: write() calls no toJSON on it.
    return write(value, '', depth);
  }
  if (depth >= MAX_JSON_DEPTH) {
    throw new Refusal(TOO_DEEP, value);
  }
  if (Array.isArray(value)) return writeArray(value, depth);
  if (!isPlainObject(value)) throw new Refusal(notPlain(value));
  return writeObject(value as Record<string, unknown>, depth);
}

function writeArray(array: unknown[], depth: number): string {
  const n = array.length;
  if (n === 0) return '[]';
  let out = '[';
  for (let i = 0; i < n; i++) {
    let item: string;
    try {
      item = write(array[i], i, depth + 1);
    } catch (error) {
      throw within(error, i, array);
    }
    if (i !== 0) out += ',';
    out += item;
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>, depth: number): string {
  const keys = Object.keys(object);
  const n = keys.length;
  if (n === 0) return '{}';
  const shape = objectShape(keys);
  if (shape === null) {
    const bad = keys.find((key) => quoteJsonString(key) === null)!;
    throw within(new Refusal(`(a key) ${loneSurrogate(bad)}`), bad, object);
  }
  const sorted = shape.sorted;
  const quoted = shape.quoted;
  let out = '{';
  for (let i = 0; i < n; i++) {
    const key = sorted[i]!;
    let item: string;
    try {
      item = write(object[key], key, depth + 1);
    } catch (error) {
      throw within(error, key, object);
    }
    if (i !== 0) out += ',';
    out += quoted[i]!;
    out += item;
  }
  return `${out}}`;
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
