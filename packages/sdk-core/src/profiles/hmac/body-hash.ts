import { jcsCanonicalize } from '../../canonical/jcs.js';
import { hashHex } from '../../crypto/digest.js';
import type { CryptoProvider } from '../../crypto/provider.js';
import { SignetDecodeError } from '../../errors.js';

/** A request or response body: its exact text or bytes, or undefined for none. */
export type HmacBody = string | Uint8Array | undefined;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Lower-case hex SHA-256 of a body: of its exact bytes (`bytes`, UTF-8 for a string), or
 * of the RFC 8785 canonical form of the JSON it holds (`jcs`). No body (undefined or
 * empty) hashes the empty string in both modes.
 *
 * `jcs` throws a SignetDecodeError when the body is not UTF-8 JSON.
 */
export function hmacBodyHash(
  body: HmacBody,
  mode: 'bytes' | 'jcs' = 'bytes',
  crypto?: CryptoProvider,
): string {
  if (body === undefined || body.length === 0 || mode === 'bytes') {
    return hashHex('sha256', body ?? '', crypto);
  }
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
  } catch (error) {
    throw new SignetDecodeError("body is not UTF-8 JSON: cannot hash it with bodyHash 'jcs'", {
      cause: error,
    });
  }
  return hashHex('sha256', jcsCanonicalize(value), crypto);
}
