import {
  isSignetError,
  SignetAbortError,
  SignetConfigError,
  SignetDecodeError,
  SignetError,
  SignetNetworkError,
  SignetTimeoutError,
} from '../errors.js';
import type { EndReason } from './attempt-signal.js';
import { BodyTooLarge } from './body.js';
import { redactError, redactText } from './redact.js';

/** How an attempt ended without a complete answer, for the retry decision. */
export interface AttemptFailure {
  /** The transport rejected before any answer, or the body broke off. */
  readonly kind: 'network' | 'ended' | 'too-large';
  /** Nothing reached the server: the connection could not be opened (safe to retry). */
  readonly neverSent: boolean;
  /** While the body was read (headers had arrived). */
  readonly midBody: boolean;
  readonly ended: EndReason | undefined;
  readonly error: unknown;
}

/** Codes meaning the connection never opened, whatever the runtime calls them. */
const NEVER_OPENED = /* @__PURE__ */ new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
]);

/** Classifies what a transport or a body read threw. */
export function attemptFailure(
  error: unknown,
  ended: EndReason | undefined,
  midBody: boolean,
): AttemptFailure {
  if (error instanceof BodyTooLarge) {
    return { kind: 'too-large', neverSent: false, midBody: true, ended: undefined, error };
  }
  if (ended !== undefined) return { kind: 'ended', neverSent: false, midBody, ended, error };
  const code = errorCode(error);
  const neverSent =
    !midBody &&
    ((code !== undefined && NEVER_OPENED.has(code)) || /ECONNREFUSED/.test(messageOf(error)));
  return { kind: 'network', neverSent, midBody, ended: undefined, error };
}

/** The SignetError an attempt failure ends the call with. */
export function failureError(
  failure: AttemptFailure,
  context: { timeout: number | false; totalTimeout: number | false; callerReason: unknown },
  secrets: readonly string[],
): SignetError {
  const { error } = failure;
  if (error instanceof BodyTooLarge) {
    return new SignetDecodeError(
      `The response body is larger than maxResponseBytes (${error.limit} bytes; ${error.bytes} ${error.bytes > error.limit ? 'announced or read' : 'read'}): raise it, or pass false`,
    );
  }
  if (failure.kind === 'ended') {
    const where = failure.midBody ? 'while the body was read' : 'before an answer came';
    if (failure.ended === 'caller') {
      return new SignetAbortError(`The call was aborted by its AbortSignal ${where}`, {
        cause: context.callerReason,
      });
    }
    return failure.ended === 'timeout'
      ? new SignetTimeoutError(
          `The attempt took longer than its timeout (${String(context.timeout)} ms) ${where}`,
        )
      : new SignetTimeoutError(
          `The call took longer than its totalTimeout (${String(context.totalTimeout)} ms) ${where}`,
        );
  }
  const code = errorCode(error);
  const text = redactText(messageOf(error), secrets);
  const what = failure.midBody
    ? 'The connection broke while the response body was read (reset or truncated)'
    : `The request failed before an answer came${failure.neverSent ? ': the connection could not be opened' : ': connection refused, reset, DNS or CORS'}`;
  return new SignetNetworkError(`${what}${code ? ` (${code})` : ''}${text ? `: ${text}` : ''}`, {
    cause: redactError(error, secrets),
  });
}

/**
 * A failure while an attempt was prepared: an auth strategy or a callback of the
 * caller's threw something that is no SignetError.
 */
export function preparationError(
  error: unknown,
  secrets: readonly string[],
  auth: string | undefined,
  attempt: number,
): SignetError {
  if (isSignetError(error)) return redactError(error, secrets);
  const who = auth === undefined ? 'the request' : `the ${auth} auth strategy`;
  const what = `${who} failed while preparing the request: ${redactText(messageOf(error), secrets)}`;
  const cause = redactError(error, secrets);
  // SignetConfigError means nothing was sent: true only before the first attempt.
  return attempt === 0
    ? new SignetConfigError(`Nothing was sent: ${what}`, { cause })
    : new SignetError(`Attempt ${attempt + 1} was not sent (an earlier one was): ${what}`, {
        cause,
      });
}

/** An error no layer accounted for: a bug in signet, not in the caller's configuration. */
export function internalError(error: unknown, secrets: readonly string[]): SignetError {
  if (isSignetError(error)) return redactError(error, secrets);
  return new SignetError(
    `Internal error in signet (a bug, not your configuration; please report it): ${redactText(messageOf(error), secrets)}`,
    { cause: redactError(error, secrets) },
  );
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    // undici words every failure "fetch failed": the cause says what happened.
    if (error.message === 'fetch failed' && cause instanceof Error) return cause.message;
    return error.message;
  }
  return String(error);
}

/** The first `code` (ECONNREFUSED...) along a cause chain. */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    e = cause;
  }
  return undefined;
}
