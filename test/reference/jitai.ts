// JitAi API authorization as the platform's Python server computes it (PROTOCOLS §1,
// vectors/README.md "jitai"), written again from those pages on python-json.ts and
// node:crypto: no signet code, so a test server built on it is a second opinion.
import { createHash } from 'node:crypto';
import {
  byCodePoint,
  type PyDict,
  PyFloat,
  PyInt,
  type PyValue,
  pyDumps,
  pyLoads,
} from './python-json.js';

/** What the server puts in place of the secret part of a debug paramStr. */
export const MASKED_SECRET = 'secret=*********************';

/**
 * The server's paramStr: `{**args, "timestamp": <int>}`, the `accessSign` key dropped
 * (the server merges its headers into the same dict), `"secret"` set, top-level keys
 * lower-cased (a later key wins), sorted by code point, `k=v` with str values raw and
 * every other value `json.dumps`ed, joined by `&`.
 */
export function serverParamStr(
  args: PyDict,
  timestamp: number | PyValue,
  secret: string,
): string[] {
  const merged = new Map<string, unknown>(args);
  merged.set('timestamp', typeof timestamp === 'number' ? BigInt(timestamp) : timestamp);
  merged.delete('accessSign');
  merged.set('secret', secret);
  const lowered = new Map<string, unknown>();
  for (const [key, value] of merged) lowered.set(key.toLowerCase(), value);
  return [...lowered.keys()].sort(byCodePoint).map((key) => {
    const value = lowered.get(key);
    return `${key}=${typeof value === 'string' ? value : pyDumps(value)}`;
  });
}

/** The parts joined: what gets hashed. */
export function joinParts(parts: readonly string[]): string {
  return parts.join('&');
}

/** Debug-mode text: the one part whose key is `secret` masked, before joining. */
export function maskedParamStr(parts: readonly string[]): string {
  return parts.map((part) => (part.split('=')[0] === 'secret' ? MASKED_SECRET : part)).join('&');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `sha1_hex(base64(utf8(paramStr)))`. Python's `str.encode('utf-8')` raises on a lone
 * surrogate; so does this (Buffer would quietly write U+FFFD).
 */
export function signParamStr(paramStr: string): string {
  if (LONE_SURROGATE.test(paramStr)) throw new TypeError('paramStr holds a lone surrogate');
  const base64 = Buffer.from(paramStr, 'utf8').toString('base64');
  return createHash('sha1').update(base64, 'ascii').digest('hex');
}

/** accessSign of a request whose body the server parsed into `args`. */
export function requestSign(args: PyDict, timestamp: number, secret: string): string {
  return signParamStr(joinParts(serverParamStr(args, timestamp, secret)));
}

/** `data.accessSign` of a signed response: the recipe over `{"data": result}`. */
export function responseSign(result: unknown, timestamp: number, secret: string): string {
  return signParamStr(
    joinParts(serverParamStr(new Map([['data', result as PyValue]]), timestamp, secret)),
  );
}

/**
 * The official client's check of a signed envelope (vectors/README.md): take `data`,
 * drop `timestamp` and `accessSign`, `expired` beyond ±300 000 ms, else re-sign the
 * rest and compare.
 */
export function checkEnvelope(
  bodyText: string,
  secret: string,
  now: number,
): 'ok' | 'bad-signature' | 'expired' {
  const envelope = pyLoads(bodyText);
  const data = envelope instanceof Map ? envelope.get('data') : undefined;
  if (!(data instanceof Map)) return 'bad-signature';
  const rest: PyDict = new Map(data);
  const timestamp = rest.get('timestamp');
  const sign = rest.get('accessSign');
  rest.delete('timestamp');
  rest.delete('accessSign');
  if (typeof sign !== 'string' || !(timestamp instanceof PyInt || timestamp instanceof PyFloat)) {
    return 'bad-signature';
  }
  const ms = Number(timestamp.value);
  if (Math.abs(now - ms) > 300_000) return 'expired';
  return signParamStr(joinParts(serverParamStr(rest, timestamp, secret))) === sign
    ? 'ok'
    : 'bad-signature';
}
