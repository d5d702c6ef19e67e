import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import type { AuthSignState, ChallengeAnswer } from '../auth/types.js';
import {
  isSignetError,
  SignetConfigError,
  type SignetError,
  SignetNetworkError,
  SignetTimeoutError,
} from '../errors.js';
import { toWireJson } from '../json/wire-json.js';
import type { ClientConfig } from './config.js';
import type { CallRecord } from './records.js';
import { redactError, redactText, secretsOf } from './redact.js';
import { type DecodedResponse, decodeBody } from './response.js';
import { guardInsecureHttp, type QueryInit, resolveUrl } from './url.js';

/** What a platform layer tells the engine about its envelope. */
export interface CallSpec<T> {
  method: string;
  path: string;
  query?: QueryInit | undefined;
  /** JSON body value (undefined: no body). Serialized once per send. */
  body?: unknown;
  headers?: HeadersInit | undefined;
  signal?: AbortSignal | undefined;
  timeout?: number | false | undefined;
  /** For records: JitAi api or DataFlux route. */
  api?: string | undefined;
  /** Passed to auth.prepare (DataFlux sync format). */
  format?: string | undefined;
  /** Turns a decoded response into the result, or throws a typed error. */
  decode: (response: DecodedResponse, context: DecodeContext) => T | Promise<T>;
  /**
   * Says whether the server rejected our timestamp and what time it claimed, so the
   * engine can re-sign once with a corrected clock.
   */
  skew?: (response: DecodedResponse) => SkewSignal | undefined;
  /** Fills platform ids (requestId, errcode...) into the record. */
  annotate?: (response: DecodedResponse, record: CallRecord) => void;
}

export interface SkewSignal {
  /** Server time in Unix ms, when the response carried one. */
  serverTime: number | undefined;
  /** True when the response says the timestamp was refused (or may have been). */
  rejected: boolean;
  /** Offsets smaller than this cannot explain the rejection: no re-send. */
  thresholdMs: number;
}

export interface DecodeContext {
  config: ClientConfig;
  /** The state the last attempt was signed with (for response verification). */
  signed: AuthSignState | undefined;
}

const idempotent = /* @__PURE__ */ new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);
const allMethods = ['get', 'post', 'put', 'patch', 'head', 'delete', 'options', 'trace'] as const;

/** Raw body holder: ky's error-body parsing must not lose the exact text. */
class RawText {
  constructor(readonly text: string) {}
}

/**
 * One call: args → JSON text (once per send) → auth signs from that text, the final URL
 * and the clock → ky sends, re-signing every retry → the body is read once → Digest
 * challenges and clock-skew rejections get one re-send each → the platform decodes.
 */
export async function execute<T>(config: ClientConfig, spec: CallSpec<T>): Promise<T> {
  const startedAt = config.clock.localNow();
  const method = spec.method.toUpperCase();
  const auth = config.auth;
  const record: CallRecord = {
    api: spec.api,
    method,
    path: '',
    status: undefined,
    ok: false,
    errcode: undefined,
    reason: undefined,
    message: undefined,
    error: undefined,
    requestId: undefined,
    traceId: undefined,
    startedAt,
    durationMs: 0,
    attempts: 0,
    clockOffsetMs: config.clock.offsetMs,
    measuredSkewMs: undefined,
    auth: auth?.kind,
    keyId: config.keyId,
  };
  let skewResent = false;
  /** A challenge answer for the next round's first attempt (Digest). */
  let answer: ChallengeAnswer | undefined;
  /** Header values an auth strategy set (signatures, Authorization): never echoed in errors. */
  const sensitive = new Set<string>();
  /** The last URL sent; its redacted path goes into the record only when someone reads it. */
  let sentUrl: URL | undefined;
  try {
    for (let round = 0; ; round++) {
      const url = resolveUrl(config.baseUrl, spec.path, spec.query);
      const headers = new Headers(config.headers);
      if (spec.headers !== undefined) {
        for (const [key, value] of new Headers(spec.headers)) headers.set(key, value);
      }
      const prepare = { method, url, headers, body: shallowCopy(spec.body), format: spec.format };
      await auth?.prepare?.(prepare);
      const bodyText = prepare.body === undefined ? undefined : toWireJson(prepare.body);
      if (bodyText !== undefined && !headers.has('content-type')) {
        headers.set('content-type', 'application/json');
      }
      guardInsecureHttp(url, auth?.credentialed ?? false, config.allowInsecureHttp);
      sentUrl = url;

      const sent = await send(
        config,
        spec,
        { method, url, headers, bodyText, round, answer, sensitive },
        record,
      );
      const response = decodeBody(sent.status, sent.headers, sent.text, sent);
      record.status = response.status;
      record.traceId = response.headers.get('x-trace-id') ?? record.traceId;
      spec.annotate?.(response, record);

      answer = undefined;
      if (auth?.challenge && response.status === 401 && round < 2) {
        answer = await auth.challenge({
          method,
          url,
          bodyText,
          status: response.status,
          headers: response.headers,
          round,
        });
        if (answer) continue;
      }

      const signal = spec.skew?.(response);
      if (signal?.serverTime !== undefined) {
        record.measuredSkewMs = config.clock.observe(
          signal.serverTime,
          response.sentAt,
          response.receivedAt,
        );
      }
      if (
        signal?.rejected &&
        config.clockSkew &&
        !skewResent &&
        record.measuredSkewMs !== undefined
      ) {
        const drift = record.measuredSkewMs - config.clock.offsetMs;
        if (Math.abs(drift) >= signal.thresholdMs) {
          config.clock.apply(record.measuredSkewMs);
          record.clockOffsetMs = config.clock.offsetMs;
          skewResent = true;
          continue;
        }
      }

      if (auth?.verifyResponse && sent.signed && response.status >= 200 && response.status < 300) {
        await auth.verifyResponse({
          status: response.status,
          headers: response.headers,
          bodyText: response.text,
          request: sent.signed,
          now: config.clock.now(),
        });
      }
      const result = await spec.decode(response, { config, signed: sent.signed });
      if (response.status >= 200 && response.status < 300) record.ok = true;
      return result;
    }
  } catch (error) {
    const safe = toSignetError(error, [...secretsOf(auth), ...sensitive]);
    record.error = safe.name;
    const fields = safe as unknown as Partial<CallRecord> & { platformMessage?: string };
    record.errcode ??= fields.errcode;
    record.reason ??= fields.reason;
    record.requestId ??= fields.requestId;
    record.message ??= fields.platformMessage ?? safe.message;
    throw safe;
  } finally {
    record.durationMs = config.clock.localNow() - startedAt;
    if (sentUrl !== undefined && config.onCall) {
      record.path = redactText(sentUrl.pathname + sentUrl.search, secretsOf(auth));
    }
    // Platform messages may echo request headers back: mask what auth put there.
    if (record.message !== undefined) {
      record.message = redactText(record.message, [...secretsOf(auth), ...sensitive]);
    }
    if (config.onCall) {
      try {
        config.onCall({ ...record });
      } catch {
        // A logging callback must never turn a result into a failure.
      }
    }
  }
}

interface SentResponse {
  status: number;
  headers: Headers;
  text: string;
  sentAt: number;
  receivedAt: number;
  signed: AuthSignState | undefined;
}

interface Outgoing {
  method: string;
  url: URL;
  headers: Headers;
  bodyText: string | undefined;
  round: number;
  answer: ChallengeAnswer | undefined;
  sensitive: Set<string>;
}

async function send(
  config: ClientConfig,
  spec: CallSpec<unknown>,
  outgoing: Outgoing,
  record: CallRecord,
): Promise<SentResponse> {
  const { method, url, headers, bodyText, round, answer, sensitive } = outgoing;
  const auth = config.auth;
  let signed: AuthSignState | undefined;
  let sentAt = config.clock.localNow();
  const retryable = idempotent.has(method) || config.retry.retryNonIdempotent;
  const sign = async (request: Request, attempt: number): Promise<void> => {
    record.attempts++;
    sentAt = config.clock.localNow();
    if (!auth?.sign) return;
    const state: AuthSignState = {
      method,
      url: new URL(request.url),
      headers: request.headers,
      bodyText,
      now: config.clock.now(),
      attempt: round + attempt,
      // ky's own retries after the answered attempt start over with a fresh header.
      challenge: attempt === 0 ? answer : undefined,
      random: config.random,
      crypto: config.crypto,
    };
    const before = new Map(request.headers);
    await auth.sign(state);
    for (const [name, value] of request.headers) {
      if (before.get(name) !== value && value.length >= 8) sensitive.add(value);
    }
    signed = state;
  };
  const timeout = spec.timeout ?? config.timeout;
  try {
    const response = await ky(url, {
      method,
      headers,
      ...(bodyText === undefined ? {} : { body: bodyText }),
      timeout,
      totalTimeout: config.totalTimeout,
      // ky hands fetch a Request whose body is a stream; sending our exact text instead
      // lets the runtime write it in one go (measurably faster on real sockets).
      fetch: (request: Request | URL | string, init?: RequestInit) =>
        (request instanceof Request
          ? config.fetch(request.url, unwrap(request, bodyText, init))
          : config.fetch(request, init)
        ).catch(normalizeFetchFailure),
      ...(spec.signal ? { signal: spec.signal } : {}),
      throwHttpErrors: (status) => config.retry.statusCodes.includes(status),
      parseJson: (text) => new RawText(text),
      // No retries: the number form spares ky normalizing the whole policy on every call.
      retry:
        config.retry.limit === 0
          ? 0
          : {
              limit: config.retry.limit,
              methods: [...allMethods],
              statusCodes: config.retry.statusCodes,
              afterStatusCodes: [413, 429, 503],
              maxRetryAfter: 30_000,
              delay: config.retry.delay,
              shouldRetry: ({ error }) => {
                if (retryable) return undefined;
                // Nothing reached the server when the connection could not be opened.
                return isNetworkError(error) && isConnectFailure(error.cause);
              },
            },
      hooks: {
        beforeRequest: [({ request }) => sign(request, 0)],
        beforeRetry: [({ request, retryCount }) => sign(request, retryCount)],
      },
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      sentAt,
      receivedAt: config.clock.localNow(),
      signed,
    };
  } catch (error) {
    if (isHTTPError(error)) {
      const data: unknown = error.data;
      const text = data instanceof RawText ? data.text : typeof data === 'string' ? data : '';
      return {
        status: error.response.status,
        headers: error.response.headers,
        text,
        sentAt,
        receivedAt: config.clock.localNow(),
        signed,
      };
    }
    throw error;
  }
}

function unwrap(request: Request, bodyText: string | undefined, init?: RequestInit): RequestInit {
  const out: RequestInit = {
    ...init,
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
  };
  if (bodyText !== undefined) out.body = bodyText;
  return out;
}

/**
 * A rejected fetch is a network error (Fetch spec), but runtimes word it differently
 * (Bun: TypeError "ECONNREFUSED: Unable to connect…", workerd: a plain Error "Network
 * connection lost.") and ky
 * only recognises some: give every non-abort failure undici's wording, keep the original
 * as the cause (isConnectFailure reads its code).
 */
function normalizeFetchFailure(error: unknown): never {
  if (isAbort(error) || (error as { name?: unknown })?.name === 'TimeoutError') throw error;
  throw new TypeError('fetch failed', { cause: error });
}

function isConnectFailure(cause: unknown): boolean {
  const code = errorCode(cause);
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/** The first `code` (ECONNREFUSED...) along a cause chain. */
function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    e = cause;
  }
  return undefined;
}

function shallowCopy(body: unknown): unknown {
  if (Array.isArray(body)) return [...body];
  if (
    body !== null &&
    typeof body === 'object' &&
    Object.getPrototypeOf(body) === Object.prototype
  ) {
    return { ...(body as Record<string, unknown>) };
  }
  return body;
}

/** Every failure leaves as a SignetError whose text carries no secret. */
function toSignetError(error: unknown, secrets: readonly string[]): SignetError {
  if (isSignetError(error)) return redactError(error, secrets);
  if (isTimeoutError(error)) {
    return new SignetTimeoutError('The request timed out (no answer within the timeout)');
  }
  if (isNetworkError(error)) {
    const cause = (error as { cause?: unknown }).cause;
    const code = errorCode(cause);
    return new SignetNetworkError(
      `The request failed before an answer came${code ? ` (${code})` : ''}: connection refused, reset, DNS or CORS`,
      { cause: redactError(cause, secrets) },
    );
  }
  if (isAbort(error)) {
    return new SignetNetworkError('The request was aborted by its AbortSignal', { cause: error });
  }
  if (error instanceof Error && error.name === 'TypeError' && /fetch/i.test(error.message)) {
    return new SignetNetworkError(`The request failed: ${redactText(error.message, secrets)}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SignetConfigError(
    `Unexpected failure while preparing the call: ${redactText(message, secrets)}`,
    {
      cause: redactError(error, secrets),
    },
  );
}

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}
