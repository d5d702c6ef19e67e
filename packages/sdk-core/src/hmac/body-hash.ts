import { hashHex } from '../crypto/digest.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { jcsCanonicalize } from '../json/jcs.js';

/** A request or response body: its exact text or bytes, or undefined for none. */
export type HmacBody = string | Uint8Array | undefined;

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/**
 * Lower-case hex SHA-256 of a body: of its exact bytes (`bytes`, UTF-8 for a string), or
 * of the RFC 8785 canonical form of the JSON it holds (`jcs`). No body (undefined or
 * empty) hashes the empty string in both modes.
 *
 * `jcs` throws a SignetDecodeError when the body is not UTF-8 JSON, or holds a value JCS
 * cannot write (a number beyond the double range).
 */
export function hmacBodyHash(
  body: HmacBody,
  mode: 'bytes' | 'jcs' = 'bytes',
  crypto?: CryptoProvider,
): string {
  return hashHex('sha256', hmacBodyHashInput(body, mode), crypto);
}

/**
 * What {@link hmacBodyHash} runs SHA-256 over: the body itself (`bytes`, or none → `''`),
 * or the JCS text of the JSON it holds (`jcs`). For hashing elsewhere (WebCrypto).
 */
export function hmacBodyHashInput(
  body: HmacBody,
  mode: 'bytes' | 'jcs' = 'bytes',
): string | Uint8Array {
  if (body === undefined || body.length === 0 || mode === 'bytes') return body ?? '';
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
  } catch (error) {
    throw new SignetDecodeError("body is not UTF-8 JSON: cannot hash it with bodyHash 'jcs'", {
      cause: error,
    });
  }
  try {
    return jcsCanonicalize(value);
  } catch (error) {
    // Valid JSON that RFC 8785 cannot write (`1e400` parses to Infinity): as unusable as
    // bad JSON, and a verifier must get a refusal out of it, not an exception.
    if (!(error instanceof SignetConfigError)) throw error;
    throw new SignetDecodeError(`body cannot be hashed with bodyHash 'jcs': ${error.message}`, {
      cause: error,
    });
  }
}
