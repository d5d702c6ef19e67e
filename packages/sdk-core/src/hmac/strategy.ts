import { type AuthStrategy, secretValues, type WithSecrets } from '../auth/types.js';
import { type HmacProfileOptions, resolveHmacOptions } from './options.js';
import { hmacSignRequest } from './request.js';
import { verifyHmacResponse } from './response.js';

/** Options of `hmacSignature()`: the generic profile's options plus response checking. */
export interface HmacSignatureOptions extends HmacProfileOptions {
  /**
   * Verify the server's response signature (status, response timestamp, the request's
   * nonce and the body hash). Default false: turn it on for servers that sign responses
   * with the same profile — a missing or wrong signature then fails the call.
   */
  verifyResponses?: boolean;
  /** Response timestamp window, ms (default 300 000). */
  windowMs?: number;
}

export interface HmacStrategy extends AuthStrategy, WithSecrets {
  readonly kind: 'hmac';
  readonly keyId: string;
}

/**
 * The generic timestamp+HMAC profile (see `hmacSignRequest` for the recipe): every attempt
 * gets a fresh timestamp and nonce, signed over the exact request target and body bytes.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, auth: hmacSignature({ keyId: 'k1', secret, verifyResponses: true }) })
 * ```
 */
export function hmacSignature(options: HmacSignatureOptions): HmacStrategy {
  const resolved = resolveHmacOptions(options);
  const verify = options.verifyResponses ?? false;
  const windowMs = options.windowMs;
  return {
    kind: 'hmac',
    credentialed: true,
    timestamped: true,
    publicHeaders: [
      resolved.headerNames.keyId,
      resolved.headerNames.timestamp,
      resolved.headerNames.nonce,
    ],
    keyId: resolved.keyId,
    sign(state) {
      const signed = hmacSignRequest(
        {
          method: state.method,
          pathWithQuery: state.url.pathname + state.url.search,
          body: state.bodyText,
          now: state.now,
          random: state.random,
          crypto: state.crypto,
        },
        resolved,
      );
      for (const [name, value] of Object.entries(signed.headers)) state.headers.set(name, value);
    },
    verifyResponse(state) {
      if (!verify) return;
      verifyHmacResponse(
        {
          status: state.status,
          headers: state.headers,
          body: state.bodyText,
          requestNonce: state.request.headers.get(resolved.headerNames.nonce) ?? '',
          now: state.now,
          ...(windowMs === undefined ? {} : { windowMs }),
          crypto: state.request.crypto,
        },
        resolved,
      );
    },
    [secretValues]: () => [resolved.secret],
  };
}
