import type { AuthStrategy } from '../auth/types.js';
import { SkewClock } from '../clock.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { type RandomSource, secureRandom } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
import { fetchTransport } from './fetch-transport.js';
import { type HookLists, normalizeHooks } from './hooks.js';
import { type LevelLogger, normalizeLogger } from './logger.js';
import type { BigIntMode, ClientOptions } from './options.js';
import type { CallRecord } from './records.js';
import type { RedirectMode } from './redirect.js';
import { normalizeRetry, type RetryPolicy } from './retry.js';
import type { CallTracer } from './tracer.js';
import type { Transport } from './transport.js';
import type { InsecureHttp } from './url.js';

/** Client options after validation, shared by every call of one client. */
export interface ClientConfig {
  baseUrl: URL;
  auth: AuthStrategy | undefined;
  timeout: number | false;
  totalTimeout: number | false;
  retry: RetryPolicy;
  redirect: RedirectMode;
  maxResponseBytes: number | false;
  clockSkew: boolean;
  clock: SkewClock;
  bigint: BigIntMode;
  onCall: ((record: CallRecord) => void) | undefined;
  /** Undefined when no hook is set (the loop skips building views). */
  hooks: HookLists | undefined;
  /** Undefined when nothing is logged. */
  log: LevelLogger | undefined;
  tracer: CallTracer | undefined;
  headers: Headers;
  transport: Transport;
  allowInsecureHttp: InsecureHttp;
  debug: boolean;
  random: RandomSource;
  /** Undefined: the process-wide default, resolved where something is hashed. */
  crypto: CryptoProvider | undefined;
  /** Identifier shown in call records (access key, AK id...), never a secret. */
  keyId: string | undefined;
}

/** 32 MiB: far above any API answer, far below what would hurt a browser tab or a server. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 32 * 1024 * 1024;

/** A timeout option: a positive number of ms (setTimeout's range) or false. */
export function checkTimeout(
  name: string,
  value: number | false | undefined,
  fallback: number | false,
): number | false {
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
  const bigint = options.bigint ?? 'bigint';
  if (bigint !== 'bigint' && bigint !== 'string' && bigint !== 'number') {
    throw new SignetConfigError(
      `bigint must be 'bigint', 'string' or 'number', got ${String(bigint)}`,
    );
  }
  if (options.onCall !== undefined && typeof options.onCall !== 'function') {
    throw new SignetConfigError('onCall must be a function');
  }
  const redirect = options.redirect ?? 'error';
  if (redirect !== 'error' && redirect !== 'same-origin') {
    throw new SignetConfigError(
      `redirect must be 'error' or 'same-origin', got ${String(redirect)}`,
    );
  }
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (
    maxResponseBytes !== false &&
    !(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)
  ) {
    throw new SignetConfigError(
      `maxResponseBytes must be a positive integer number of bytes or false, got ${String(maxResponseBytes)}`,
    );
  }
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  if (
    allowInsecureHttp !== true &&
    allowInsecureHttp !== false &&
    allowInsecureHttp !== 'localhost-subdomains'
  ) {
    throw new SignetConfigError(
      `allowInsecureHttp must be true, false or 'localhost-subdomains', got ${String(allowInsecureHttp)}`,
    );
  }
  if (options.tracer !== undefined && typeof options.tracer !== 'function') {
    throw new SignetConfigError('tracer must be a function (context, run) => run()');
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
    redirect,
    maxResponseBytes,
    clockSkew: options.clockSkew ?? true,
    clock: new SkewClock(clockOptions),
    bigint,
    onCall: options.onCall,
    hooks: normalizeHooks(options.hooks),
    log: normalizeLogger(options.logger, options.logLevel),
    tracer: options.tracer,
    headers: new Headers(options.headers),
    transport: transportOf(options),
    allowInsecureHttp,
    debug: options.debug ?? false,
    random: options.random ?? secureRandom,
    crypto: options.crypto,
    keyId,
  };
}

function transportOf(options: ClientOptions): Transport {
  if (options.transport !== undefined) {
    if (typeof options.transport !== 'function') {
      throw new SignetConfigError('transport must be a function (request) => Promise<response>');
    }
    if (options.fetch !== undefined) {
      throw new SignetConfigError('give fetch or transport, not both (which one should send?)');
    }
    return options.transport;
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new SignetConfigError('fetch must be a function');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new SignetConfigError(
      'no global fetch in this runtime: pass the fetch or transport option',
    );
  }
  return fetchTransport(options.fetch);
}
