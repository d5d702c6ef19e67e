import { SignetConfigError } from '../errors.js';

/** MAC algorithms of the generic profile; `sha1` only for legacy peers. */
export type HmacAlgorithm = 'sha256' | 'sha512' | 'sha1';

/** Header names of the generic profile. */
export interface HmacHeaderNames {
  keyId: string;
  timestamp: string;
  nonce: string;
  signature: string;
  /** Header carrying the body hash, or `false` to leave it out (it is signed either way). */
  bodyHash: string | false;
}

/** Options of the generic timestamp+HMAC profile. */
export interface HmacProfileOptions {
  /** Sent as is in the key-id header: printable ASCII, no spaces. */
  keyId: string;
  /** The shared secret; the HMAC key is its UTF-8 bytes. */
  secret: string;
  /** Default `sha256`. */
  algorithm?: HmacAlgorithm;
  /** How the MAC is written: lower-case `hex` (default) or padded standard `base64`. */
  encoding?: 'hex' | 'base64';
  /** Unix `s` (default) or `ms`. */
  timestampUnit?: 's' | 'ms';
  /** Override some or all of {@link DEFAULT_HMAC_HEADERS}. */
  headerNames?: Partial<HmacHeaderNames>;
  /**
   * What the body hash covers: the exact body `bytes` (default), or the RFC 8785 (`jcs`)
   * form of the JSON body, which survives re-serialization by proxies and frameworks.
   */
  bodyHash?: 'bytes' | 'jcs';
  /** Send and sign a fresh nonce per request (default true); responses are bound to it. */
  nonce?: boolean;
}

/** Options with every default filled in and checked. */
export interface ResolvedHmacOptions {
  readonly keyId: string;
  readonly secret: string;
  readonly algorithm: HmacAlgorithm;
  readonly encoding: 'hex' | 'base64';
  readonly timestampUnit: 's' | 'ms';
  readonly headerNames: Readonly<HmacHeaderNames>;
  readonly bodyHash: 'bytes' | 'jcs';
  readonly nonce: boolean;
}

/** The header names of the generic HMAC profile unless `headerNames` changes them. */
export const DEFAULT_HMAC_HEADERS: Readonly<HmacHeaderNames> = /* @__PURE__ */ Object.freeze({
  keyId: 'X-Signet-Key',
  timestamp: 'X-Signet-Timestamp',
  nonce: 'X-Signet-Nonce',
  signature: 'X-Signet-Signature',
  bodyHash: 'X-Signet-Content-SHA256',
});

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const printable = /^[\u0021-\u007e]+$/;

// Options this module resolved itself: signing with them again skips the checks.
const resolvedOptions = /* @__PURE__ */ new WeakSet<object>();

/**
 * Fills in defaults and validates; SignetConfigErrors name the option, never the secret.
 * Passing an already resolved object returns it as is.
 */
export function resolveHmacOptions(
  options: HmacProfileOptions | ResolvedHmacOptions,
): ResolvedHmacOptions {
  if (typeof options === 'object' && options !== null && resolvedOptions.has(options)) {
    return options as ResolvedHmacOptions;
  }
  const o = options ?? ({} as HmacProfileOptions);
  if (typeof o.keyId !== 'string' || !printable.test(o.keyId)) {
    throw new SignetConfigError('hmac: keyId must be printable ASCII, no spaces');
  }
  if (typeof o.secret !== 'string' || o.secret.length === 0) {
    throw new SignetConfigError('hmac: secret must be a non-empty string');
  }
  const algorithm = oneOf('algorithm', o.algorithm, ['sha256', 'sha512', 'sha1'] as const);
  const encoding = oneOf('encoding', o.encoding, ['hex', 'base64'] as const);
  const timestampUnit = oneOf('timestampUnit', o.timestampUnit, ['s', 'ms'] as const);
  const bodyHash = oneOf('bodyHash', o.bodyHash, ['bytes', 'jcs'] as const);
  if (o.nonce !== undefined && typeof o.nonce !== 'boolean') {
    throw new SignetConfigError('hmac: nonce must be true or false');
  }
  const resolved: ResolvedHmacOptions = /* @__PURE__ */ Object.freeze({
    keyId: o.keyId,
    secret: o.secret,
    algorithm,
    encoding,
    timestampUnit,
    headerNames: resolveHeaderNames(o.headerNames),
    bodyHash,
    nonce: o.nonce ?? true,
  });
  resolvedOptions.add(resolved);
  return resolved;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0]!;
  if (!allowed.includes(value as T)) {
    throw new SignetConfigError(
      `hmac: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
    );
  }
  return value as T;
}

function resolveHeaderNames(
  names: Partial<HmacHeaderNames> | undefined,
): Readonly<HmacHeaderNames> {
  const out: Record<string, unknown> = { ...DEFAULT_HMAC_HEADERS };
  for (const [field, name] of Object.entries(names ?? {}))
    if (name !== undefined) out[field] = name;
  const seen = new Set<string>();
  for (const [field, name] of Object.entries(out)) {
    if (name === false && field === 'bodyHash') continue;
    if (typeof name !== 'string' || !token.test(name)) {
      throw new SignetConfigError(`hmac: headerNames.${field} must be an HTTP header name`);
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw new SignetConfigError(`hmac: headerNames.${field} (${name}) is used twice`);
    }
    seen.add(key);
  }
  return Object.freeze(out as unknown as HmacHeaderNames);
}
