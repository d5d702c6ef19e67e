import { SignetConfigError } from '../errors.js';
import { JITAI_RESERVED_KEYS } from './constants.js';

const RESERVED: ReadonlySet<string> = /* @__PURE__ */ new Set(JITAI_RESERVED_KEYS);

import { sortEntries } from '../json/codepoint.js';
import { LosslessNumber } from '../json/lossless-number.js';
import { pathSegment } from '../json/path.js';
import { pyJsonDumpsAt } from '../json/pyjson.js';
import { isWellFormed } from '../json/quote.js';

/**
 * The paramStr of `args` plus the recipe's own `timestamp` and `secret` parts: top-level
 * keys lower-cased (JS `toLowerCase`, which agrees with Python's `str.lower()` on every
 * key of the vectors, Greek final sigma included) and sorted by code point, `k=v` joined
 * by `&`, string values raw and anything else as {@link pyJsonDumps}.
 *
 * Throws SignetConfigError for args the server would read differently from what the
 * caller meant (see {@link assertJitaiArgs}); `label` names them in messages.
 */
export function buildJitaiParamStr(
  args: unknown,
  label: string,
  timestampText: string,
  secret: string,
): string {
  if (!isArgsObject(args)) {
    throw new SignetConfigError(`${label} must be a plain object, got ${typeName(args)}`);
  }
  const names = Object.keys(args);
  const keys: string[] = [];
  const texts: string[] = [];
  for (const name of names) {
    keys.push(lowerKey(name, label));
    texts.push(valueText(args[name], name, label));
  }
  keys.push('secret', 'timestamp');
  texts.push(secret, timestampText);
  sortEntries(keys, texts);
  let out = `${keys[0]}=${texts[0]}`;
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === keys[i - 1]) throw collision(names, key, label);
    out += '&';
    out += key;
    out += '=';
    out += texts[i]!;
  }
  return out;
}

/**
 * Refuses, with a SignetConfigError naming the key, args the JitAi server would not sign
 * as sent: a non-plain-object, two top-level keys equal after lower-casing (`orderId` +
 * `orderid`), a top-level key that lower-cases to `timestamp`, `secret` or `accesssign`,
 * and anything {@link pyJsonDumps} refuses (NaN, undefined, lone surrogates...).
 */
export function assertJitaiArgs(args: unknown): void {
  buildJitaiParamStr(args, 'args', '0', 'secret');
}

function lowerKey(name: string, label: string): string {
  if (!isWellFormed(name)) {
    throw new SignetConfigError(
      `${label}${pathSegment(name)} (a key) contains a lone surrogate: it cannot be sent`,
    );
  }
  const key = name.toLowerCase();
  if (RESERVED.has(key)) {
    throw new SignetConfigError(
      `${label}${pathSegment(name)} is reserved: the JitAi recipe merges its own "${key}" into the signed fields, so the server would not sign what you sent`,
    );
  }
  return key;
}

function valueText(value: unknown, name: string, label: string): string {
  let wire = value;
  let resolved = false;
  // JSON.stringify applies toJSON before anything else: a Date arrives as a string, which
  // the server puts in raw.
  if (typeof wire === 'object' && wire !== null && !(wire instanceof LosslessNumber)) {
    const toJSON = (wire as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      wire = toJSON.call(wire, name);
      resolved = true;
    }
  }
  if (typeof wire !== 'string') {
    return pyJsonDumpsAt(wire, () => label + pathSegment(name), name, resolved);
  }
  if (!isWellFormed(wire)) {
    throw new SignetConfigError(
      `${label}${pathSegment(name)} contains a lone surrogate: it cannot be sent as UTF-8`,
    );
  }
  return wire;
}

function collision(names: string[], key: string, label: string): SignetConfigError {
  const same = names.filter((name) => name.toLowerCase() === key);
  return new SignetConfigError(
    `${label} has keys ${same.map((k) => JSON.stringify(k)).join(' and ')}, equal after lower-casing: the server would sign only one of them`,
  );
}

function isArgsObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (value instanceof LosslessNumber) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'a non-plain object';
}
