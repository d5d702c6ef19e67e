/**
 * The generic timestamp+HMAC request signer on WebCrypto, without the HTTP client.
 *
 * @module @signet/sdk-browser/signer/hmac
 */

import {
  type HmacProfileOptions,
  type HmacRequestInput,
  type HmacSignedRequest,
  hmacBodyHashInput,
  hmacCanonicalRequest,
  hmacEncodeSignature,
  hmacRequestHeaders,
  hmacRequestStamp,
  hmacStringToSign,
  resolveHmacOptions,
  SignetConfigError,
  toHex,
} from '@signet/sdk-core';
import type { AllowSecretInBrowser } from '../secret-guard.js';
import { refuseSecretInPage } from './in-page.js';
import { webDigest, webHmac } from './web-crypto.js';

/** One request to sign with {@link signHmacRequest}: `now` defaults to `Date.now()`. */
export type HmacRequestToSign = Omit<HmacRequestInput, 'crypto' | 'now'> & { now?: number };

/**
 * signet's generic timestamp+HMAC profile (recipe in sdk-core's `hmacSignRequest`) with
 * SHA-256 and the HMAC on WebCrypto: the same canonical request, string to sign,
 * signature and headers.
 */
export async function signHmacRequest(
  request: HmacRequestToSign,
  options: HmacProfileOptions & AllowSecretInBrowser,
): Promise<HmacSignedRequest> {
  if (request === null || typeof request !== 'object') {
    throw new SignetConfigError('signHmacRequest: expected { method, pathWithQuery, body? }');
  }
  refuseSecretInPage('signHmacRequest', 'secret', options ?? {});
  const resolved = resolveHmacOptions(options);
  const stamp = hmacRequestStamp({ ...request, now: request.now ?? Date.now() }, resolved);
  const bodyHashInput = hmacBodyHashInput(request.body, resolved.bodyHash);
  const canonical = hmacCanonicalRequest({
    keyId: resolved.keyId,
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    ...stamp,
    bodyHash: toHex(await webDigest('sha256', bodyHashInput)),
  });
  const stringToSign = hmacStringToSign(canonical);
  const mac = await webHmac(resolved.algorithm, resolved.secret, stringToSign);
  const signature = hmacEncodeSignature(mac, resolved);
  return {
    canonical,
    stringToSign,
    signature,
    headers: hmacRequestHeaders(canonical, signature, resolved),
  };
}
