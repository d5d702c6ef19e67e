import type { AuthStrategy } from '../auth/types.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { RandomSource } from '../crypto/random.js';
import type { BigIntMode } from '../json/lossless.js';
import type { CallRecord } from './records.js';

export type { BigIntMode };

/** Retry policy (a number is the retry limit). */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 disables. */
  limit?: number;
  /**
   * Also retry non-idempotent requests (POST, PATCH) after an answer of
   * `statusCodes`. Off by default: a JitAi or DataFlux call may have run already. A
   * connection that could not be opened is retried whatever the method, since nothing
   * was sent.
   */
  retryNonIdempotent?: boolean;
  /** Statuses worth another attempt. Default 408, 429, 500, 502, 503, 504. */
  statusCodes?: number[];
  /** Delay before retry `n` (1-based), ms. Default 300·2^(n−1), capped at 5 s. */
  delay?: (retry: number) => number;
}

/**
 * Options of every signet client.
 *
 * @example
 * ```ts
 * createClient({ baseUrl: 'https://api.example.com', auth: bearer(token), timeout: 10_000 })
 * ```
 */
export interface ClientOptions {
  /** Base URL every path is resolved against (`http(s)://host/prefix`). */
  baseUrl: string | URL;
  /** How requests are authenticated. */
  auth?: AuthStrategy | undefined;
  /** Milliseconds per attempt (default 30 000), or false for none. */
  timeout?: number | false;
  /** Milliseconds for the whole call including retries and re-sends (default: none). */
  totalTimeout?: number | false;
  /** Retry policy; default 2 retries of idempotent requests only. */
  retry?: number | RetryOptions;
  /**
   * Learn the server's clock and, after a timestamp rejection, re-sign once with the
   * corrected clock (default true). See `maxClockSkewMs`.
   */
  clockSkew?: boolean;
  /** The largest clock correction signet will apply from an unsigned source (default 900 000). */
  maxClockSkewMs?: number;
  /** Integers beyond ±(2^53−1) in results: 'bigint' (default), 'string' or 'number' (lossy). */
  bigint?: BigIntMode;
  /** Called once per call with a secret-free record of what happened. */
  onCall?: ((record: CallRecord) => void) | undefined;
  /** Headers added to every request (credentials belong in `auth`). */
  headers?: HeadersInit | undefined;
  /** The fetch implementation (default: the global one). */
  fetch?: typeof fetch | undefined;
  /**
   * Allow credentials over plain `http:` to a host that is not loopback. Off by default:
   * anyone on the path could read or replay them.
   */
  allowInsecureHttp?: boolean;
  /** Debug mode: JitAi sends `debug: 1` and compares the server's paramStr with ours. */
  debug?: boolean;
  /** Clock for signing (tests). Default `Date.now`. */
  now?: () => number;
  /** Random source for nonces (tests). Default `crypto.getRandomValues`. */
  random?: RandomSource;
  /** Hash provider (sdk-node plugs `node:crypto`). */
  crypto?: CryptoProvider | undefined;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeout?: number | false | undefined;
  headers?: HeadersInit | undefined;
}
