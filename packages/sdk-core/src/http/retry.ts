import { SignetConfigError } from '../errors.js';
import type { RetryOptions } from './options.js';

/** A retry policy with every default filled in. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly limit: number;
  readonly retryNonIdempotent: boolean;
  readonly statusCodes: readonly number[];
  /** Delay before retry `n` (1-based), ms, before Retry-After is considered. */
  readonly delay: (retry: number) => number;
  /** The longest Retry-After signet waits for; a longer one is clamped to it. */
  readonly maxRetryAfterMs: number;
}

/** Methods that may be sent twice: RFC 9110 §9.2.2. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'GET',
  'HEAD',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
]);

/** Statuses whose Retry-After header says when to come back. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = /* @__PURE__ */ new Set([413, 429, 503]);

/**
 * 300·2^(n−1) ms capped at 5 s, with "equal jitter" (a random point in the upper half),
 * so clients that failed together do not all come back at the same instant.
 */
export function defaultRetryDelay(retry: number, random: () => number = Math.random): number {
  const base = Math.min(5000, 300 * 2 ** (retry - 1));
  return base / 2 + (base / 2) * random();
}

/** Checks and completes the `retry` option (a number is the limit). */
export function normalizeRetry(
  retry: number | RetryOptions | undefined,
  where = 'retry',
): RetryPolicy {
  const options: RetryOptions = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError(`${where} must be a number or an object, got ${String(retry)}`);
  }
  const limit = options.limit ?? 2;
  if (!Number.isInteger(limit) || limit < 0 || limit > 20) {
    throw new SignetConfigError(`${where}: limit must be an integer from 0 to 20, got ${limit}`);
  }
  if (options.delay !== undefined && typeof options.delay !== 'function') {
    throw new SignetConfigError(`${where}: delay must be a function (retry number → ms)`);
  }
  const statusCodes = options.statusCodes ?? [408, 429, 500, 502, 503, 504];
  if (!Array.isArray(statusCodes) || !statusCodes.every((s) => Number.isInteger(s))) {
    throw new SignetConfigError(`${where}: statusCodes must be a list of HTTP statuses`);
  }
  const maxRetryAfterMs = options.maxRetryAfter ?? 30_000;
  if (!(maxRetryAfterMs >= 0)) {
    throw new SignetConfigError(`${where}: maxRetryAfter must be a number of ms >= 0`);
  }
  return {
    limit,
    retryNonIdempotent: options.retryNonIdempotent ?? false,
    statusCodes,
    delay: options.delay ?? ((n) => defaultRetryDelay(n)),
    maxRetryAfterMs,
  };
}

/**
 * Ms to wait before retry `n` after an answer with `status` and `headers`: the server's
 * Retry-After (seconds or an HTTP date, for 413/429/503) when it gave one, clamped to
 * `maxRetryAfter`, else the policy's delay.
 */
export function retryWait(
  policy: RetryPolicy,
  retry: number,
  answer?: { status: number; headers: Headers },
): number {
  const header =
    answer && RETRY_AFTER_STATUSES.has(answer.status) ? answer.headers.get('retry-after') : null;
  const after = header === null ? undefined : retryAfterMs(header);
  if (after !== undefined) return Math.min(after, policy.maxRetryAfterMs);
  const wait = policy.delay(retry);
  return Number.isFinite(wait) && wait > 0 ? wait : 0;
}

/** `Retry-After: 120` or `Retry-After: <HTTP date>` in ms from now; undefined when neither. */
function retryAfterMs(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
