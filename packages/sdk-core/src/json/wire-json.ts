import { SignetConfigError } from '../errors.js';
import { LosslessNumber } from './lossless-number.js';
import { pathSegment } from './path.js';

/**
 * The JSON text signet puts on the wire: exactly `JSON.stringify(value)`, except that
 * `bigint` goes out as a JSON integer, a `LosslessNumber` as its exact lexeme, and
 * everything JSON.stringify would silently drop or mangle is refused instead (a signed
 * request must carry what the caller meant): `undefined`, functions, symbols,
 * NaN/±Infinity, Map/Set, cycles. Text is produced once per call; every signer signs from
 * this exact text.
 */
export function toWireJson(value: unknown, label = 'body'): string {
  try {
    return write(value, new Set(), '');
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // The path is only spelled out when something is refused: the hot path carries keys, not strings.
    const path = error.keys.reduceRight<string>((acc, key) => acc + pathSegment(key), label);
    throw new SignetConfigError(`${path} ${error.reason}`);
  }
}

/** A refused value; `keys` is filled in (innermost last) as it travels up. */
class Refusal {
  readonly keys: Array<string | number> = [];
  constructor(readonly reason: string) {}
}

function write(value: unknown, seen: Set<object>, key: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Refusal(`is ${value}: JSON cannot carry it`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
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
  if (value === null) return 'null';
  // A number lexeme kept from a lossless parse goes out exactly (`1.0` stays a float).
  if (value instanceof LosslessNumber) {
    if (/^-?(?:NaN|Infinity)$/.test(value.lexeme)) {
      throw new Refusal(`is ${value.lexeme}: JSON cannot carry it`);
    }
    return value.lexeme;
  }
  const obj = value as { toJSON?: (key: string) => unknown };
  if (typeof obj.toJSON === 'function') return write(obj.toJSON(key), seen, key);
  // Boxed primitives serialize as their value, as in JSON.stringify.
  if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) {
    return write(obj.valueOf(), seen, key);
  }
  if (seen.has(obj)) throw new Refusal('is a circular reference');
  if (obj instanceof Map || obj instanceof Set) {
    throw new Refusal(
      `is a ${obj instanceof Map ? 'Map' : 'Set'}: convert it to a plain object or array`,
    );
  }
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      let out = '[';
      for (let i = 0; i < obj.length; i++) {
        if (i > 0) out += ',';
        out += item(obj[i], seen, i);
      }
      return `${out}]`;
    }
    let out = '{';
    let first = true;
    for (const name of Object.keys(obj)) {
      const text = item((obj as Record<string, unknown>)[name], seen, name);
      out += `${first ? '' : ','}${JSON.stringify(name)}:${text}`;
      first = false;
    }
    return `${out}}`;
  } finally {
    seen.delete(obj);
  }
}

/** One member or element; a refusal below records where it happened. */
function item(value: unknown, seen: Set<object>, key: string | number): string {
  try {
    return write(value, seen, typeof key === 'number' ? String(key) : key);
  } catch (error) {
    if (error instanceof Refusal) error.keys.push(key);
    throw error;
  }
}
