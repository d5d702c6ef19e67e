import { isSignetError, SignetConfigError, SignetError } from '../errors.js';
import type { RequestView, ResponseView } from './call-view.js';

/**
 * Hooks into the attempt loop, ky's model: each hook takes one state object (fields can
 * be added later without breaking it), hooks of a kind run in order, and each may be
 * async. What a hook sees has every credential masked, so it may log all of it.
 * A hook that throws ends the call with that error (a SignetError as thrown, anything
 * else wrapped in one that names the hook).
 *
 * @example
 * ```ts
 * createJitaiClient({ baseUrl, accessKey, accessSecret, hooks: {
 *   beforeRequest: [({ request, attempt }) => console.log(attempt, request.method, request.url)],
 *   beforeError: [({ error }) => { metrics.count(error.name); }],
 * } })
 * ```
 */
export interface Hooks {
  /** After signing, before the transport gets the attempt: exactly what goes out. */
  beforeRequest?: readonly BeforeRequestHook[] | undefined;
  /** After an attempt's answer and body arrived, before signet decides what comes next. */
  afterResponse?: readonly AfterResponseHook[] | undefined;
  /** Before another attempt (a retry, a Digest answer, a clock-skew re-send, a redirect). */
  beforeRetry?: readonly BeforeRetryHook[] | undefined;
  /** Before the call rejects: a hook may return another SignetError to throw instead. */
  beforeError?: readonly BeforeErrorHook[] | undefined;
}

/** Runs after signing, before the attempt is sent; sees exactly what goes out. */
export type BeforeRequestHook = (state: BeforeRequestState) => void | Promise<void>;
/** Runs once an attempt's answer and body arrived. */
export type AfterResponseHook = (state: AfterResponseState) => void | Promise<void>;
/** Runs before another attempt is made, with the reason and the delay. */
export type BeforeRetryHook = (state: BeforeRetryState) => void | Promise<void>;
/** Runs before the call rejects; returning a SignetError replaces the one thrown. */
export type BeforeErrorHook = (
  state: BeforeErrorState,
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook with a block body and no return is void
) => SignetError | undefined | void | Promise<SignetError | undefined | void>;

/** What every hook state holds. */
export interface HookCallState {
  /** JitAi api (`services.OrderSvc.query`), DataFlux route (`func:demo__main.hello`) or undefined. */
  api: string | undefined;
  /** 1 for the first attempt of the call. */
  attempt: number;
}

/** What a `beforeRequest` hook sees. */
export interface BeforeRequestState extends HookCallState {
  request: RequestView;
}

/** What an `afterResponse` hook sees. */
export interface AfterResponseState extends HookCallState {
  request: RequestView;
  response: ResponseView;
  /** Milliseconds from handing the attempt to the transport to the end of its body. */
  durationMs: number;
}

/** Why another attempt is made. */
export type RetryReason = 'status' | 'network' | 'challenge' | 'clock-skew' | 'redirect';

/** What a `beforeRetry` hook sees. */
export interface BeforeRetryState extends HookCallState {
  /** The attempt that led to this one. */
  request: RequestView;
  /** Its answer, when one came. */
  response: ResponseView | undefined;
  /** How it failed, when no answer came (credentials masked). */
  error: SignetError | undefined;
  reason: RetryReason;
  /** Retries under the retry policy so far, this one included (0 for other re-sends). */
  retryCount: number;
  /** How long signet waits before the next attempt, ms. */
  delayMs: number;
}

/** What a `beforeError` hook sees. */
export interface BeforeErrorState {
  /** JitAi api, DataFlux route or undefined, as in {@link HookCallState.api}. */
  api: string | undefined;
  /** The error the call is about to reject with (credentials masked). */
  error: SignetError;
  /** The last attempt sent, if any was. */
  request: RequestView | undefined;
  /** Attempts sent. */
  attempts: number;
}

/** The four hook lists, checked once per client. */
export interface HookLists {
  beforeRequest: readonly BeforeRequestHook[];
  afterResponse: readonly AfterResponseHook[];
  beforeRetry: readonly BeforeRetryHook[];
  beforeError: readonly BeforeErrorHook[];
}

const KINDS = ['beforeRequest', 'afterResponse', 'beforeRetry', 'beforeError'] as const;

/** Checks the `hooks` option: an object of arrays of functions, nothing else. */
export function normalizeHooks(hooks: Hooks | undefined): HookLists | undefined {
  if (hooks === undefined) return undefined;
  if (hooks === null || typeof hooks !== 'object') {
    throw new SignetConfigError(`hooks must be an object of hook arrays (${KINDS.join(', ')})`);
  }
  for (const key of Object.keys(hooks)) {
    if (!(KINDS as readonly string[]).includes(key)) {
      throw new SignetConfigError(`hooks.${key} is not a hook: use ${KINDS.join(', ')}`);
    }
  }
  const lists = {} as Record<(typeof KINDS)[number], readonly unknown[]>;
  for (const kind of KINDS) {
    const list = hooks[kind] ?? [];
    if (!Array.isArray(list) || list.some((hook) => typeof hook !== 'function')) {
      throw new SignetConfigError(`hooks.${kind} must be an array of functions`);
    }
    lists[kind] = [...list];
  }
  return KINDS.some((kind) => lists[kind].length > 0) ? (lists as HookLists) : undefined;
}

/** Runs hooks in order; one that throws ends the call with a SignetError naming it. */
export async function runHooks<S>(
  kind: string,
  hooks: readonly ((state: S) => unknown)[],
  state: S,
): Promise<void> {
  for (let i = 0; i < hooks.length; i++) {
    try {
      await hooks[i]!(state);
    } catch (error) {
      throw hookFailure(kind, i, error);
    }
  }
}

/** Runs `beforeError` hooks: each sees the error the previous one left. */
export async function runErrorHooks(
  hooks: readonly BeforeErrorHook[],
  state: BeforeErrorState,
): Promise<SignetError> {
  let error = state.error;
  for (let i = 0; i < hooks.length; i++) {
    let replaced: unknown;
    try {
      replaced = await hooks[i]!({ ...state, error });
    } catch (thrown) {
      return hookFailure('beforeError', i, thrown);
    }
    if (replaced !== undefined) {
      if (!isSignetError(replaced)) {
        return new SignetError(
          `hooks.beforeError[${i}] returned something that is not a SignetError (return one, or nothing)`,
          { cause: error },
        );
      }
      error = replaced;
    }
  }
  return error;
}

function hookFailure(kind: string, index: number, error: unknown): SignetError {
  if (isSignetError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SignetError(`hooks.${kind}[${index}] threw: ${message}`, { cause: error });
}
