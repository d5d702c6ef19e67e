import type { AuthStrategy } from '../auth/types.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { RandomSource } from '../crypto/random.js';
import type { BigIntMode } from '../json/lossless.js';
import type { FetchFunction } from './fetch-transport.js';
import type { Hooks } from './hooks.js';
import type { Logger, LogLevel } from './logger.js';
import type { CallRecord } from './records.js';
import type { RedirectMode } from './redirect.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import type { CallTracer } from './tracer.js';
import type { Transport } from './transport.js';
import type { InsecureHttp } from './url.js';

export type { BigIntMode };

/** Retry policy (a number is the retry limit). */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 disables. */
  limit?: number;
  /**
   * Also retry non-idempotent requests (POST, PATCH) after an answer of `statusCodes` or
   * a connection lost mid-request. Off by default: a JitAi or DataFlux call may have run
   * already (see the per-call `idempotent` for calls you know are safe to repeat). A
   * connection that could not be opened is retried whatever the method: nothing was sent.
   */
  retryNonIdempotent?: boolean;
  /** Statuses worth another attempt. Default 408, 429, 500, 502, 503, 504. */
  statusCodes?: number[];
  /**
   * Delay before retry `n` (1-based), ms. Default 300·2^(n−1) capped at 5 s, with
   * jitter (a random point in its upper half). A Retry-After header of a 413, 429 or 503
   * answer wins over it.
   */
  delay?: (retry: number) => number;
  /** The longest Retry-After honoured, ms (default 30 000); a longer one is clamped to it. */
  maxRetryAfter?: number;
}

/** Header values: a `Headers`, a record, or name/value pairs. */
export type HeaderValues = Headers | Record<string, string> | [string, string][];

/**
 * The `credentials` mode of a fetch request, spelt out here rather than as the DOM's
 * `RequestCredentials`, so that signet's declarations compile without `lib dom`.
 */
export type FetchCredentials = 'omit' | 'same-origin' | 'include';

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
  /** Milliseconds per attempt, answer and body included (default 30 000), or false for none. */
  timeout?: number | false;
  /** Milliseconds for the whole call: every attempt and every wait (default: none). */
  totalTimeout?: number | false;
  /** Retry policy; default 2 retries of idempotent requests only. */
  retry?: number | RetryOptions;
  /**
   * 3xx answers: `'error'` (default) fails the call naming the target; `'same-origin'`
   * follows redirects within the base URL's origin, re-signed per hop (at most 5). A
   * redirect to another origin is never followed with credentials.
   */
  redirect?: RedirectMode;
  /**
   * The largest response body read, in bytes (default 32 MiB), or false for no limit.
   * Past it the read stops and the call fails with a SignetDecodeError naming the limit.
   */
  maxResponseBytes?: number | false;
  /**
   * Learn the server's clock and, after a timestamp rejection, re-sign once with the
   * corrected clock (default true). See `maxClockSkewMs`.
   */
  clockSkew?: boolean;
  /**
   * The largest clock correction signet applies from an unsigned source (default
   * 5 400 000 ms, 90 min): a server an hour off is recovered, while whoever sits on the
   * path cannot move the clock further with a forged time.
   */
  maxClockSkewMs?: number;
  /** Integers beyond ±(2^53−1) in results: 'bigint' (default), 'string' or 'number' (lossy). */
  bigint?: BigIntMode;
  /** Called once per call with a secret-free record of what happened. */
  onCall?: ((record: CallRecord) => void) | undefined;
  /**
   * Hooks into the attempt loop (`beforeRequest`, `afterResponse`, `beforeRetry`,
   * `beforeError`): arrays run in order, each given one state object, credentials masked.
   */
  hooks?: Hooks | undefined;
  /** Where to log (console-compatible: `debug`, `info`, `warn`, `error`). Default: nowhere. */
  logger?: Logger | undefined;
  /** The least severe level logged (default `warn`); see {@link LogLevel}. */
  logLevel?: LogLevel | undefined;
  /**
   * Wraps every call (see {@link CallTracer}); sdk-node's factories set one that publishes
   * on `node:diagnostics_channel`.
   */
  tracer?: CallTracer | undefined;
  /** Headers added to every request (credentials belong in `auth`). */
  headers?: HeaderValues | undefined;
  /**
   * The fetch to send with (default: the global one), through {@link fetchTransport}.
   * Give `fetch` or `transport`, not both.
   */
  fetch?: FetchFunction | typeof fetch | undefined;
  /**
   * What sends each attempt (default: `fetchTransport()`; sdk-node's factories default
   * to its transport on undici, one connection pool per client).
   */
  transport?: Transport | undefined;
  /**
   * Allow credentials over plain `http:` to a host that is not loopback (`localhost`,
   * 127.0.0.0/8, `::1`). Off by default: anyone on the path could read or replay them.
   * `'localhost-subdomains'` also allows `*.localhost` names, which Node resolves through
   * DNS: only where your resolver maps them to this machine.
   */
  allowInsecureHttp?: InsecureHttp;
  /** Debug mode: JitAi sends `debug: 1` and compares the server's paramStr with ours. */
  debug?: boolean;
  /** Clock for signing (tests). Default `Date.now`. */
  now?: () => number;
  /** Random source for nonces (tests). Default `crypto.getRandomValues`. */
  random?: RandomSource;
  /** Hash provider (sdk-node plugs `node:crypto`). */
  crypto?: CryptoProvider | undefined;
}

/** Per-call options: each overrides the client's for this call only. */
export interface RequestOptions {
  /** Ends the call (every attempt and wait) with a SignetAbortError. */
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt for this call, or false for none. */
  timeout?: number | false | undefined;
  /** Milliseconds for this whole call, or false for none. */
  totalTimeout?: number | false | undefined;
  /** Retry policy for this call (a number is the limit). */
  retry?: number | RetryOptions | undefined;
  /**
   * The call is safe to send twice (a query, a read-only function): retry it like a GET,
   * whatever its method. JitAi and DataFlux calls are POSTs, so without this their
   * retries only happen for connections that never opened.
   */
  idempotent?: boolean | undefined;
  /** Headers for this call, over the client's. */
  headers?: HeaderValues | undefined;
}

/**
 * Per-call options of calls that return a verified result: the request options plus a
 * Standard Schema validator the result must pass (zod, valibot, arktype…). Its output is
 * what the call resolves to; a result that fails it throws `SignetValidationError`.
 *
 * @example
 * ```ts
 * const Order = z.object({ orderId: z.string(), status: z.enum(['PAID', 'OPEN']) })
 * const order = await jit.call('services.OrderSvc.query', { orderId: '1' }, { schema: Order })
 * ```
 */
export interface CallOptions<R = unknown> extends RequestOptions {
  schema?: StandardSchemaV1<unknown, R> | undefined;
}
