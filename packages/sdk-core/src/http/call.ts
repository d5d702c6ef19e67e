import type { AuthSignState, ChallengeAnswer } from '../auth/types.js';
import { isSignetError, type SignetError, SignetHttpError } from '../errors.js';
import { toWireJson } from '../json/wire-json.js';
import { AttemptSignal, CallerAborted, pause } from './attempt-signal.js';
import { discard, readBody } from './body.js';
import { CallWatch } from './call-watch.js';
import { type ClientConfig, checkTimeout } from './config.js';
import { CallCredentials, secretsOf } from './credentials.js';
import {
  type AttemptFailure,
  attemptFailure,
  failureError,
  internalError,
  preparationError,
} from './failure.js';
import type { HeaderValues, RequestOptions } from './options.js';
import type { CallRecord } from './records.js';
import { Redactor, redactError, redactText } from './redact.js';
import { followRedirect, isRedirect } from './redirect.js';
import { type DecodedResponse, decodeBody } from './response.js';
import { IDEMPOTENT_METHODS, normalizeRetry, type RetryPolicy, retryWait } from './retry.js';
import type { CallTraceContext } from './tracer.js';
import { guardInsecureHttp, type QueryInit, resolveUrl } from './url.js';
import { checkResult, type ResultExpectation } from './validate.js';
import type { ResponseInfo, WithResponse } from './with-response.js';

/** What a platform layer tells the loop about one call. */
export interface CallSpec<T> {
  method: string;
  path: string;
  query?: QueryInit | undefined;
  /** JSON body value (undefined: no body). Written once per attempt. */
  body?: unknown;
  /** The caller's per-call options (signal, timeouts, retry, idempotent, headers). */
  options?: RequestOptions | undefined;
  /** Headers of the platform layer for this call (under the caller's per-call headers). */
  headers?: HeaderValues | undefined;
  /** For records: JitAi api or DataFlux route. */
  api?: string | undefined;
  /** Passed to auth.prepare (DataFlux sync format). */
  format?: string | undefined;
  /** Turns a decoded response into the result, or throws a typed error. */
  decode: (response: DecodedResponse, context: DecodeContext) => T | Promise<T>;
  /**
   * Says whether the server rejected our timestamp and what time it claimed, so the loop
   * can re-sign once with a corrected clock.
   */
  skew?: (response: DecodedResponse) => SkewSignal | undefined;
  /** Fills platform ids (requestId, errcode...) into the record. */
  annotate?: (response: DecodedResponse, record: CallRecord) => void;
  /** What the decoded result must be (a shape, a Standard Schema), checked after decode. */
  expect?: ResultExpectation | undefined;
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
  /** The state the answering attempt was signed with (for response verification). */
  signed: AuthSignState | undefined;
}

/** How many 401 challenges one call answers (a fresh one, then one `stale=true`). */
const MAX_CHALLENGES = 2;

/** One attempt, ready to send: exactly the request as signed. */
interface Outgoing {
  method: string;
  url: URL;
  headers: Headers;
  bodyText: string | undefined;
  signed: AuthSignState | undefined;
}

/** One attempt's complete answer. */
interface Answer {
  status: number;
  headers: Headers;
  text: string;
  opaqueRedirect: boolean;
  sentAt: number;
  receivedAt: number;
}

/** The per-call view of the client's options. */
interface CallPolicy {
  timeout: number | false;
  totalTimeout: number | false;
  retry: RetryPolicy;
  /** May this call be sent twice? (idempotent method, `idempotent: true`, retryNonIdempotent) */
  repeatable: boolean;
  signal: AbortSignal | undefined;
  deadline: number | undefined;
}

/**
 * One call, on signet's own attempt loop: per attempt, the body is written once → the
 * strategy signs it (fresh timestamp/nonce) → the transport sends it → the body is read,
 * bounded in time and bytes; then a Digest challenge, a clock-skew rejection, a followed
 * redirect or the retry policy may ask for another attempt (re-signed), else the answer
 * is verified and decoded. One counter of attempts, one loop.
 */
export async function execute<T>(config: ClientConfig, spec: CallSpec<T>): Promise<T> {
  return (await executeWithResponse(config, spec)).data;
}

/** {@link execute}, with the response the result came from; through the client's tracer. */
export function executeWithResponse<T>(
  config: ClientConfig,
  spec: CallSpec<T>,
): Promise<WithResponse<T>> {
  const tracer = config.tracer;
  if (tracer === undefined || tracer.enabled?.() === false) return runCall(config, spec, undefined);
  const context: CallTraceContext = {
    api: spec.api,
    method: spec.method.toUpperCase(),
    url: traceUrl(config, spec),
  };
  return tracer(context, () => runCall(config, spec, context));
}

async function runCall<T>(
  config: ClientConfig,
  spec: CallSpec<T>,
  trace: CallTraceContext | undefined,
): Promise<WithResponse<T>> {
  const startedAt = config.clock.localNow();
  const auth = config.auth;
  const record = newRecord(config, spec, startedAt);
  /** The strategy's secrets and every value it put on a request of this call: never echoed. */
  const credentials = new CallCredentials(auth, config.keyId);
  const secrets = () => credentials.values();
  // Hooks and log lines see the call from the same points, credentials masked.
  const watch = new CallWatch(config, spec.api, secrets);
  let sentUrl: URL | undefined;
  let policy: CallPolicy | undefined;
  let outcome: WithResponse<T> | undefined;
  try {
    policy = callPolicy(config, spec);
    let method = spec.method.toUpperCase();
    let url = resolveUrl(config.baseUrl, spec.path, spec.query);
    let body = spec.body;
    let answer: ChallengeAnswer | undefined;
    let retries = 0;
    let challenges = 0;
    let hops = 0;
    let skewResent = false;
    for (let index = 0; ; index++) {
      const outgoing = await prepareAttempt(
        config,
        spec,
        { method, url, body, index, answer },
        credentials,
      );
      answer = undefined;
      sentUrl = outgoing.url;
      record.attempts++;
      await watch.request(outgoing);
      const sent = await sendAttempt(config, outgoing, policy);
      if ('kind' in sent) {
        const error = failureError(sent, failureContext(policy), secrets());
        if (retries < policy.retry.limit && mayRetryFailure(sent, policy)) {
          retries++;
          const delayMs = retryWait(policy.retry, retries);
          await watch.retry({ reason: 'network', error, retryCount: retries, delayMs });
          await waitBeforeRetry(policy, delayMs);
          continue;
        }
        throw error;
      }
      await watch.response(sent);
      const response = decodeBody(sent.status, sent.headers, sent.text, sent);
      record.status = response.status;
      record.traceId = response.headers.get('x-trace-id') ?? record.traceId;
      spec.annotate?.(response, record);

      if (isRedirect(response.status) || sent.opaqueRedirect) {
        const hop = followRedirect({
          mode: config.redirect,
          status: response.status,
          headers: response.headers,
          from: outgoing.url,
          method,
          hops,
          opaque: sent.opaqueRedirect,
          clean: (text) => redactText(text, secrets()),
        });
        if (hop instanceof SignetHttpError) throw hop;
        hops++;
        url = hop.url;
        method = hop.method;
        if (hop.dropBody) body = undefined;
        await watch.retry({ reason: 'redirect', answer: sent, retryCount: retries, delayMs: 0 });
        continue;
      }

      if (auth?.challenge && response.status === 401 && challenges < MAX_CHALLENGES) {
        answer = await answerChallenge(auth, {
          method,
          url: outgoing.url,
          bodyText: outgoing.bodyText,
          status: response.status,
          headers: response.headers,
          round: challenges,
        });
        if (answer) {
          challenges++;
          await watch.retry({ reason: 'challenge', answer: sent, retryCount: retries, delayMs: 0 });
          continue;
        }
      }

      const signal = spec.skew?.(response);
      if (signal?.serverTime !== undefined) {
        record.measuredSkewMs = config.clock.observe(
          signal.serverTime,
          sent.sentAt,
          sent.receivedAt,
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
          await watch.retry({
            reason: 'clock-skew',
            answer: sent,
            retryCount: retries,
            delayMs: 0,
          });
          continue;
        }
      }

      if (
        retries < policy.retry.limit &&
        policy.retry.statusCodes.includes(response.status) &&
        policy.repeatable
      ) {
        retries++;
        const delayMs = retryWait(policy.retry, retries, response);
        await watch.retry({ reason: 'status', answer: sent, retryCount: retries, delayMs });
        await waitBeforeRetry(policy, delayMs);
        continue;
      }

      if (
        auth?.verifyResponse &&
        outgoing.signed &&
        response.status >= 200 &&
        response.status < 300
      ) {
        await auth.verifyResponse({
          status: response.status,
          headers: response.headers,
          bodyText: response.text,
          request: outgoing.signed,
          now: config.clock.now(),
        });
      }
      const decoded = await spec.decode(response, { config, signed: outgoing.signed });
      const data =
        spec.expect === undefined
          ? decoded
          : ((await checkResult(decoded, spec.expect, spec.api ?? method, config.bigint)) as T);
      if (response.status >= 200 && response.status < 300) record.ok = true;
      outcome = { data, response: responseInfo(response, record) };
      return outcome;
    }
  } catch (error) {
    const safe = toSignetError(error, secrets());
    record.error = safe.name;
    const fields = safe as unknown as Partial<CallRecord> & { platformMessage?: string };
    record.errcode ??= fields.errcode;
    record.reason ??= fields.reason;
    record.requestId ??= fields.requestId;
    record.message ??= fields.platformMessage ?? safe.message;
    throw redactError(await watch.failed(safe), secrets());
  } finally {
    record.durationMs = config.clock.localNow() - startedAt;
    if (outcome) outcome.response.durationMs = record.durationMs;
    if (sentUrl !== undefined) record.path = sentUrl.pathname + sentUrl.search;
    // The path may carry query credentials, platform messages may echo what auth sent:
    // every view of the record (tracer, logs, onCall) is the masked one. With none of
    // them, nothing reads it and masking it would cost a Redactor per call for nobody.
    if (trace || config.log || config.onCall) {
      const shown = new Redactor(secrets()).value({ ...record });
      if (trace) trace.record = { ...shown };
      watch.ended({ ...shown });
      if (config.onCall) {
        try {
          config.onCall({ ...shown });
        } catch {
          // A logging callback must never turn a result into a failure.
        }
      }
    }
  }
}

function responseInfo(response: DecodedResponse, record: CallRecord): ResponseInfo {
  return {
    status: response.status,
    headers: response.headers,
    requestId: record.requestId,
    traceId: record.traceId,
    attempts: record.attempts,
    durationMs: 0,
  };
}

/** The first attempt's URL for a tracer, masked like records ('' when it cannot be built). */
function traceUrl(config: ClientConfig, spec: CallSpec<unknown>): string {
  try {
    return redactText(
      resolveUrl(config.baseUrl, spec.path, spec.query).href,
      secretsOf(config.auth),
    );
  } catch {
    return '';
  }
}

function failureContext(policy: CallPolicy) {
  return {
    timeout: policy.timeout,
    totalTimeout: policy.totalTimeout,
    callerReason: policy.signal?.reason,
  };
}

function newRecord(config: ClientConfig, spec: CallSpec<unknown>, startedAt: number): CallRecord {
  return {
    api: spec.api,
    method: spec.method.toUpperCase(),
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
    auth: config.auth?.kind,
    keyId: config.keyId,
  };
}

/** The client's policy with this call's overrides (checked like the client's own). */
function callPolicy(config: ClientConfig, spec: CallSpec<unknown>): CallPolicy {
  const options = spec.options ?? {};
  const retry =
    options.retry === undefined ? config.retry : normalizeRetry(options.retry, 'retry (per call)');
  const timeout = checkTimeout('timeout', options.timeout, config.timeout);
  const totalTimeout = checkTimeout('totalTimeout', options.totalTimeout, config.totalTimeout);
  const method = spec.method.toUpperCase();
  return {
    timeout,
    totalTimeout,
    retry,
    repeatable:
      IDEMPOTENT_METHODS.has(method) || options.idempotent === true || retry.retryNonIdempotent,
    signal: options.signal,
    deadline: totalTimeout === false ? undefined : Date.now() + totalTimeout,
  };
}

/** Retry after a failed attempt: always when nothing was sent, else only a repeatable call. */
function mayRetryFailure(failure: AttemptFailure, policy: CallPolicy): boolean {
  if (failure.kind !== 'network') return false;
  return failure.neverSent || policy.repeatable;
}

/** Waits before a retry, within the call's deadline and the caller's signal. */
async function waitBeforeRetry(policy: CallPolicy, ms: number): Promise<void> {
  if (policy.deadline !== undefined && Date.now() + ms >= policy.deadline) {
    // The wait alone would outlast totalTimeout: the next attempt could not finish.
    await pause(Math.max(0, policy.deadline - Date.now()), policy.signal);
    return;
  }
  await pause(ms, policy.signal);
}

/**
 * Builds one attempt: headers, `prepare` (fixed fields, custom auth), the body written
 * once (with the strategy's canonical form of it), the plain-http guard, then `sign`.
 * Anything thrown here is found before the attempt is handed to the transport.
 */
async function prepareAttempt(
  config: ClientConfig,
  spec: CallSpec<unknown>,
  target: {
    method: string;
    url: URL;
    body: unknown;
    index: number;
    answer: ChallengeAnswer | undefined;
  },
  credentials: CallCredentials,
): Promise<Outgoing> {
  const auth = config.auth;
  const { method, index, answer } = target;
  // prepare may add query fields: it gets its own copy; nothing else changes the URL.
  const url = auth?.prepare ? new URL(target.url.href) : target.url;
  const headers = new Headers(config.headers);
  for (const extra of [spec.headers, spec.options?.headers]) {
    if (extra !== undefined) for (const [key, value] of new Headers(extra)) headers.set(key, value);
  }
  const prepare = { method, url, headers, body: shallowCopy(target.body), format: spec.format };
  try {
    if (auth?.prepare) {
      const before = credentials.snapshot(prepare);
      try {
        await auth.prepare(prepare);
      } finally {
        credentials.note(before, prepare);
      }
    }
    const written =
      prepare.body === undefined
        ? undefined
        : auth?.write
          ? auth.write(prepare.body, config.crypto)
          : { text: toWireJson(prepare.body), canonical: undefined };
    if (written !== undefined && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    guardInsecureHttp(url, auth?.credentialed ?? false, config.allowInsecureHttp);
    if (!auth?.sign) return { method, url, headers, bodyText: written?.text, signed: undefined };
    const state: AuthSignState = {
      method,
      url,
      headers,
      bodyText: written?.text,
      canonical: written?.canonical,
      now: config.clock.now(),
      attempt: index,
      challenge: answer,
      random: config.random,
      crypto: config.crypto,
    };
    const before = credentials.snapshot(state);
    try {
      await auth.sign(state);
    } finally {
      credentials.note(before, state);
    }
    return { method, url, headers, bodyText: written?.text, signed: state };
  } catch (error) {
    throw new Prepared(preparationError(error, credentials.values(), auth?.kind, index));
  }
}

/**
 * The strategy's answer to a 401 challenge, checked before it goes anywhere. A
 * challenge it cannot answer (an algorithm it does not offer, a header value no request
 * can carry) comes from the server's answer, after a request was sent: a SignetHttpError
 * for that 401, never a SignetConfigError.
 */
async function answerChallenge(
  auth: NonNullable<ClientConfig['auth']>,
  state: Parameters<NonNullable<NonNullable<ClientConfig['auth']>['challenge']>>[0],
): Promise<ChallengeAnswer | undefined> {
  const refused = (why: string, cause: unknown) =>
    new SignetHttpError(
      `HTTP 401: the server's ${auth.kind} challenge cannot be answered: ${why}`,
      {
        status: state.status,
        headers: state.headers,
        body: '',
        url: state.url.href,
        method: state.method,
        cause,
      },
    );
  let answer: ChallengeAnswer | undefined;
  try {
    answer = await auth.challenge!(state);
  } catch (error) {
    if (isSignetError(error) && error.name !== 'SignetConfigError') throw error;
    throw refused(error instanceof Error ? error.message : String(error), error);
  }
  if (answer === undefined) return undefined;
  try {
    new Headers([['authorization', answer.authorization]]);
  } catch (error) {
    throw refused('the answer is not a valid header value', error);
  }
  return answer;
}

/** An error from building an attempt, already a SignetError. */
class Prepared {
  constructor(readonly error: SignetError) {}
}

/**
 * Hands one attempt to the transport and reads its body, all under one signal (the
 * attempt's timeout, the call's deadline, the caller's signal) and the byte limit.
 * Resolves to the answer, or to how the attempt failed.
 */
async function sendAttempt(
  config: ClientConfig,
  outgoing: Outgoing,
  policy: CallPolicy,
): Promise<Answer | AttemptFailure> {
  const attempt = new AttemptSignal(policy.timeout, policy.deadline, policy.signal);
  const sentAt = config.clock.localNow();
  let midBody = false;
  try {
    if (attempt.reason !== undefined) throw attempt.signal.reason;
    const response = await config.transport({
      method: outgoing.method,
      url: outgoing.url,
      headers: outgoing.headers,
      body: outgoing.bodyText,
      signal: attempt.signal,
    });
    midBody = true;
    if (attempt.reason !== undefined) {
      void discard(response.body);
      throw attempt.signal.reason;
    }
    const text = await readBody(response, config.maxResponseBytes);
    return {
      status: response.status,
      headers: response.headers,
      text,
      opaqueRedirect: response.opaqueRedirect === true,
      sentAt,
      receivedAt: config.clock.localNow(),
    };
  } catch (error) {
    return attemptFailure(error, attempt.reason, midBody);
  } finally {
    attempt.dispose();
  }
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
  if (error instanceof Prepared) return error.error;
  if (error instanceof CallerAborted) {
    return failureError(
      { kind: 'ended', neverSent: false, midBody: false, ended: 'caller', error: error.reason },
      { timeout: false, totalTimeout: false, callerReason: error.reason },
      secrets,
    );
  }
  if (isSignetError(error)) return redactError(error, secrets);
  return internalError(error, secrets);
}
