import { SignetConfigError } from '../errors.js';
import { JITAI_RESERVED_KEYS } from './constants.js';

const RESERVED: ReadonlySet<string> = /* @__PURE__ */ new Set(JITAI_RESERVED_KEYS);

import { compareCodePoints, sortEntries } from '../json/codepoint.js';
import { LosslessNumber } from '../json/lossless-number.js';
import { pathSegment } from '../json/path.js';
import { pyJsonWriteAt } from '../json/pyjson.js';
import { isWellFormed } from '../json/quote.js';
import { TEXT_CHUNK_UNITS, TextSink } from '../json/text-sink.js';

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
 * The args as the stream signer reads them: top-level keys lower-cased and sorted, with
 * the names they came from, their values' texts still to be written. Refused keys are
 * found when this is built; refused values only when their text is written.
 */
export interface JitaiArgEntries {
  readonly keys: readonly string[];
  readonly names: readonly string[];
  readonly args: Readonly<Record<string, unknown>>;
  readonly label: string;
}

/** What a JitAi signer signs an attempt's args from: their parts, or their entries once big. */
export type JitaiSignedArgs = JitaiArgParts | JitaiArgEntries;

/** @internal The keys of `args`, checked and sorted (see {@link JitaiArgEntries}). */
export function jitaiArgEntries(args: unknown, label: string): JitaiArgEntries {
  if (!isArgsObject(args)) {
    throw new SignetConfigError(`${label} must be a plain object, got ${typeName(args)}`);
  }
  const names = Object.keys(args);
  const keys = names.map((name) => lowerKey(name, label));
  const sortedNames = names.slice();
  sortEntries(keys, sortedNames);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) throw collision(names, keys[i]!, label);
  }
  return { keys, names: sortedNames, args, label };
}

/**
 * Checks `args` as the JitAi server will read them and returns their {@link JitaiArgParts}.
 * Throws SignetConfigError for args the server would read differently from what the
 * caller meant (see {@link assertJitaiArgs}); `label` names them in messages.
 */
export function jitaiArgParts(args: unknown, label: string): JitaiArgParts {
  const entries = jitaiArgEntries(args, label);
  const texts = entries.names.map((name) => {
    const sink = new TextSink();
    writeArgValue(sink, entries, name);
    return sink.end();
  });
  return { keys: entries.keys, texts };
}

/**
 * @internal What a signer keeps of an attempt's args: their {@link JitaiArgParts} (every
 * value checked and written) while the texts are small, the {@link JitaiArgEntries} once
 * they pass about 64 Ki characters. Then writing stops: the texts are written again, in
 * chunks, when the attempt is signed, which checks the values left (still before
 * anything is sent), so a big body is walked once here at most partly.
 */
export function checkedJitaiArgs(args: unknown, label: string): JitaiSignedArgs {
  const entries = jitaiArgEntries(args, label);
  const texts: string[] = [];
  let size = 0;
  const sink = new TextSink(() => {
    throw BIG;
  });
  try {
    for (const name of entries.names) {
      writeArgValue(sink, entries, name);
      const text = sink.end();
      size += text.length;
      if (size >= TEXT_CHUNK_UNITS) return entries;
      texts.push(text);
    }
  } catch (error) {
    if (error === BIG) return entries;
    throw error;
  }
  return { keys: entries.keys, texts };
}

/** Thrown out of the writer when the texts turn out big (see {@link checkedJitaiArgs}). */
const BIG: unique symbol = Symbol('big');

/**
 * Writes `k=v&…` of the args into `sink`, with the recipe's own `secret` and `timestamp`
 * merged in at their code-point places (the args hold neither: both are reserved).
 */
export function writeJitaiParamStr(
  sink: TextSink,
  args: JitaiSignedArgs,
  timestampText: string,
  secret: string,
): void {
  const keys = args.keys;
  const texts = 'texts' in args ? args.texts : undefined;
  let first = true;
  const emit = (key: string, text: string | undefined, at: number) => {
    if (!first) sink.push('&');
    first = false;
    sink.push(key);
    sink.push('=');
    if (text !== undefined) sink.push(text);
    else writeArgValue(sink, args as JitaiArgEntries, (args as JitaiArgEntries).names[at]!);
  };
  let i = 0;
  for (const [fixed, text] of [
    ['secret', secret],
    ['timestamp', timestampText],
  ] as const) {
    while (i < keys.length && compareCodePoints(keys[i]!, fixed) < 0) {
      emit(keys[i]!, texts?.[i], i);
      i++;
    }
    emit(fixed, text, -1);
  }
  for (; i < keys.length; i++) emit(keys[i]!, texts?.[i], i);
}

/**
 * `k=v&…` of the args' parts (or entries) with the recipe's own `secret` and `timestamp`
 * merged in at their code-point places (the args hold neither: both are reserved).
 */
export function joinJitaiParamStr(
  parts: JitaiSignedArgs,
  timestampText: string,
  secret: string,
): string {
  const sink = new TextSink();
  writeJitaiParamStr(sink, parts, timestampText, secret);
  return sink.end();
}

/** The whole paramStr of `args` (see {@link jitaiArgEntries} and {@link joinJitaiParamStr}). */
export function buildJitaiParamStr(
  args: unknown,
  label: string,
  timestampText: string,
  secret: string,
): string {
  return joinJitaiParamStr(jitaiArgEntries(args, label), timestampText, secret);
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

/** Pushes the text of the arg `name`: a string raw, anything else as {@link pyJsonDumps}. */
function writeArgValue(sink: TextSink, entries: JitaiArgEntries, name: string): void {
  const label = entries.label;
  let wire = entries.args[name];
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
    pyJsonWriteAt(sink, wire, () => label + pathSegment(name), name, resolved, 1);
    return;
  }
  if (!isWellFormed(wire)) {
    throw new SignetConfigError(
      `${label}${pathSegment(name)} contains a lone surrogate: it cannot be sent as UTF-8`,
    );
  }
  sink.push(wire);
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
