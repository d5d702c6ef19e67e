import { hashHex } from '../crypto/digest.js';
import { type CryptoProvider, getDefaultCrypto } from '../crypto/provider.js';
import { hashHexOfText, Utf8Hash } from '../crypto/stream.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { jcsWrite } from '../json/jcs.js';
import { TextSink } from '../json/text-sink.js';

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
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  if (!hashesJson(body, mode)) {
    return typeof body === 'string'
      ? hashHexOfText('sha256', body, crypto)
      : hashHex('sha256', body ?? '', crypto);
  }
  // The JCS text is hashed as it is written: a big body's canonical form is never whole.
  const hash = new Utf8Hash('sha256', crypto);
  const sink = new TextSink(hash.write);
  writeJcs(sink, parseJcsBody(body));
  hash.write(sink.end());
  return hash.hexDigest();
}

/**
 * What {@link hmacBodyHash} runs SHA-256 over: the body itself (`bytes`, or none → `''`),
 * or the JCS text of the JSON it holds (`jcs`). For hashing elsewhere (WebCrypto).
 */
export function hmacBodyHashInput(
  body: HmacBody,
  mode: 'bytes' | 'jcs' = 'bytes',
): string | Uint8Array {
  if (!hashesJson(body, mode)) return body ?? '';
  const sink = new TextSink();
  writeJcs(sink, parseJcsBody(body));
  return sink.end();
}

/** `jcs` mode on a body there is: no body (undefined or empty) hashes `''` in both modes. */
function hashesJson(body: HmacBody, mode: 'bytes' | 'jcs'): body is string | Uint8Array {
  return mode === 'jcs' && body !== undefined && body.length > 0;
}

function parseJcsBody(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
  } catch (error) {
    throw new SignetDecodeError("body is not UTF-8 JSON: cannot hash it with bodyHash 'jcs'", {
      cause: error,
    });
  }
}

function writeJcs(sink: TextSink, value: unknown): void {
  try {
    jcsWrite(sink, value);
  } catch (error) {
    // Valid JSON that RFC 8785 cannot write (`1e400` parses to Infinity): as unusable as
    // bad JSON, and a verifier must get a refusal out of it, not an exception.
    if (!(error instanceof SignetConfigError)) throw error;
    throw new SignetDecodeError(`body cannot be hashed with bodyHash 'jcs': ${error.message}`, {
      cause: error,
    });
  }
}
