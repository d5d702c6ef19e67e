/** Why an attempt was ended early. */
export type EndReason = 'timeout' | 'total-timeout' | 'caller';

/**
 * The signal of one attempt: ended by the attempt's own `timeout`, by the call's
 * deadline (`totalTimeout`), or by the caller's signal, whichever comes first, and
 * armed until the body has been read. `reason` says which one fired.
 */
export class AttemptSignal {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#end('caller');
  #timer: ReturnType<typeof setTimeout> | undefined;
  reason: EndReason | undefined;

  constructor(timeoutMs: number | false, deadline: number | undefined, caller?: AbortSignal) {
    this.#caller = caller;
    if (caller?.aborted) {
      this.#end('caller');
      return;
    }
    caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
    const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
    const own = timeoutMs === false ? Number.POSITIVE_INFINITY : timeoutMs;
    const wait = Math.min(own, left);
    if (wait === Number.POSITIVE_INFINITY) return;
    const reason: EndReason = own <= left ? 'timeout' : 'total-timeout';
    this.#timer = setTimeout(() => this.#end(reason), Math.max(0, wait));
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Stops the timers and lets go of the caller's signal (the attempt is over). */
  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }

  #end(reason: EndReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.dispose();
    this.#controller.abort(reason === 'caller' ? this.#caller?.reason : new AttemptEnded(reason));
  }
}

/** The abort reason signet gives when its own timer ends an attempt. */
export class AttemptEnded extends Error {
  override name = 'TimeoutError';
  constructor(readonly reason: EndReason) {
    super(`signet ended the attempt: ${reason}`);
  }
}

/**
 * Waits `ms` before the next attempt, unless the caller aborts first (then it rejects
 * with the caller's reason, as an attempt would).
 */
export function pause(ms: number, caller: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 && !caller?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (caller?.aborted) {
      reject(new CallerAborted(caller.reason));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CallerAborted(caller?.reason));
    };
    const timer = setTimeout(() => {
      caller?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    caller?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The caller aborted while signet waited between attempts. */
export class CallerAborted {
  constructor(readonly reason: unknown) {}
}
