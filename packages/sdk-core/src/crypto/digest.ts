import { toHex, utf8 } from './encoding.js';
import { type CryptoProvider, getDefaultCrypto, type HashAlgorithm } from './provider.js';

/** Lower-case hex digest of the UTF-8 bytes of `text` (or of raw bytes). */
export function hashHex(
  algorithm: HashAlgorithm,
  data: string | Uint8Array,
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  return toHex(crypto.hash(algorithm, typeof data === 'string' ? utf8(data) : data));
}

/** Raw HMAC bytes over UTF-8 (or raw) key and message. */
export function hmacBytes(
  algorithm: HashAlgorithm,
  key: string | Uint8Array,
  data: string | Uint8Array,
  crypto: CryptoProvider = getDefaultCrypto(),
): Uint8Array {
  return crypto.hmac(
    algorithm,
    typeof key === 'string' ? utf8(key) : key,
    typeof data === 'string' ? utf8(data) : data,
  );
}

/** Lower-case hex HMAC. */
export function hmacHex(
  algorithm: HashAlgorithm,
  key: string | Uint8Array,
  data: string | Uint8Array,
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  return toHex(hmacBytes(algorithm, key, data, crypto));
}
