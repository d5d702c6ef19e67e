import { timingSafeEqual } from '../crypto/compare.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { SignetConfigError, SignetDecodeError, SignetSignatureError } from '../errors.js';
import {
  type BigIntMode,
  isLosslessObject,
  losslessToValue,
  parseLossless,
} from '../json/lossless.js';
import { type LosslessJson, LosslessNumber, type LosslessObject } from '../json/lossless-number.js';
import { pyJsonDumps } from '../json/pyjson.js';
import { JITAI_WINDOW_MS } from './constants.js';
import { jitaiApiError, readJitaiEnvelope } from './envelope.js';
import { checkedSecret } from './param-str.js';
import { jitaiArgEntries } from './params.js';
import { signJitaiArgs } from './sign.js';

/** Inputs of {@link verifyJitaiData}. */
export interface JitaiVerifyOptions {
  secret: string;
  /** The verifier's clock, Unix ms (skew-corrected by the client). */
  now: number;
  /** Largest accepted |now − timestamp| in ms; default 300 000 (exactly 300 000 passes). */
  windowMs?: number;
  crypto?: CryptoProvider | undefined;
}

/**
 * Checks the `data` member of a JitAi envelope, as the official client does: take `data`,
 * remove `timestamp` and `accessSign`, refuse a timestamp more than `windowMs` away from
 * `now`, recompute the accessSign over **every field left** (normally just `data`) and
 * compare in constant time. Returns the `data.data` tree.
 *
 * Works on the lossless tree of the wire text: `1.0` must stay a float and big integers
 * exact, or valid responses would fail. Throws SignetSignatureError (`missing-timestamp`,
 * `missing-signature`, `bad-timestamp`, `expired`, `bad-signature`) or SignetDecodeError
 * for a `data` that is not an object.
 */
export function verifyJitaiData(data: LosslessJson, options: JitaiVerifyOptions): LosslessJson {
  const secret = checkedSecret(options.secret);
  const windowMs = options.windowMs ?? JITAI_WINDOW_MS;
  if (!Number.isFinite(options.now))
    throw new RangeError('verifyJitaiData: now must be a finite number');
  if (!(windowMs >= 0)) throw new RangeError('verifyJitaiData: windowMs must be a number >= 0');
  if (!isLosslessObject(data)) {
    throw new SignetDecodeError('JitAi response `data` is not an object');
  }
  const rest: LosslessObject = Object.create(null);
  let timestamp: LosslessJson | undefined;
  let accessSign: LosslessJson | undefined;
  for (const key of Object.keys(data)) {
    if (key === 'timestamp') timestamp = data[key];
    else if (key === 'accessSign') accessSign = data[key];
    else rest[key] = data[key]!;
  }
  if (timestamp === undefined) {
    throw new SignetSignatureError('JitAi response has no data.timestamp', {
      problem: 'missing-timestamp',
    });
  }
  if (accessSign === undefined) {
    throw new SignetSignatureError('JitAi response has no data.accessSign', {
      problem: 'missing-signature',
    });
  }
  const ms = timestampValue(timestamp);
  const skew = options.now - ms;
  if (Math.abs(skew) > windowMs) {
    const seconds = (Math.abs(skew) / 1000).toFixed(3);
    const side = skew > 0 ? 'older than' : 'ahead of';
    throw new SignetSignatureError(
      `JitAi response timestamp is ${seconds} s ${side} the local clock (allowed: ${windowMs / 1000} s)`,
      { problem: 'expired' },
    );
  }
  if (typeof accessSign !== 'string') {
    throw new SignetSignatureError('JitAi response data.accessSign is not a string', {
      problem: 'bad-signature',
    });
  }
  const expected = expectedSign(rest, timestamp, secret, options.crypto);
  if (!timingSafeEqual(expected, accessSign)) {
    throw new SignetSignatureError('JitAi response signature does not match its data', {
      problem: 'bad-signature',
    });
  }
  if (!('data' in rest)) throw new SignetDecodeError('signed JitAi response has no data.data');
  return rest.data!;
}

/** Inputs of {@link verifyJitaiResponse}. */
export interface JitaiVerifyResponseOptions {
  secret: string;
  /** The verifier's clock, Unix ms; default `Date.now()`. */
  now?: number;
  windowMs?: number;
  /** Integers beyond ±(2^53−1) in the result: `bigint` (default), `string` or `number`. */
  bigint?: BigIntMode;
  crypto?: CryptoProvider | undefined;
}

/**
 * Verifies a whole JitAi envelope from its exact wire text and returns the result as JS
 * values. Bad JSON or a wrong shape → SignetDecodeError; `errcode != 0` → SignetApiError
 * (status 200); a bad or stale signature → SignetSignatureError.
 */
export function verifyJitaiResponse(
  envelopeText: string,
  options: JitaiVerifyResponseOptions,
): unknown {
  const envelope = readJitaiEnvelope(parseLossless(envelopeText));
  if (typeof envelope === 'string') throw new SignetDecodeError(`JitAi response ${envelope}`);
  if (envelope.errcode !== 0) throw jitaiApiError(envelope, 200);
  const data = envelope.data;
  if (data === undefined) throw new SignetDecodeError('JitAi response has errcode 0 but no data');
  const verifyOptions: JitaiVerifyOptions = {
    secret: options.secret,
    now: options.now ?? Date.now(),
  };
  if (options.windowMs !== undefined) verifyOptions.windowMs = options.windowMs;
  if (options.crypto !== undefined) verifyOptions.crypto = options.crypto;
  const result = verifyJitaiData(data, verifyOptions);
  return losslessToValue(result, options.bigint === undefined ? {} : { bigint: options.bigint });
}

/** Unix ms of the response timestamp; Python would do the window arithmetic on any number. */
function timestampValue(timestamp: LosslessJson): number {
  const ms = timestamp instanceof LosslessNumber ? Number(timestamp.lexeme) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new SignetSignatureError('JitAi response data.timestamp is not a finite number', {
      problem: 'bad-timestamp',
    });
  }
  return ms;
}

/** The accessSign of what the server signed; data it could not have signed is a bad signature. */
function expectedSign(
  rest: LosslessObject,
  timestamp: LosslessJson,
  secret: string,
  crypto: CryptoProvider | undefined,
): string {
  try {
    return signJitaiArgs(jitaiArgEntries(rest, 'data'), pyJsonDumps(timestamp), secret, crypto);
  } catch (error) {
    if (!(error instanceof SignetConfigError)) throw error;
    throw new SignetSignatureError(
      `JitAi response data cannot carry a valid signature: ${error.message}`,
      {
        problem: 'bad-signature',
        cause: error,
      },
    );
  }
}
