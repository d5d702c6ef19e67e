import { hashHex, hmacHex, timingSafeEqual, verifyDataFluxSignature } from '@signet/sdk-core';
import { type HeaderBag, headerValue } from '../core/http.js';
import { type ExpressBody, hasRequestBody, parseExpressBody } from './body.js';
import { DATAFLUX_ERRORS, type DataFluxErrorKind } from './envelope.js';
import type { NonceStore } from './nonce-store.js';

/** An access key the server knows. */
export interface DataFluxAccessKey {
  akId: string;
  akSecret: string;
}

/** Inputs of {@link verifyDataFluxRequest}: what a DataFlux-style server received. */
export interface VerifyDataFluxRequestInput {
  method: string;
  /** The request target exactly as received (`req.originalUrl`: path + `?query`). */
  url: string;
  headers: HeaderBag;
  /** The exact body text received (empty or absent: no body). */
  bodyText?: string;
  accessKeys: readonly DataFluxAccessKey[];
  /** The server's clock, Unix ms (default `Date.now()`). */
  now?: number;
  /** One-time nonce check; without one, a replayed request passes (stateless check). */
  nonceStore?: NonceStore;
  /** Largest accepted |timestamp − now|, seconds (default 900). */
  windowSeconds?: number;
}

/** The verdict of {@link verifyDataFluxRequest}. */
export type VerifyDataFluxRequestResult =
  | { ok: true; akId: string; body: unknown }
  | {
      ok: false;
      /** HTTP status: 401, 404 (unknown key) or 400 (unparsable body). */
      status: number;
      /** The envelope's `error` number: 401.14, 404.41, 400.43. */
      error: number;
      reason: string;
      message: string;
      detail: unknown;
    };

/** The server's message for a wrong sign, hint included (`builtinAuthMid.byAccessKey`). */
export const DATAFLUX_SIGN_ERROR_MESSAGE =
  'Invalid Access Key sign. Hint: akSign = HmacSha1("<AK Sign Version>&<AK Timestamp(Second)>&<AK Nonce>&<METHOD>&<FULL URL>&<Body or \'\'>", <AK Secret>)';

/** True when a request presents an access key at all: the server looks for ID and sign only. */
export function presentsAccessKey(headers: HeaderBag): boolean {
  return !!headerValue(headers, 'x-dff-ak-id') && !!headerValue(headers, 'x-dff-ak-sign');
}

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Checks a DataFlux Func OpenAPI (AK/SK) request the way the server's `byAccessKey`
 * middleware and sign-in check do, in their order and with their messages: without both
 * ID and sign the request is simply not signed in ("User not signed in"); then nonce
 * present, timestamp present (`parseInt`) and within ±900 s, nonce not used in the last
 * 24 h (checked *before* the signature, as on the server), key known (else 404 `No such
 * data`), then the signature over `originalUrl` and the parsed body ("Invalid Access Key
 * sign. Hint: …"). A request without `Content-Type: application/json` (or a form type)
 * is not parsed: the server then hashes an empty buffer, so the usual `md5("{}")`
 * signature fails. The nonce is recorded on success.
 *
 * The signature check is sdk-core's (`verifyDataFluxSignature`: `dfJsonDumps`, MD5,
 * HMAC-SHA1), so a client built on the same code always agrees with it; it is checked
 * against the shared vectors (README, "What the kit shares with signet").
 */
export function verifyDataFluxRequest(
  input: VerifyDataFluxRequestInput,
): VerifyDataFluxRequestResult {
  const bytes = encoder.encode(input.bodyText ?? '');
  const contentType = headerValue(input.headers, 'content-type') ?? null;
  const headers = new Headers();
  const length = headerValue(input.headers, 'content-length');
  if (length !== undefined) headers.set('content-length', length);
  const parsed = parseExpressBody(contentType, bytes, hasRequestBody(input.method, headers, bytes));
  if ('error' in parsed) return fail(DATAFLUX_ERRORS.badRequest, 'Invalid request body');
  if (!presentsAccessKey(input.headers)) {
    return fail(DATAFLUX_ERRORS.userAuth, 'User not signed in');
  }
  const header = (name: string) => headerValue(input.headers, name);
  const id = header('x-dff-ak-id');
  const sign = header('x-dff-ak-sign');
  const nonce = header('x-dff-ak-nonce');
  const timestamp = header('x-dff-ak-timestamp');
  const now = input.now ?? Date.now();
  const windowSeconds = input.windowSeconds ?? 900;
  // The presence and window checks, with the server's messages; the sign is checked later.
  const early = verifyDataFluxSignature({
    method: input.method,
    pathWithQuery: input.url,
    headers: { id, sign, nonce, timestamp },
    body: {},
    akSecret: '',
    now,
    windowSeconds,
  });
  if (!early.ok && early.message !== 'Invalid Access Key sign') {
    return fail(DATAFLUX_ERRORS.userAuth, early.message);
  }
  if (input.nonceStore?.seen(id!, nonce!, now)) {
    return fail(DATAFLUX_ERRORS.userAuth, 'Invalid Access Key nonce');
  }
  const key = input.accessKeys.find((k) => k.akId === id);
  if (key === undefined) {
    return fail(DATAFLUX_ERRORS.notFound, 'No such data', { entity: 'access key', id });
  }
  if (!signatureMatches(input, parsed, key.akSecret, now, windowSeconds)) {
    return fail(DATAFLUX_ERRORS.userAuth, DATAFLUX_SIGN_ERROR_MESSAGE);
  }
  input.nonceStore?.remember(key.akId, nonce!, now);
  return { ok: true, akId: key.akId, body: parsed.value };
}

function signatureMatches(
  input: VerifyDataFluxRequestInput,
  parsed: ExpressBody,
  akSecret: string,
  now: number,
  windowSeconds: number,
): boolean {
  const header = (name: string) => headerValue(input.headers, name);
  const headers = {
    id: header('x-dff-ak-id'),
    sign: header('x-dff-ak-sign'),
    nonce: header('x-dff-ak-nonce'),
    timestamp: header('x-dff-ak-timestamp'),
  };
  if (parsed.kind !== 'raw') {
    const verdict = verifyDataFluxSignature({
      method: input.method,
      pathWithQuery: input.url,
      headers,
      // `jsonDumps(body || {})`: a text body is a string, an empty one counts as none.
      body: parsed.kind === 'text' && parsed.value === '' ? {} : parsed.value,
      akSecret,
      now,
      windowSeconds,
    });
    return verdict.ok;
  }
  // Only the raw parser took the body (no JSON, form or text content type): the server
  // does not hash `{}` then, which the kit models as the empty buffer.
  const stringToSign = [
    input.method.toUpperCase(),
    input.url,
    headers.timestamp,
    headers.nonce,
    hashHex('md5', ''),
  ].join('&');
  return timingSafeEqual(hmacHex('sha1', akSecret, stringToSign), headers.sign ?? '');
}

function fail(
  kind: DataFluxErrorKind,
  message: string,
  detail?: unknown,
): VerifyDataFluxRequestResult {
  return {
    ok: false,
    status: kind.status,
    error: Number(kind.code),
    reason: kind.reason,
    message,
    detail,
  };
}
