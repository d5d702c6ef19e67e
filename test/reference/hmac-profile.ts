// signet's generic timestamp+HMAC profile (README "Generic HMAC profile") written again
// from the README with node:crypto, and RFC 8785 from the `canonicalize` package
// (erdtman/canonicalize, checked against the JCS vectors in jcs.test.ts): no signet
// code, so a test server built on it checks the client against the documented recipe.
import { createHash, createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';

/** How the body hash is taken: exact bytes, or JCS of the JSON the body holds. */
export type BodyHashMode = 'bytes' | 'jcs';

/** `hex(SHA-256(...))` of the body (bytes) or of `UTF-8(JCS(JSON.parse(body)))`; none → `''`. */
export function bodyHash(body: string | undefined, mode: BodyHashMode = 'bytes'): string {
  const input =
    body === undefined || body === '' || mode === 'bytes'
      ? (body ?? '')
      : (canonicalize(JSON.parse(body)) ?? '');
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/** The parts of a signed request. */
export interface HmacRequestParts {
  keyId: string;
  method: string;
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  bodyHash: string;
}

/** `signet-request-v1 \n keyId \n METHOD \n pathWithQuery \n timestamp \n nonce \n bodyHash`. */
export function requestStringToSign(parts: HmacRequestParts): string {
  return [
    'signet-request-v1',
    parts.keyId,
    parts.method.toUpperCase(),
    parts.pathWithQuery,
    parts.timestamp,
    parts.nonce,
    parts.bodyHash,
  ].join('\n');
}

/** `signet-response-v1 \n status \n timestamp \n requestNonce \n bodyHash`. */
export function responseStringToSign(
  status: number,
  timestamp: string,
  requestNonce: string,
  hash: string,
): string {
  return ['signet-response-v1', String(status), timestamp, requestNonce, hash].join('\n');
}

/** Lower-case hex HMAC-SHA256 with the UTF-8 secret. */
export function mac(secret: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(stringToSign, 'utf8')
    .digest('hex');
}
