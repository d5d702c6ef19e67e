import { timingSafeEqual } from '../crypto/compare.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { dataFluxSign } from './sign.js';

/** The DataFlux Func server's own AK/SK failure messages (HTTP 401, EUserAuth, 401.14). */
export type DataFluxAuthMessage =
  | 'Access Key ID is missing'
  | 'Access Key sign is missing'
  | 'Access Key nonce is missing'
  | 'Access Key timestamp is missing'
  | 'Invalid Access Key timestamp'
  | 'Invalid Access Key nonce'
  | 'Invalid Access Key sign';

/** Inputs of {@link verifyDataFluxSignature}: what a server received. */
export interface DataFluxVerifyInput {
  method: string;
  /** The request target as received (`req.originalUrl`). */
  pathWithQuery: string;
  /** The four `X-Dff-Ak-*` header values as received; absent ones undefined. */
  headers: {
    id?: string | null | undefined;
    timestamp?: string | null | undefined;
    nonce?: string | null | undefined;
    sign?: string | null | undefined;
  };
  /** The parsed JSON body (`{}` or undefined when there was none). */
  body: unknown;
  /** The secret of the key named by `headers.id` (looking it up is the caller's job). */
  akSecret: string;
  /** The server's clock, Unix ms. */
  now: number;
  /** Largest accepted |timestamp − now| in seconds; default 900 (900 itself passes). */
  windowSeconds?: number;
  crypto?: CryptoProvider | undefined;
}

/**
 * The verdict of {@link verifyDataFluxSignature}: ok, or the server's own refusal
 * message.
 */
export type DataFluxVerifyResult = { ok: true } | { ok: false; message: DataFluxAuthMessage };

/**
 * The server side of DataFlux AK/SK signing, in the real server's order and with its
 * messages: nonce present, timestamp present (`parseInt`, as the server reads it) and
 * within the window, then the sign recomputed from the **raw** header strings and compared
 * exactly (lower-case hex). The 24-hour single use of a nonce ("Invalid Access Key
 * nonce") needs state, so it is the caller's check, after this one passes.
 */
export function verifyDataFluxSignature(input: DataFluxVerifyInput): DataFluxVerifyResult {
  const { id, timestamp, nonce, sign } = input.headers;
  if (!id) return fail('Access Key ID is missing');
  if (!sign) return fail('Access Key sign is missing');
  if (!nonce) return fail('Access Key nonce is missing');
  // The server reads the header with parseInt: `0`, `abc` and absence all count as missing.
  // biome-ignore lint/correctness/useParseIntRadix: the server's parseInt has no radix either
  const seconds = Number.parseInt(timestamp ?? '');
  if (!seconds) return fail('Access Key timestamp is missing');
  const windowSeconds = input.windowSeconds ?? 900;
  if (!(windowSeconds >= 0)) {
    throw new RangeError('verifyDataFluxSignature: windowSeconds must be a number >= 0');
  }
  if (!Number.isFinite(input.now)) {
    throw new RangeError('verifyDataFluxSignature: now must be a finite number (Unix ms)');
  }
  if (Math.abs(seconds - Math.floor(input.now / 1000)) > windowSeconds) {
    return fail('Invalid Access Key timestamp');
  }
  const expected = dataFluxSign({
    method: input.method,
    pathWithQuery: input.pathWithQuery,
    timestamp: timestamp as string,
    nonce,
    body: input.body,
    akSecret: input.akSecret,
    ...(input.crypto === undefined ? {} : { crypto: input.crypto }),
  });
  if (!timingSafeEqual(expected.sign, sign)) return fail('Invalid Access Key sign');
  return { ok: true };
}

function fail(message: DataFluxAuthMessage): DataFluxVerifyResult {
  return { ok: false, message };
}
