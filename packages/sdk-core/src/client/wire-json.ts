import { LosslessNumber } from '../canonical/lossless-number.js';
import { SignetConfigError } from '../errors.js';

/**
 * The JSON text signet puts on the wire: exactly `JSON.stringify(value)`, except that
 * `bigint` goes out as a JSON integer, a `LosslessNumber` as its exact lexeme, and everything JSON.stringify would silently drop
 * or mangle is refused instead (a signed request must carry what the caller meant):
 * `undefined`, functions, symbols, NaN/±Infinity, Map/Set, cycles.
 * Text is produced once per call; every signer signs from this exact text.
 */
export function toWireJson(value: unknown, label = 'body'): string {
  return write(value, label, new Set(), '');
}

function write(value: unknown, path: string, seen: Set<object>, key: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new SignetConfigError(`${path} is ${value}: JSON cannot carry it`);
      }
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'undefined':
      throw new SignetConfigError(
        `${path} is undefined: remove the key or send null (JSON.stringify would drop it silently)`,
      );
    case 'function':
    case 'symbol':
      throw new SignetConfigError(`${path} is a ${typeof value}: JSON cannot carry it`);
    default:
      break;
  }
  if (value === null) return 'null';
  // A number lexeme kept from a lossless parse goes out exactly (`1.0` stays a float).
  if (value instanceof LosslessNumber) {
    if (/^-?(?:NaN|Infinity)$/.test(value.lexeme)) {
      throw new SignetConfigError(`${path} is ${value.lexeme}: JSON cannot carry it`);
    }
    return value.lexeme;
  }
  const obj = value as { toJSON?: (key: string) => unknown };
  if (typeof obj.toJSON === 'function') return write(obj.toJSON(key), path, seen, key);
  // Boxed primitives serialize as their value, as in JSON.stringify.
  if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) {
    return write(obj.valueOf(), path, seen, key);
  }
  if (seen.has(obj)) throw new SignetConfigError(`${path} is a circular reference`);
  if (obj instanceof Map || obj instanceof Set) {
    throw new SignetConfigError(
      `${path} is a ${obj instanceof Map ? 'Map' : 'Set'}: convert it to a plain object or array`,
    );
  }
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      let out = '[';
      for (let i = 0; i < obj.length; i++) {
        if (i > 0) out += ',';
        out += write(obj[i], `${path}[${i}]`, seen, String(i));
      }
      return `${out}]`;
    }
    let out = '{';
    let first = true;
    for (const name of Object.keys(obj)) {
      const item = (obj as Record<string, unknown>)[name];
      out += `${first ? '' : ','}${JSON.stringify(name)}:${write(item, childPath(path, name), seen, name)}`;
      first = false;
    }
    return `${out}}`;
  } finally {
    seen.delete(obj);
  }
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
