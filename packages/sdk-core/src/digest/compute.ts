import { hashHex } from '../crypto/digest.js';
import type { CryptoProvider, HashAlgorithm } from '../crypto/provider.js';

/** Digest algorithms of the IANA registry that signet speaks (RFC 7616 §6.1). */
export type DigestAlgorithm =
  | 'MD5'
  | 'MD5-sess'
  | 'SHA-256'
  | 'SHA-256-sess'
  | 'SHA-512-256'
  | 'SHA-512-256-sess';

/** Every supported algorithm, strongest first; a plain form ranks above its `-sess` twin. */
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = [
  'SHA-512-256',
  'SHA-512-256-sess',
  'SHA-256',
  'SHA-256-sess',
  'MD5',
  'MD5-sess',
];

const HASHES: Record<string, HashAlgorithm> = {
  MD5: 'md5',
  'SHA-256': 'sha256',
  'SHA-512-256': 'sha512-256',
};

/** The canonical name of an `algorithm` token (compared case-insensitively), or undefined. */
export function toDigestAlgorithm(token: string): DigestAlgorithm | undefined {
  const lower = token.toLowerCase();
  return DIGEST_ALGORITHMS.find((name) => name.toLowerCase() === lower);
}

/**
 * Inputs of {@link computeDigestResponse}: the challenge's fields, the request, and the
 * choices made for it.
 */
export interface DigestResponseInput {
  algorithm: DigestAlgorithm;
  /** The user name as typed (not the userhash); hashed as UTF-8. */
  username: string;
  password: string;
  realm: string;
  nonce: string;
  method: string;
  /** The request target exactly as sent, query included. */
  uri: string;
  /** Absent: the RFC 2069 form `H(HA1:nonce:HA2)`, without nc and cnonce. */
  qop?: 'auth' | 'auth-int' | undefined;
  /** 8 hex digits, hashed exactly as given. */
  nc?: string;
  cnonce?: string;
  /** The request body, hashed for `auth-int` (absent means empty). */
  body?: string | Uint8Array;
}

/**
 * The `response` value of a Digest `Authorization` header (RFC 7616 §3.4.1, RFC 2617
 * §3.2.2, RFC 2069 §2.1.2), as lower-case hex.
 *
 * @example
 * ```ts
 * computeDigestResponse({ algorithm: 'SHA-256', username: 'Mufasa', password: 'Circle of Life',
 *   realm: 'http-auth@example.org', nonce, method: 'GET', uri: '/dir/index.html',
 *   qop: 'auth', nc: '00000001', cnonce })
 * ```
 */
export function computeDigestResponse(input: DigestResponseInput, crypto?: CryptoProvider): string {
  const a2 =
    input.qop === 'auth-int'
      ? `${input.method}:${input.uri}:${digestHash(input.algorithm, input.body ?? '', crypto)}`
      : `${input.method}:${input.uri}`;
  return keyedDigest(input, a2, crypto);
}

/**
 * Inputs of {@link computeRspauth}: as the request's, plus the response body for
 * `auth-int`.
 */
export interface DigestRspauthInput extends Omit<DigestResponseInput, 'method' | 'body'> {
  /** The response body, hashed for `auth-int` (absent means empty). */
  responseBody?: string | Uint8Array;
}

/**
 * The `rspauth` of an `Authentication-Info` header: the request's digest with
 * A2 = `":" uri` (plus `":" H(response body)` for auth-int), proving the server knows
 * the password too (RFC 7616 §3.5).
 */
export function computeRspauth(input: DigestRspauthInput, crypto?: CryptoProvider): string {
  const a2 =
    input.qop === 'auth-int'
      ? `:${input.uri}:${digestHash(input.algorithm, input.responseBody ?? '', crypto)}`
      : `:${input.uri}`;
  return keyedDigest(input, a2, crypto);
}

/** `H(username ":" realm)`, sent instead of the user name when the server asks for `userhash`. */
export function digestUserhash(
  username: string,
  realm: string,
  algorithm: DigestAlgorithm,
  crypto?: CryptoProvider,
): string {
  requireString('username', username);
  requireString('realm', realm);
  return digestHash(algorithm, `${username}:${realm}`, crypto);
}

/**
 * `H(A1)`: for the plain algorithms `H(username:realm:password)` (what htdigest files
 * store, for MD5); for `-sess`, `H(H(username:realm:password):nonce:cnonce)`.
 */
export function digestHa1(
  input: Pick<
    DigestResponseInput,
    'algorithm' | 'username' | 'password' | 'realm' | 'nonce' | 'cnonce'
  >,
  crypto?: CryptoProvider,
): string {
  for (const field of ['username', 'password', 'realm', 'nonce'] as const) {
    requireString(field, input[field]);
  }
  const ha1 = digestHash(
    input.algorithm,
    `${input.username}:${input.realm}:${input.password}`,
    crypto,
  );
  if (!input.algorithm.endsWith('-sess')) return ha1;
  if (typeof input.cnonce !== 'string' || input.cnonce === '') {
    throw new TypeError(`digest: cnonce is required for ${input.algorithm}`);
  }
  return digestHash(input.algorithm, `${ha1}:${input.nonce}:${input.cnonce}`, crypto);
}

/** `KD(H(A1), nonce ":" [nc ":" cnonce ":" qop ":"] H(A2))`. */
function keyedDigest(
  input: Omit<DigestResponseInput, 'method' | 'body'> & { method?: string },
  a2: string,
  crypto: CryptoProvider | undefined,
): string {
  requireString('uri', input.uri);
  if (input.method !== undefined) requireString('method', input.method);
  const ha1 = digestHa1(input, crypto);
  const ha2 = digestHash(input.algorithm, a2, crypto);
  if (input.qop === undefined) {
    return digestHash(input.algorithm, `${ha1}:${input.nonce}:${ha2}`, crypto);
  }
  if (input.qop !== 'auth' && input.qop !== 'auth-int') {
    throw new RangeError(
      `digest: qop must be "auth" or "auth-int", got ${JSON.stringify(input.qop)}`,
    );
  }
  if (typeof input.nc !== 'string' || !/^[0-9a-fA-F]{8}$/.test(input.nc)) {
    throw new RangeError('digest: nc must be 8 hex digits when qop is set');
  }
  if (typeof input.cnonce !== 'string' || input.cnonce === '') {
    throw new TypeError('digest: cnonce is required when qop is set');
  }
  return digestHash(
    input.algorithm,
    `${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${ha2}`,
    crypto,
  );
}

/** Lower-case hex of the algorithm's hash (the `-sess` suffix does not change the hash). */
export function digestHash(
  algorithm: DigestAlgorithm,
  data: string | Uint8Array,
  crypto?: CryptoProvider,
): string {
  const hash = HASHES[algorithm.replace(/-sess$/, '')];
  if (hash === undefined || !DIGEST_ALGORITHMS.includes(algorithm)) {
    throw new RangeError(`digest: unsupported algorithm ${JSON.stringify(algorithm)}`);
  }
  return hashHex(hash, data, crypto);
}

function requireString(field: string, value: unknown): void {
  if (typeof value !== 'string') throw new TypeError(`digest: ${field} must be a string`);
}
