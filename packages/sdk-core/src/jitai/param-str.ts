import { SignetConfigError } from '../errors.js';
import type { LosslessObject } from '../json/lossless-number.js';
import { isWellFormed } from '../json/quote.js';
import { JITAI_MASKED_SECRET } from './constants.js';
import { buildJitaiParamStr } from './params.js';

/** Inputs of {@link jitaiParamStr}. */
export interface JitaiParamStrOptions {
  /** Unix time in milliseconds, as sent in the `timestamp` header. */
  timestamp: number;
  /** The accessSecret. */
  secret: string;
  /**
   * Put `secret=*********************` in place of the secret's part, as the server's
   * debug output does (per part: nothing else changes, whatever the secret holds).
   */
  masked?: boolean;
}

/**
 * The JitAi paramStr (PROTOCOLS §1): `{...args, timestamp, secret}` with top-level keys
 * lower-cased and sorted by code point, `k=v` joined by `&`, string values raw and
 * everything else as Python's `json.dumps(sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)`.
 *
 * Pass the args as a lossless tree of the exact JSON text sent when it holds integral
 * floats or integers beyond 2^53; plain JS values are read as `JSON.stringify` writes them.
 *
 * @example
 * ```ts
 * jitaiParamStr({ orderId: 'A-1001' }, { timestamp: 1764647507632, secret, masked: true })
 * // 'orderid=A-1001&secret=*********************&timestamp=1764647507632'
 * ```
 */
export function jitaiParamStr(
  args: Record<string, unknown> | LosslessObject,
  options: JitaiParamStrOptions,
): string {
  const secret = checkedSecret(options.secret);
  // The server masks the secret's own part before joining (PROTOCOLS §1): masking the
  // joined text instead would leave a fragment of a secret holding `&`, and would mask an
  // arg value holding `&secret=`, which the server leaves alone.
  return buildJitaiParamStr(
    args,
    'args',
    timestampText(options.timestamp),
    options.masked ? JITAI_MASKED_SECRET : secret,
  );
}

/** @internal The decimal text of a request timestamp, after checking it is whole ms. */
export function timestampText(timestamp: number): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new SignetConfigError(
      `timestamp must be a non-negative integer number of milliseconds, got ${String(timestamp)}`,
    );
  }
  return String(timestamp);
}

/** @internal The secret, after checking the server could hash it (never shown in errors). */
export function checkedSecret(secret: string): string {
  if (typeof secret !== 'string' || secret === '') {
    throw new SignetConfigError('accessSecret must be a non-empty string');
  }
  if (!isWellFormed(secret)) {
    throw new SignetConfigError(
      'accessSecret contains a lone surrogate: it cannot be UTF-8 encoded',
    );
  }
  return secret;
}
