/**
 * One error hierarchy for everything signet throws. Every failure is an
 * `instanceof SignetError` with a stable `name`; `isSignetError()` also matches by name,
 * so errors that cross realms (iframes, workers, duplicated bundles) are still recognised.
 *
 * No message, `cause` or field of these errors ever carries a secret: before an error
 * leaves a call, the loop masks (`http/redact.ts`) the strategy's secrets and every value
 * it put on the call's requests, in every form, in every own field down the cause chain.
 */

/** Fields shared by every error. */
export interface SignetErrorOptions {
  cause?: unknown;
}

/**
 * The base of every error signet throws; `name` tells the kind (`SignetConfigError`,
 * `SignetHttpError`, …) across realms. A plain `SignetError` is a bug in signet.
 * Messages, causes and fields never hold a secret.
 */
export class SignetError extends Error {
  override name = 'SignetError';

  constructor(message: string, options: SignetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** What `JSON.stringify(error)` writes, for logs: name, message and the error's fields. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/**
 * `toJSON` of the errors that carry what a server sent (a decoded body, `detail`,
 * `Headers`): bigints (integers beyond 2^53) as decimal strings and `Headers` as a plain
 * object, where they would make `JSON.stringify` throw or print `{}`.
 */
function safeRecord(error: SignetError): Record<string, unknown> {
  return { ...(jsonSafe({ ...error }) as object), name: error.name, message: error.message };
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Headers) return Object.fromEntries(value);
  if ('toJSON' in value && typeof value.toJSON === 'function') return value;
  if (Array.isArray(value)) return value.map(jsonSafe);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = jsonSafe(item);
  return out;
}

/** Bad input found before anything was sent: wrong option, ambiguous args, unsafe URL. */
export class SignetConfigError extends SignetError {
  override name = 'SignetConfigError';
}

export interface SignetHttpErrorOptions extends SignetErrorOptions {
  status: number;
  headers: Headers;
  body: unknown;
  url?: string | undefined;
  method?: string | undefined;
  /** A 3xx's target, credentials redacted. */
  location?: string | undefined;
}

/** A non-2xx answer that carries no platform envelope (an HTML error page, a proxy 502...). */
export class SignetHttpError extends SignetError {
  override name = 'SignetHttpError';
  readonly status: number;
  readonly headers: Headers;
  /** Decoded JSON when the body was JSON, else its text (possibly empty). */
  readonly body: unknown;
  readonly url: string | undefined;
  readonly method: string | undefined;
  /** Where a 3xx pointed (credentials redacted): signet does not follow it unasked. */
  readonly location: string | undefined;

  constructor(message: string, options: SignetHttpErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.headers = options.headers;
    this.body = options.body;
    this.url = options.url;
    this.method = options.method;
    this.location = options.location;
  }

  override toJSON(): Record<string, unknown> {
    return safeRecord(this);
  }
}

export interface SignetApiErrorOptions extends SignetErrorOptions {
  status: number;
  /** JitAi `errcode`, or DataFlux `error` (e.g. 401.14), exactly as sent. */
  errcode: number | string | undefined;
  /** DataFlux `reason` (`EAPIAuth`, `EUserAuth`...). */
  reason?: string | undefined;
  detail?: unknown;
  requestId?: string | undefined;
  traceId?: string | undefined;
  /** Seconds to wait before retrying (DataFlux 429 `detail.waitSeconds`). */
  waitSeconds?: number | undefined;
  /** The platform's own message (`errmsg` / `message`). */
  platformMessage?: string | undefined;
}

/** A platform envelope says the call failed, whatever the HTTP status. */
export class SignetApiError extends SignetError {
  override name = 'SignetApiError';
  readonly status: number;
  readonly errcode: number | string | undefined;
  readonly reason: string | undefined;
  readonly detail: unknown;
  readonly requestId: string | undefined;
  readonly traceId: string | undefined;
  readonly waitSeconds: number | undefined;
  readonly platformMessage: string | undefined;

  constructor(message: string, options: SignetApiErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.errcode = options.errcode;
    this.reason = options.reason;
    this.detail = options.detail;
    this.requestId = options.requestId;
    this.traceId = options.traceId;
    this.waitSeconds = options.waitSeconds;
    this.platformMessage = options.platformMessage;
  }

  override toJSON(): Record<string, unknown> {
    return safeRecord(this);
  }
}

/**
 * What was wrong with a signature or a timestamp: `SignetSignatureError.problem`, and
 * the verifiers' verdicts.
 */
export type SignatureProblem =
  | 'missing-signature'
  | 'missing-timestamp'
  | 'bad-signature'
  | 'expired'
  | 'bad-timestamp'
  | 'clock-skew';

export interface SignetSignatureErrorOptions extends SignetErrorOptions {
  problem: SignatureProblem;
}

/** A response signature or timestamp that does not check out. */
export class SignetSignatureError extends SignetError {
  override name = 'SignetSignatureError';
  readonly problem: SignatureProblem;

  constructor(message: string, options: SignetSignatureErrorOptions) {
    super(message, options);
    this.problem = options.problem;
  }
}

export interface SignetDecodeErrorOptions extends SignetErrorOptions {
  /** Character offset of the problem in the decoded text, when known. */
  position?: number | undefined;
}

/** A body that is not JSON, is truncated, or has the wrong shape. */
export class SignetDecodeError extends SignetError {
  override name = 'SignetDecodeError';
  readonly position: number | undefined;

  constructor(message: string, options: SignetDecodeErrorOptions = {}) {
    super(message, options);
    this.position = options.position;
  }
}

/** The request never got an answer: DNS, refused or reset connection, CORS. */
export class SignetNetworkError extends SignetError {
  override name = 'SignetNetworkError';
}

/** An attempt or the whole call took longer than its timeout. */
export class SignetTimeoutError extends SignetError {
  override name = 'SignetTimeoutError';
}

/**
 * The caller's AbortSignal ended the call (its `reason` is the `cause`). Not a network
 * failure: nothing went wrong, the caller asked to stop.
 */
export class SignetAbortError extends SignetError {
  override name = 'SignetAbortError';
}

/** One problem found in a result: where it is (keys from the result's root) and what. */
export interface SignetValidationIssue {
  message: string;
  path: readonly PropertyKey[];
}

export interface SignetValidationErrorOptions extends SignetErrorOptions {
  issues: readonly SignetValidationIssue[];
  /** The verified result that failed the check. */
  value: unknown;
  /** The validator: `zod`, `valibot`… (Standard Schema `vendor`), or `signet` for a shape. */
  vendor: string;
}

/**
 * A verified result that does not have the shape the caller declared (a schema or a
 * generated result shape). The response was genuine: what it holds is not what was expected.
 */
export class SignetValidationError extends SignetError {
  override name = 'SignetValidationError';
  readonly issues: readonly SignetValidationIssue[];
  readonly value: unknown;
  readonly vendor: string;

  constructor(message: string, options: SignetValidationErrorOptions) {
    super(message, options);
    this.issues = options.issues;
    this.value = options.value;
    this.vendor = options.vendor;
  }

  override toJSON(): Record<string, unknown> {
    return safeRecord(this);
  }
}

const names: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'SignetError',
  'SignetConfigError',
  'SignetHttpError',
  'SignetApiError',
  'SignetSignatureError',
  'SignetDecodeError',
  'SignetNetworkError',
  'SignetTimeoutError',
  'SignetAbortError',
  'SignetValidationError',
]);

/** True for any signet error, including ones from another realm or bundle copy. */
export function isSignetError(value: unknown): value is SignetError {
  if (value instanceof SignetError) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    names.has((value as { name: string }).name)
  );
}
