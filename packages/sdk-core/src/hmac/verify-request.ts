import { timingSafeEqual } from '../crypto/compare.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { type HmacBody, hmacBodyHash } from './body-hash.js';
import { type HeaderSource, readHeader } from './headers.js';
import {
  type HmacProfileOptions,
  type ResolvedHmacOptions,
  resolveHmacOptions,
} from './options.js';
import { hmacCanonicalRequest, hmacSignString, hmacStringToSign } from './request.js';
import { checkedWindow } from './response.js';

/** Why {@link verifyHmacRequest} refused a request. */
export type HmacRequestProblem =
  | 'missing-key-id'
  | 'unknown-key'
  | 'missing-timestamp'
  | 'bad-timestamp'
  | 'expired'
  | 'missing-nonce'
  | 'missing-signature'
  | 'bad-body-hash'
  | 'bad-signature';

/** A request as a server received it. */
export interface HmacRequestToVerify {
  method: string;
  /** The request target as received (path and query, undecoded). */
  pathWithQuery: string;
  headers: HeaderSource;
  body?: HmacBody;
  /** The server's clock, Unix ms. */
  now: number;
  /** Largest accepted |now − timestamp|; default 300 000 ms (the bound passes). */
  windowMs?: number;
  crypto?: CryptoProvider | undefined;
}

/** Server-side options: the profile's, with the secret looked up by key id. */
export interface HmacVerifyRequestOptions extends Omit<HmacProfileOptions, 'keyId' | 'secret'> {
  /** The secret, or a lookup from the key id (undefined: unknown key). */
  secret: string | ((keyId: string) => string | undefined);
}

/**
 * The verdict of {@link verifyHmacRequest}: the signed key id, timestamp and nonce
 * (check the nonce for replays), or the problem and a message.
 */
export type HmacVerifyRequestResult =
  | { ok: true; keyId: string; timestamp: string; nonce: string }
  | { ok: false; problem: HmacRequestProblem; message: string };

/**
 * The server side of the generic profile (tests, emulators, partner backends): rebuilds
 * the string to sign from what was received, as {@link hmacSignRequest} documents, and
 * compares in constant time. Refusing a nonce seen before within the window needs state:
 * that is the caller's check, on the `nonce` an `ok` result returns. Messages name the
 * header at fault, never a secret or the expected signature.
 */
export function verifyHmacRequest(
  request: HmacRequestToVerify,
  options: HmacVerifyRequestOptions,
): HmacVerifyRequestResult {
  const profile = { ...options, keyId: 'server', secret: 'unused' };
  const names = resolveHmacOptions(profile).headerNames;
  const windowMs = checkedWindow(request.now, request.windowMs);
  const header = (name: string) => readHeader(request.headers, name);

  const keyId = header(names.keyId);
  if (!keyId) return fail('missing-key-id', `no ${names.keyId} header`);
  const secret = typeof options.secret === 'function' ? options.secret(keyId) : options.secret;
  if (typeof secret !== 'string' || secret.length === 0)
    return fail('unknown-key', `unknown ${names.keyId}`);
  let resolved: ResolvedHmacOptions;
  try {
    resolved = resolveHmacOptions({ ...profile, keyId, secret });
  } catch (error) {
    // The server's own options passed above: only the received key id can be at fault.
    if (error instanceof SignetConfigError) return fail('unknown-key', `unknown ${names.keyId}`);
    throw error;
  }

  const timestamp = header(names.timestamp);
  if (!timestamp) return fail('missing-timestamp', `no ${names.timestamp} header`);
  if (!/^\d{1,16}$/.test(timestamp))
    return fail('bad-timestamp', `${names.timestamp} is not a decimal timestamp`);
  const skewMs = request.now - Number(timestamp) * (resolved.timestampUnit === 's' ? 1000 : 1);
  if (Math.abs(skewMs) > windowMs)
    return fail('expired', `${names.timestamp} is outside the allowed window`);

  const nonce = resolved.nonce ? header(names.nonce) : '';
  if (!nonce && resolved.nonce) return fail('missing-nonce', `no ${names.nonce} header`);
  const signature = header(names.signature);
  if (!signature) return fail('missing-signature', `no ${names.signature} header`);

  let bodyHash: string;
  try {
    bodyHash = hmacBodyHash(request.body, resolved.bodyHash, request.crypto);
  } catch (error) {
    if (error instanceof SignetDecodeError) return fail('bad-body-hash', error.message);
    throw error;
  }
  const sentHash = names.bodyHash === false ? undefined : header(names.bodyHash);
  if (sentHash !== undefined && !timingSafeEqual(sentHash, bodyHash)) {
    return fail('bad-body-hash', `the body does not match its ${names.bodyHash} header`);
  }
  let stringToSign: string;
  try {
    stringToSign = hmacStringToSign(
      hmacCanonicalRequest({
        keyId,
        method: request.method,
        pathWithQuery: request.pathWithQuery,
        timestamp,
        nonce: nonce ?? '',
        bodyHash,
      }),
    );
  } catch (error) {
    if (error instanceof SignetConfigError) return fail('bad-signature', error.message);
    throw error;
  }
  if (!timingSafeEqual(hmacSignString(stringToSign, resolved, request.crypto), signature)) {
    return fail('bad-signature', `${names.signature} does not match the request`);
  }
  return { ok: true, keyId, timestamp, nonce: nonce ?? '' };
}

function fail(problem: HmacRequestProblem, message: string): HmacVerifyRequestResult {
  return { ok: false, problem, message };
}
