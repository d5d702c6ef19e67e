import type { AuthStrategy } from '../auth/types.js';
import { SkewClock } from '../clock.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { type RandomSource, secureRandom } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
import type { BigIntMode, ClientOptions, RetryOptions } from './options.js';
import type { CallRecord } from './records.js';

export interface NormalizedRetry {
  limit: number;
  retryNonIdempotent: boolean;
  statusCodes: number[];
  delay: (retry: number) => number;
}

/** Client options after validation, shared by every call of one client. */
export interface ClientConfig {
  baseUrl: URL;
  auth: AuthStrategy | undefined;
  timeout: number | false;
  totalTimeout: number | false;
  retry: NormalizedRetry;
  clockSkew: boolean;
  clock: SkewClock;
  bigint: BigIntMode;
  onCall: ((record: CallRecord) => void) | undefined;
  headers: Headers;
  fetch: typeof fetch;
  allowInsecureHttp: boolean;
  debug: boolean;
  random: RandomSource;
  /** Undefined: the process-wide default, resolved where something is hashed. */
  crypto: CryptoProvider | undefined;
  /** Identifier shown in call records (access key, AK id...), never a secret. */
  keyId: string | undefined;
}

const defaultDelay = (retry: number): number => Math.min(5000, 300 * 2 ** (retry - 1));

export function normalizeRetry(retry: number | RetryOptions | undefined): NormalizedRetry {
  const options: RetryOptions = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const limit = options.limit ?? 2;
  if (!Number.isInteger(limit) || limit < 0 || limit > 20) {
    throw new SignetConfigError(`retry: limit must be an integer from 0 to 20, got ${limit}`);
  }
  return {
    limit,
    retryNonIdempotent: options.retryNonIdempotent ?? false,
    statusCodes: options.statusCodes ?? [408, 429, 500, 502, 503, 504],
    delay: options.delay ?? defaultDelay,
  };
}

function checkTimeout(name: string, value: number | false | undefined, fallback: number | false) {
  if (value === undefined) return fallback;
  if (value === false) return false;
  if (typeof value !== 'number' || !(value > 0) || value > 2_147_483_647) {
    throw new SignetConfigError(`${name} must be a positive number of ms or false, got ${value}`);
  }
  return value;
}

export function parseBaseUrl(baseUrl: string | URL | undefined): URL {
  if (baseUrl === undefined || baseUrl === '') {
    throw new SignetConfigError('baseUrl is required (e.g. "https://host/api/org/app")');
  }
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new SignetConfigError(`baseUrl is not an absolute URL: "${String(baseUrl)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SignetConfigError(`baseUrl must be http: or https:, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new SignetConfigError('baseUrl must not contain credentials; use the auth option');
  }
  if (url.search || url.hash) {
    throw new SignetConfigError('baseUrl must not contain a query or fragment');
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

export function normalizeConfig(options: ClientOptions, keyId?: string): ClientConfig {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('client options must be an object with at least baseUrl');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new SignetConfigError('fetch must be a function');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new SignetConfigError('no global fetch in this runtime: pass the fetch option');
  }
  // Looked up per request, so a fetch patched later (msw, test doubles) is honoured.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const bigint = options.bigint ?? 'bigint';
  if (bigint !== 'bigint' && bigint !== 'string' && bigint !== 'number') {
    throw new SignetConfigError(
      `bigint must be 'bigint', 'string' or 'number', got ${String(bigint)}`,
    );
  }
  if (options.onCall !== undefined && typeof options.onCall !== 'function') {
    throw new SignetConfigError('onCall must be a function');
  }
  const clockOptions: { now?: () => number; maxSkewMs?: number } = {};
  if (options.now) clockOptions.now = options.now;
  if (options.maxClockSkewMs !== undefined) clockOptions.maxSkewMs = options.maxClockSkewMs;
  return {
    baseUrl: parseBaseUrl(options.baseUrl),
    auth: options.auth,
    timeout: checkTimeout('timeout', options.timeout, 30_000),
    totalTimeout: checkTimeout('totalTimeout', options.totalTimeout, false),
    retry: normalizeRetry(options.retry),
    clockSkew: options.clockSkew ?? true,
    clock: new SkewClock(clockOptions),
    bigint,
    onCall: options.onCall,
    headers: new Headers(options.headers),
    fetch: fetchImpl,
    allowInsecureHttp: options.allowInsecureHttp ?? false,
    debug: options.debug ?? false,
    random: options.random ?? secureRandom,
    crypto: options.crypto,
    keyId,
  };
}
