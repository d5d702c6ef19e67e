import { hmacBytes } from '../crypto/digest.js';
import { toBase64, toHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { type RandomSource, randomHexNonce } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
import { type HmacBody, hmacBodyHash } from './body-hash.js';
import {
  type HmacProfileOptions,
  type ResolvedHmacOptions,
  resolveHmacOptions,
} from './options.js';

/** First line of every request string to sign: names the scheme and its version. */
export const HMAC_REQUEST_SCOPE = 'signet-request-v1';

/** The signed parts of a request, normalized. */
export interface HmacCanonicalRequest {
  /** The key id sent in the key-id header (signed, so it cannot be swapped). */
  readonly keyId: string;
  /** Upper-case. */
  readonly method: string;
  /** Path and `?query` exactly as sent on the request line. */
  readonly pathWithQuery: string;
  /** Decimal Unix time in the configured unit. */
  readonly timestamp: string;
  /** The nonce, or `''` when nonces are off. */
  readonly nonce: string;
  /** Lower-case hex SHA-256 (see {@link hmacBodyHash}). */
  readonly bodyHash: string;
}

const FIELDS = ['keyId', 'method', 'pathWithQuery', 'timestamp', 'nonce', 'bodyHash'] as const;

/** Checks and normalizes the signed parts; a line break in any of them is refused. */
export function hmacCanonicalRequest(parts: HmacCanonicalRequest): HmacCanonicalRequest {
  for (const field of FIELDS) {
    const value: unknown = parts[field];
    if (typeof value !== 'string') throw new SignetConfigError(`hmac: ${field} must be a string`);
    if (/[\r\n]/.test(value)) {
      throw new SignetConfigError(`hmac: ${field} must not contain a line break`);
    }
  }
  const method = parts.method.toUpperCase();
  if (!/^[A-Z0-9!#$%&'*+.^_`|~-]+$/.test(method)) {
    throw new SignetConfigError('hmac: method must be an HTTP method token');
  }
  if (!parts.pathWithQuery.startsWith('/')) {
    throw new SignetConfigError('hmac: pathWithQuery must start with "/"');
  }
  const { keyId, pathWithQuery, timestamp, nonce, bodyHash } = parts;
  return { keyId, method, pathWithQuery, timestamp, nonce, bodyHash };
}

/**
 * `scope \n keyId \n METHOD \n pathWithQuery \n timestamp \n nonce \n bodyHash`, no
 * trailing newline.
 */
export function hmacStringToSign(canonical: HmacCanonicalRequest): string {
  const { keyId, method, pathWithQuery, timestamp, nonce, bodyHash } = canonical;
  return `${HMAC_REQUEST_SCOPE}\n${keyId}\n${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

/** The MAC of a string to sign, hex or base64 as configured. */
export function hmacSignString(
  stringToSign: string,
  options: Pick<ResolvedHmacOptions, 'secret' | 'algorithm' | 'encoding'>,
  crypto?: CryptoProvider,
): string {
  return hmacEncodeSignature(
    hmacBytes(options.algorithm, options.secret, stringToSign, crypto),
    options,
  );
}

/** The MAC bytes as sent: lower-case hex or standard base64, as configured. */
export function hmacEncodeSignature(
  mac: Uint8Array,
  options: Pick<ResolvedHmacOptions, 'encoding'>,
): string {
  return options.encoding === 'base64' ? toBase64(mac) : toHex(mac);
}

/** The request headers: key id, timestamp, nonce (when on), body hash (when named), signature. */
export function hmacRequestHeaders(
  canonical: HmacCanonicalRequest,
  signature: string,
  options: Pick<ResolvedHmacOptions, 'headerNames' | 'nonce'>,
): Record<string, string> {
  const names = options.headerNames;
  const headers: Record<string, string> = {
    [names.keyId]: canonical.keyId,
    [names.timestamp]: canonical.timestamp,
  };
  if (options.nonce) headers[names.nonce] = canonical.nonce;
  if (names.bodyHash !== false) headers[names.bodyHash] = canonical.bodyHash;
  headers[names.signature] = signature;
  return headers;
}

/** Decimal Unix time of a clock reading in the profile's unit (rounded down). */
export function hmacTimestamp(nowMs: number, unit: 's' | 'ms'): string {
  if (!Number.isFinite(nowMs) || nowMs < 0) {
    throw new RangeError(`hmacTimestamp: nowMs must be a finite number >= 0, got ${nowMs}`);
  }
  return String(unit === 's' ? Math.floor(nowMs / 1000) : Math.floor(nowMs));
}

/**
 * The timestamp and nonce of one request: the given ones (debugging, vectors) or fresh
 * ones from the clock and the CSPRNG; the nonce is `''` when nonces are off.
 */
export function hmacRequestStamp(
  request: Pick<HmacRequestInput, 'now' | 'timestamp' | 'nonce' | 'random'>,
  options: Pick<ResolvedHmacOptions, 'timestampUnit' | 'nonce'>,
): { timestamp: string; nonce: string } {
  const timestamp = request.timestamp ?? hmacTimestamp(request.now, options.timestampUnit);
  if (!/^\d+$/.test(timestamp))
    throw new SignetConfigError('hmac: timestamp must be decimal digits');
  const nonce = options.nonce ? (request.nonce ?? randomHexNonce(16, request.random)) : '';
  return { timestamp, nonce };
}

/** One request to sign. */
export interface HmacRequestInput {
  method: string;
  /** The request target exactly as sent: `url.pathname + url.search`. */
  pathWithQuery: string;
  /** The exact body text or bytes; undefined for none. */
  body?: HmacBody;
  /** The (skew-corrected) clock, Unix ms. */
  now: number;
  /** A fixed timestamp string instead of one derived from `now` (debugging, vectors). */
  timestamp?: string;
  /** A fixed nonce (debugging, vectors); ignored when nonces are off. */
  nonce?: string;
  /** Where a fresh nonce comes from (default: the CSPRNG). */
  random?: RandomSource;
  crypto?: CryptoProvider | undefined;
}

/** Every step of a signed request. */
export interface HmacSignedRequest {
  canonical: HmacCanonicalRequest;
  stringToSign: string;
  signature: string;
  headers: Record<string, string>;
}

/**
 * Signs a request with signet's generic timestamp+HMAC profile. The recipe:
 *
 * ```
 * timestamp    = floor(now / 1000) (unit 's', default) or floor(now) (unit 'ms'), decimal
 * nonce        = 32 lower-case hex chars from 16 CSPRNG bytes, fresh per request ('' if off)
 * bodyHash     = hex(SHA-256(body bytes))                    bodyHash: 'bytes' (default)
 *              | hex(SHA-256(UTF-8(JCS(JSON.parse(body)))))  bodyHash: 'jcs'  (RFC 8785)
 *                (no body: SHA-256 of the empty string, e3b0c442…b855)
 * stringToSign = "signet-request-v1" + "\n" + keyId + "\n" + METHOD (upper-case) + "\n"
 *              + pathWithQuery (exactly as sent) + "\n" + timestamp + "\n"
 *              + nonce + "\n" + bodyHash                     (UTF-8, no trailing newline)
 * signature    = hex | base64( HMAC-<algorithm>(key = UTF-8(secret), UTF-8(stringToSign)) )
 *                algorithm sha256 (default) | sha512 | sha1 (legacy); hex is lower-case
 * headers      X-Signet-Key: keyId          X-Signet-Timestamp: timestamp
 *              X-Signet-Nonce: nonce        X-Signet-Content-SHA256: bodyHash
 *              X-Signet-Signature: signature
 * ```
 * A server recomputes the string to sign from what it received, compares signatures in
 * constant time, refuses timestamps outside its window (300 s by default) and nonces it
 * has seen within that window: see {@link verifyHmacRequest}.
 */
export function hmacSignRequest(
  request: HmacRequestInput,
  options: HmacProfileOptions | ResolvedHmacOptions,
): HmacSignedRequest {
  const resolved = resolveHmacOptions(options);
  const stamp = hmacRequestStamp(request, resolved);
  const canonical = hmacCanonicalRequest({
    keyId: resolved.keyId,
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    ...stamp,
    bodyHash: hmacBodyHash(request.body, resolved.bodyHash, request.crypto),
  });
  const stringToSign = hmacStringToSign(canonical);
  const signature = hmacSignString(stringToSign, resolved, request.crypto);
  return {
    canonical,
    stringToSign,
    signature,
    headers: hmacRequestHeaders(canonical, signature, resolved),
  };
}
