import { timingSafeEqual } from '../crypto/compare.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { SignetConfigError, SignetSignatureError } from '../errors.js';
import { type HmacBody, hmacBodyHash } from './body-hash.js';
import { type HeaderSource, readHeader } from './headers.js';
import {
  type HmacProfileOptions,
  type ResolvedHmacOptions,
  resolveHmacOptions,
} from './options.js';
import { hmacSignString, hmacTimestamp } from './request.js';

/** First line of every response string to sign. */
export const HMAC_RESPONSE_SCOPE = 'signet-response-v1';

/** Default largest accepted |now − timestamp|, for requests and responses: 300 s. */
export const HMAC_WINDOW_MS = 300_000;

/** The signed parts of a response. */
export interface HmacResponseParts {
  /** HTTP status code. */
  status: number;
  /** The response's own timestamp, in the profile's unit. */
  timestamp: string;
  /** The nonce of the request this answers (`''` when nonces are off). */
  requestNonce: string;
  /** Lower-case hex SHA-256 of the response body (see {@link hmacBodyHash}). */
  bodyHash: string;
}

/** `scope \n status \n timestamp \n requestNonce \n bodyHash`, no trailing newline. */
export function hmacResponseStringToSign(parts: HmacResponseParts): string {
  const { status, timestamp, requestNonce, bodyHash } = parts;
  if (!Number.isInteger(status) || status < 100 || status > 999) {
    throw new SignetConfigError('hmac: status must be an HTTP status code');
  }
  if (/[\r\n]/.test(timestamp + requestNonce + bodyHash)) {
    throw new SignetConfigError('hmac: response parts must not contain a line break');
  }
  return `${HMAC_RESPONSE_SCOPE}\n${status}\n${timestamp}\n${requestNonce}\n${bodyHash}`;
}

/** A response to sign (server side, emulators, tests). */
export interface HmacResponseInput {
  status: number;
  body?: HmacBody;
  requestNonce: string;
  /** Server clock, Unix ms. */
  now: number;
  crypto?: CryptoProvider | undefined;
}

/**
 * Signs a response: headers `X-Signet-Timestamp`, `X-Signet-Signature` and (when named)
 * `X-Signet-Content-SHA256`, with the request's header names. See
 * {@link verifyHmacResponse} for the recipe.
 */
export function signHmacResponse(
  response: HmacResponseInput,
  options: HmacProfileOptions | ResolvedHmacOptions,
): { stringToSign: string; signature: string; headers: Record<string, string> } {
  const resolved = resolveHmacOptions(options);
  const bodyHash = hmacBodyHash(response.body, resolved.bodyHash, response.crypto);
  const timestamp = hmacTimestamp(response.now, resolved.timestampUnit);
  const stringToSign = hmacResponseStringToSign({
    status: response.status,
    timestamp,
    requestNonce: response.requestNonce,
    bodyHash,
  });
  const signature = hmacSignString(stringToSign, resolved, response.crypto);
  const names = resolved.headerNames;
  const headers: Record<string, string> = { [names.timestamp]: timestamp };
  if (names.bodyHash !== false) headers[names.bodyHash] = bodyHash;
  headers[names.signature] = signature;
  return { stringToSign, signature, headers };
}

/** A received response to check against the request it answers. */
export interface HmacResponseToVerify {
  status: number;
  headers: HeaderSource;
  body?: HmacBody;
  /** The nonce the request was signed with (`''` when nonces are off). */
  requestNonce: string;
  /** The (skew-corrected) local clock, Unix ms. */
  now: number;
  /** Largest accepted |now − timestamp|; default {@link HMAC_WINDOW_MS} (the bound passes). */
  windowMs?: number;
  crypto?: CryptoProvider | undefined;
}

/**
 * Checks a signed response of the generic profile; throws a SignetSignatureError
 * (`missing-signature`, `missing-timestamp`, `bad-timestamp`, `expired`,
 * `bad-signature`) or returns normally. The recipe:
 *
 * ```
 * stringToSign = "signet-response-v1" + "\n" + status + "\n" + timestamp + "\n"
 *              + requestNonce + "\n" + bodyHash
 * signature    = hex | base64( HMAC-<algorithm>(UTF-8(secret), UTF-8(stringToSign)) )
 * ```
 * with the response's own `X-Signet-Timestamp` (same unit as requests), the nonce of the
 * request it answers (so a captured response cannot be replayed as the answer to another
 * request; with nonces off it can, within the window) and the response body hash computed
 * locally (a `X-Signet-Content-SHA256` header, if sent, must agree with it).
 */
export function verifyHmacResponse(
  response: HmacResponseToVerify,
  options: HmacProfileOptions | ResolvedHmacOptions,
): void {
  const resolved = resolveHmacOptions(options);
  const names = resolved.headerNames;
  const signature = readHeader(response.headers, names.signature);
  if (!signature)
    throw signatureError(`response has no ${names.signature} header`, 'missing-signature');
  const timestamp = readHeader(response.headers, names.timestamp);
  if (!timestamp)
    throw signatureError(`response has no ${names.timestamp} header`, 'missing-timestamp');
  if (!/^\d{1,16}$/.test(timestamp)) {
    throw signatureError(`response ${names.timestamp} is not a decimal timestamp`, 'bad-timestamp');
  }
  const windowMs = checkedWindow(response.now, response.windowMs);
  const skewMs = response.now - Number(timestamp) * (resolved.timestampUnit === 's' ? 1000 : 1);
  if (!(Math.abs(skewMs) <= windowMs)) {
    const side = skewMs > 0 ? 'older than' : 'ahead of';
    const seconds = (Math.abs(skewMs) / 1000).toFixed(3);
    throw signatureError(
      `response timestamp is ${seconds} s ${side} the local clock (allowed: ${windowMs / 1000} s)`,
      'expired',
    );
  }
  const bodyHash = hmacBodyHash(response.body, resolved.bodyHash, response.crypto);
  const sentHash =
    names.bodyHash === false ? undefined : readHeader(response.headers, names.bodyHash);
  if (sentHash !== undefined && !timingSafeEqual(sentHash, bodyHash)) {
    throw signatureError(
      `response body does not match its ${names.bodyHash} header`,
      'bad-signature',
    );
  }
  const expected = hmacSignString(
    hmacResponseStringToSign({
      status: response.status,
      timestamp,
      requestNonce: response.requestNonce,
      bodyHash,
    }),
    resolved,
    response.crypto,
  );
  if (!timingSafeEqual(expected, signature)) {
    throw signatureError(
      'response signature does not match its status, timestamp, nonce and body',
      'bad-signature',
    );
  }
}

function signatureError(
  message: string,
  problem: SignetSignatureError['problem'],
): SignetSignatureError {
  return new SignetSignatureError(`hmac: ${message}`, { problem });
}

/** The window to apply, after checking the clock reading and the window themselves. */
export function checkedWindow(now: number, windowMs: number | undefined): number {
  if (!Number.isFinite(now)) throw new RangeError('hmac: now must be a finite number (Unix ms)');
  const window = windowMs ?? HMAC_WINDOW_MS;
  if (!(window >= 0)) throw new RangeError('hmac: windowMs must be a number >= 0');
  return window;
}
