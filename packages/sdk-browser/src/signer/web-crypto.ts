import { SignetConfigError, utf8 } from '@signet/sdk-core';

/**
 * The hashes the signer entries run on WebCrypto (every one the profiles need but MD5).
 * Callers pass checked names: the HMAC profile's options are validated before this.
 */
export type WebCryptoHash = 'sha1' | 'sha256' | 'sha512';

const NAMES: Record<WebCryptoHash, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

/**
 * `crypto.subtle`, or a SignetConfigError saying why it is missing: browsers expose
 * WebCrypto only to secure contexts, so a page on plain `http://` (other than localhost)
 * has none.
 */
function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (!found) {
    throw new SignetConfigError(
      'crypto.subtle is missing: browsers offer it only in secure contexts (https:// or http://localhost)',
    );
  }
  return found;
}

// WebCrypto copies its inputs when called, so a caller's buffer may change afterwards.
const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  (typeof data === 'string' ? utf8(data) : data) as Uint8Array<ArrayBuffer>;

/** The digest of the UTF-8 bytes of `data` (or of raw bytes), on WebCrypto. */
export async function webDigest(
  algorithm: WebCryptoHash,
  data: string | Uint8Array,
): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(NAMES[algorithm], bytes(data)));
}

/** HMAC over a UTF-8 (or raw) key and message, on WebCrypto. */
export async function webHmac(
  algorithm: WebCryptoHash,
  key: string | Uint8Array,
  data: string | Uint8Array,
): Promise<Uint8Array> {
  const api = subtle();
  // WebCrypto refuses an empty HMAC key. HMAC zero-pads every key shorter than the block
  // (RFC 2104), so one zero byte is the same key: DataFlux allows an empty akSecret.
  const raw = key.length === 0 ? new Uint8Array(1) : bytes(key);
  const hmac = { name: 'HMAC', hash: NAMES[algorithm] };
  const cryptoKey = await api.importKey('raw', raw, hmac, false, ['sign']);
  return new Uint8Array(await api.sign('HMAC', cryptoKey, bytes(data)));
}
