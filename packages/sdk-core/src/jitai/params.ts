import { SignetConfigError } from '../errors.js';
import { JITAI_RESERVED_KEYS } from './constants.js';

const RESERVED: ReadonlySet<string> = /* @__PURE__ */ new Set(JITAI_RESERVED_KEYS);

import { compareCodePoints, sortEntries } from '../json/codepoint.js';
import { LosslessNumber } from '../json/lossless-number.js';
import { pathSegment } from '../json/path.js';
import { pyJsonDumpsAt } from '../json/pyjson.js';
import { isWellFormed } from '../json/quote.js';

/**
 * The args' part of a paramStr: each top-level key lower-cased (JS `toLowerCase`, which
 * agrees with Python's `str.lower()` on every key of the vectors, Greek final sigma
 * included) with its value's text (a string raw, anything else as {@link pyJsonDumps}),
 * sorted by code point. Computed once per attempt from the value that is written to the
 * wire; every signature of the attempt joins it with its own timestamp and the secret.
 */
export interface JitaiArgParts {
  readonly keys: readonly string[];
  readonly texts: readonly string[];
}

/**
 * Checks `args` as the JitAi server will read them and returns their {@link JitaiArgParts}.
 * Throws SignetConfigError for args the server would read differently from what the
 * caller meant (see {@link assertJitaiArgs}); `label` names them in messages.
 */
export function jitaiArgParts(args: unknown, label: string): JitaiArgParts {
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
  sortEntries(keys, texts);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) throw collision(names, keys[i]!, label);
  }
  return { keys, texts };
}

/**
 * `k=v&…` of the parts with the recipe's own `secret` and `timestamp` merged in at their
 * code-point places (the parts hold neither: both are reserved).
 */
export function joinJitaiParamStr(
  parts: JitaiArgParts,
  timestampText: string,
  secret: string,
): string {
  const { keys, texts } = parts;
  let out = '';
  let i = 0;
  const emit = (key: string, text: string) => {
    if (out !== '') out += '&';
    out += key;
    out += '=';
    out += text;
  };
  for (const [fixed, text] of [
    ['secret', secret],
    ['timestamp', timestampText],
  ] as const) {
    while (i < keys.length && compareCodePoints(keys[i]!, fixed) < 0) {
      emit(keys[i]!, texts[i]!);
      i++;
    }
    emit(fixed, text);
  }
  for (; i < keys.length; i++) emit(keys[i]!, texts[i]!);
  return out;
}

/** The whole paramStr of `args` (see {@link jitaiArgParts} and {@link joinJitaiParamStr}). */
export function buildJitaiParamStr(
  args: unknown,
  label: string,
  timestampText: string,
  secret: string,
): string {
  return joinJitaiParamStr(jitaiArgParts(args, label), timestampText, secret);
}

/**
 * Refuses, with a SignetConfigError naming the key, args the JitAi server would not sign
 * as sent: a non-plain-object, two top-level keys equal after lower-casing (`orderId` +
 * `orderid`), a top-level key that lower-cases to `timestamp`, `secret` or `accesssign`,
 * and anything {@link pyJsonDumps} refuses (NaN, undefined, lone surrogates...).
 */
export function assertJitaiArgs(args: unknown): void {
  jitaiArgParts(args, 'args');
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
      `${label}${pathSegment(name)} is reserved: JitAi signs its own "${key}", not yours`,
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
    // Depth 1: the args object holds the value in the body sent, and the body's depth is
    // what the server (and signet's own reader) limits.
    return pyJsonDumpsAt(wire, () => label + pathSegment(name), name, resolved, 1);
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
    `${label} has keys ${same.map((k) => JSON.stringify(k)).join(' and ')}, equal after lower-casing: JitAi signs only one`,
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
