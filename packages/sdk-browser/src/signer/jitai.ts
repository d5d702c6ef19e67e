/**
 * The JitAi request signer on WebCrypto, without the HTTP client.
 *
 * @module @signet/sdk-browser/signer/jitai
 */

import {
  base64OfUtf8,
  jitaiParamStr,
  jitaiRequestHeaders,
  type LosslessObject,
  SignetConfigError,
  toHex,
} from '@signet/sdk-core';
import type { AllowSecretInBrowser } from '../secret-guard.js';
import { refuseSecretInPage } from './in-page.js';
import { webDigest } from './web-crypto.js';

/** One JitAi call to sign with {@link signJitaiRequest}. */
export interface JitaiRequestToSign extends AllowSecretInBrowser {
  accessKey: string;
  accessSecret: string;
  /**
   * The call's args, exactly what goes out as the JSON body. Plain values are read as
   * `JSON.stringify` writes them; pass a lossless tree (`parseLossless`) of the body text
   * when it holds integral floats (`1.0`) or integers beyond 2^53.
   */
  args: Record<string, unknown> | LosslessObject;
  /** Unix ms of the `timestamp` header; default `Date.now()`. */
  timestamp?: number;
  /** Ask the server for its masked paramStr (`debug: 1`); it then rejects the call. */
  debug?: boolean;
}

/** A signed JitAi call: send `headers` with the body the args came from. */
export interface JitaiSignedRequest {
  timestamp: number;
  /** 40 lower-case hex characters. */
  accessSign: string;
  /** `accessKey`, `timestamp`, `accessSign`, `Content-Type` (and `debug`). */
  headers: Record<string, string>;
}

/**
 * The JitAi `accessSign` of a call, SHA-1 on WebCrypto: the same 40 hex characters as
 * sdk-core's `jitaiSign`, without the pure-JS hash in the bundle.
 *
 * @example
 * ```ts
 * const { headers } = await signJitaiRequest({ accessKey, accessSecret, args })
 * await fetch(`${baseUrl}/services/OrderSvc/query`, { method: 'POST', headers, body: JSON.stringify(args) })
 * ```
 */
export async function signJitaiRequest(input: JitaiRequestToSign): Promise<JitaiSignedRequest> {
  if (input === null || typeof input !== 'object') {
    throw new SignetConfigError('signJitaiRequest: expected { accessKey, accessSecret, args }');
  }
  refuseSecretInPage('signJitaiRequest', 'accessSecret', input);
  const { accessKey, accessSecret, args, debug } = input;
  if (typeof accessKey !== 'string' || accessKey === '') {
    throw new SignetConfigError('signJitaiRequest: accessKey must be a non-empty string');
  }
  const timestamp = input.timestamp ?? Date.now();
  const paramStr = jitaiParamStr(args, { timestamp, secret: accessSecret });
  // SHA-1 of the base64 *text* of the UTF-8 paramStr (PROTOCOLS §1).
  const accessSign = toHex(await webDigest('sha1', base64OfUtf8(paramStr)));
  const headers = jitaiRequestHeaders({ accessKey, timestamp, accessSign, debug: debug === true });
  return { timestamp, accessSign, headers };
}
