import type { SignetError } from '../errors.js';
import { type RequestView, requestView, responseView, type SentRequest } from './call-view.js';
import type { ClientConfig } from './config.js';
import { type RetryReason, runErrorHooks, runHooks } from './hooks.js';
import type { CallRecord } from './records.js';
import { excerpt } from './response.js';

/** One attempt's answer, as the loop read it. */
export interface WatchedAnswer {
  status: number;
  headers: Headers;
  text: string;
  sentAt: number;
  receivedAt: number;
}

/** Why and when the loop sends another attempt. */
export interface WatchedRetry {
  reason: RetryReason;
  answer?: WatchedAnswer | undefined;
  error?: SignetError | undefined;
  retryCount: number;
  delayMs: number;
}

const BODY_LOG_CHARS = 2_000;

/**
 * What the user sees of one call while it runs: the hooks of the `hooks` option and the
 * log lines of the `logger` option, both fed from the same points of the loop and both
 * given only masked views (the secrets as they stand at that point: the strategy's own
 * and every header value it has set so far). Views are built only when something reads them.
 */
export class CallWatch {
  readonly #config: ClientConfig;
  readonly #api: string | undefined;
  readonly #secrets: () => readonly string[];
  #attempt = 0;
  #sent: SentRequest | undefined;
  #view: RequestView | undefined;
  #error: SignetError | undefined;

  constructor(config: ClientConfig, api: string | undefined, secrets: () => readonly string[]) {
    this.#config = config;
    this.#api = api;
    this.#secrets = secrets;
  }

  /** An attempt is signed and about to go to the transport. */
  async request(sent: SentRequest): Promise<void> {
    this.#attempt++;
    this.#sent = sent;
    this.#view = undefined;
    const { hooks, log } = this.#config;
    if (log?.enabled('debug')) {
      const view = this.#requestView()!;
      log.log('debug', `signet → ${view.method} ${view.url} (attempt ${this.#attempt})`, {
        headers: view.headers,
        body: view.body === undefined ? undefined : excerpt(view.body, BODY_LOG_CHARS),
      });
    }
    if (hooks && hooks.beforeRequest.length > 0) {
      await runHooks('beforeRequest', hooks.beforeRequest, {
        api: this.#api,
        attempt: this.#attempt,
        request: this.#requestView()!,
      });
    }
  }

  /** The attempt's answer and body arrived. */
  async response(answer: WatchedAnswer): Promise<void> {
    const { hooks, log } = this.#config;
    const durationMs = answer.receivedAt - answer.sentAt;
    if (log?.enabled('debug')) {
      const view = this.#requestView()!;
      const response = responseView(answer, this.#secrets());
      log.log(
        'debug',
        `signet ← ${answer.status} ${view.method} ${view.url} (attempt ${this.#attempt}, ${durationMs} ms)`,
        { headers: response.headers, body: excerpt(response.body, BODY_LOG_CHARS) },
      );
    }
    if (hooks && hooks.afterResponse.length > 0) {
      await runHooks('afterResponse', hooks.afterResponse, {
        api: this.#api,
        attempt: this.#attempt,
        request: this.#requestView()!,
        response: responseView(answer, this.#secrets()),
        durationMs,
      });
    }
  }

  /** Another attempt follows. */
  async retry(retry: WatchedRetry): Promise<void> {
    const { hooks, log } = this.#config;
    const quiet = retry.reason === 'challenge' || retry.reason === 'redirect';
    if (log?.enabled(quiet ? 'debug' : 'warn')) {
      const view = this.#requestView()!;
      const why =
        retry.reason === 'status'
          ? `HTTP ${retry.answer?.status}`
          : retry.reason === 'network'
            ? `${retry.error?.name}: ${retry.error?.message}`
            : retry.reason === 'clock-skew'
              ? 'the server refused the timestamp: re-signing with its clock'
              : retry.reason === 'challenge'
                ? 'answering the authentication challenge'
                : `following HTTP ${retry.answer?.status}`;
      log.log(
        quiet ? 'debug' : 'warn',
        `signet: ${why}; attempt ${this.#attempt + 1} of ${view.method} ${this.#label(view)} in ${retry.delayMs} ms`,
      );
    }
    if (hooks && hooks.beforeRetry.length > 0) {
      await runHooks('beforeRetry', hooks.beforeRetry, {
        api: this.#api,
        attempt: this.#attempt + 1,
        request: this.#requestView()!,
        response: retry.answer && responseView(retry.answer, this.#secrets()),
        error: retry.error,
        reason: retry.reason,
        retryCount: retry.retryCount,
        delayMs: retry.delayMs,
      });
    }
  }

  /** The call is about to reject with `error`: the `beforeError` hooks may replace it. */
  async failed(error: SignetError): Promise<SignetError> {
    const hooks = this.#config.hooks;
    this.#error = error;
    if (!hooks || hooks.beforeError.length === 0) return error;
    this.#error = await runErrorHooks(hooks.beforeError, {
      api: this.#api,
      error,
      request: this.#requestView(),
      attempts: this.#attempt,
    });
    return this.#error;
  }

  /** The call ended; its record is final (and credential-free). */
  ended(record: CallRecord): void {
    const log = this.#config.log;
    if (log === undefined) return;
    const label = `${record.method} ${record.api ?? record.path}`;
    const attempts = `${record.attempts} attempt${record.attempts === 1 ? '' : 's'}`;
    if (this.#error !== undefined) {
      const { name, message } = this.#error;
      log.log('error', `signet: ${label} failed: ${name}: ${message}`, record);
    } else {
      log.log(
        'info',
        `signet: ${label} → ${record.status} in ${record.durationMs} ms (${attempts})`,
        record,
      );
    }
  }

  #requestView(): RequestView | undefined {
    if (this.#sent === undefined) return undefined;
    this.#view ??= requestView(this.#sent, this.#secrets());
    return this.#view;
  }

  #label(view: RequestView): string {
    return this.#api ?? view.url;
  }
}
