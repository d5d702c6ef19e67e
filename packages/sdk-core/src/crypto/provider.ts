import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512, sha512_256 } from '@noble/hashes/sha2.js';

/** Hash functions signet's recipes use. */
export type HashAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha512' | 'sha512-256';

/** A hash or HMAC fed in pieces: `update` as often as needed, then `digest` once. */
export interface IncrementalHash {
  /** Adds `data` (a view signet may reuse right after the call: copy it to keep it). */
  update(data: Uint8Array): unknown;
  /** The digest of everything added; called once. */
  digest(): Uint8Array;
}

/**
 * Where signet's bytes get hashed. The default runs @noble/hashes (pure JS, every
 * runtime); sdk-node passes a `node:crypto` provider where the benchmark shows it pays.
 */
export interface CryptoProvider {
  readonly name: string;
  /** The digest of `data`. */
  hash(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array;
  /** The HMAC of `data` under `key`. */
  hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * Optional: a hash fed in pieces, so a big body is hashed without being held whole.
   * Without it, signet gathers the pieces and calls {@link hash} once.
   */
  createHash?(algorithm: HashAlgorithm): IncrementalHash;
  /**
   * Optional native fast path: standard padded base64 of the UTF-8 bytes of `text` (a
   * lone surrogate as U+FFFD). With `hashHexOfAscii`, JitAi signing skips its JS base64.
   */
  utf8Base64?(text: string): string;
  /** Optional native fast path: lower-case hex digest of an ASCII (or latin1) string. */
  hashHexOfAscii?(algorithm: HashAlgorithm, text: string): string;
}

const nobleHashes = { md5, sha1, sha256, sha512, 'sha512-256': sha512_256 } as const;

function nobleHash(algorithm: HashAlgorithm): (typeof nobleHashes)[HashAlgorithm] {
  // Own keys only: `toString` or `constructor` must not resolve to Object.prototype members.
  if (!Object.hasOwn(nobleHashes, algorithm)) {
    throw new RangeError(`unsupported hash algorithm: ${String(algorithm)}`);
  }
  return nobleHashes[algorithm];
}

/** Pure-JS provider on @noble/hashes: works in Node, browsers, Deno, Bun and workerd. */
export const nobleCrypto: CryptoProvider = {
  name: 'noble',
  hash: (algorithm, data) => nobleHash(algorithm)(data),
  hmac: (algorithm, key, data) => nobleHmac(nobleHash(algorithm), key, data),
  createHash: (algorithm) => nobleHash(algorithm).create(),
};

let current: CryptoProvider = nobleCrypto;

/** The provider used when a call does not name one. */
export function getDefaultCrypto(): CryptoProvider {
  return current;
}

/**
 * Replaces the process-wide default provider (sdk-node plugs `node:crypto` in here).
 * Returns the previous provider so tests can restore it.
 */
export function setDefaultCrypto(provider: CryptoProvider): CryptoProvider {
  if (typeof provider?.hash !== 'function' || typeof provider.hmac !== 'function') {
    throw new TypeError('setDefaultCrypto: provider must have hash() and hmac() functions');
  }
  const previous = current;
  current = provider;
  return previous;
}
