/**
 * The DataFlux Func AK/SK request signer on WebCrypto (MD5 its own, `md5.ts`), without
 * the HTTP client.
 *
 * @module @signet/sdk-browser/signer/dataflux
 */

import {
  type DataFluxSignature,
  dataFluxHeaders,
  dataFluxJsonDumps,
  dataFluxNonce,
  dataFluxStringToSign,
  dataFluxTimestamp,
  SignetConfigError,
  toHex,
  utf8,
} from '@signet/sdk-core';
import type { AllowSecretInBrowser } from '../secret-guard.js';
import { refuseSecretInPage } from './in-page.js';
import { md5 } from './md5.js';
import { webHmac } from './web-crypto.js';

/** One DataFlux Func OpenAPI request to sign with {@link signDataFluxRequest}. */
export interface DataFluxRequestToSign extends AllowSecretInBrowser {
  akId: string;
  akSecret: string;
  /** HTTP method; upper-cased in the string to sign. */
  method: string;
  /** The request target exactly as sent: path plus `?query`. */
  pathWithQuery: string;
  /** The body as the server parses it (no body: omit it; signed as `{}`). */
  body?: unknown;
  /** Unix seconds as a decimal string; default: now. */
  timestamp?: string;
  /** Default: 16 CSPRNG bytes as hex. The server accepts each nonce once. */
  nonce?: string;
}

/** Every step of a signed DataFlux request, and the four `X-Dff-Ak-*` headers. */
export interface DataFluxSignedRequest extends DataFluxSignature {
  timestamp: string;
  nonce: string;
  headers: Record<string, string>;
}

/**
 * DataFlux Func AK/SK signing with HMAC-SHA1 on WebCrypto (MD5, which WebCrypto lacks,
 * in a small block loop of its own): the same values as sdk-core's `dataFluxSign`.
 */
export async function signDataFluxRequest(
  input: DataFluxRequestToSign,
): Promise<DataFluxSignedRequest> {
  if (input === null || typeof input !== 'object') {
    throw new SignetConfigError(
      'signDataFluxRequest: expected { akId, akSecret, method, pathWithQuery, body }',
    );
  }
  refuseSecretInPage('signDataFluxRequest', 'akSecret', input);
  if (typeof input.akId !== 'string' || input.akId === '') {
    throw new SignetConfigError('signDataFluxRequest: akId must be a non-empty string');
  }
  const timestamp = input.timestamp ?? dataFluxTimestamp(Date.now());
  const nonce = input.nonce ?? dataFluxNonce();
  const stamped = { ...input, body: input.body, timestamp, nonce };
  const jsonDumps = dataFluxJsonDumps(stamped);
  const bodyMd5 = toHex(md5(utf8(jsonDumps)));
  const stringToSign = dataFluxStringToSign(stamped, bodyMd5);
  const sign = toHex(await webHmac('sha1', input.akSecret, stringToSign));
  const headers = dataFluxHeaders({ akId: input.akId, timestamp, nonce, sign });
  return { jsonDumps, bodyMd5, stringToSign, sign, timestamp, nonce, headers };
}
