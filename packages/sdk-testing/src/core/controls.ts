import type { CorsOptions } from './cors.js';
import type { FailFault, FailNextOptions } from './faults.js';
import { type EmulatorBaseOptions, EmulatorRuntime } from './runtime.js';

/** Anything with a fetch-style handler: what the msw and node:http adapters accept. */
export interface FetchHandler {
  /** Answers one request. */
  fetch(request: Request): Promise<Response>;
}

/**
 * What every emulator offers besides its platform: the fetch-style core, the server
 * clock, and the fault knobs (settable as options too).
 */
export abstract class EmulatorControls implements FetchHandler {
  readonly #runtime: EmulatorRuntime;

  /**
   * Answers one request like the platform. A dropped connection (`dropNext`) is
   * `Response.error()`: the node adapter destroys the socket, msw fails the fetch.
   * Bound, so it can be passed around on its own.
   */
  readonly fetch: (request: Request) => Promise<Response> = (request) =>
    this.#runtime.run(request, (r) => this.handle(r), {
      envelope: (fault, r) => this.failureEnvelope(fault, r),
      truncated: () => this.truncatedBody(),
    });

  constructor(options: EmulatorBaseOptions, defaultCors: CorsOptions) {
    this.#runtime = new EmulatorRuntime(options, defaultCors);
  }

  /**
   * A `fetch`-compatible function answered in-process by this emulator (no server, no
   * msw): pass it as a client's `fetch` option. A dropped connection rejects with a
   * TypeError, as `fetch` does.
   */
  asFetch(): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
    return async (input, init) => {
      const request =
        input instanceof Request && init === undefined ? input : new Request(input, init);
      const response = await this.fetch(request);
      if (response.type === 'error')
        throw new TypeError('fetch failed: connection dropped by the emulator');
      return response;
    };
  }

  /** The server's clock, Unix ms (the injected clock plus `clockOffsetMs`). */
  now(): number {
    return this.#runtime.serverNow();
  }

  /** Server clock skew, ms: moves the verification window, the envelope times and `Date`. */
  get clockOffsetMs(): number {
    return this.#runtime.clockOffsetMs;
  }

  /** A finite number of ms; anything else is a RangeError. */
  set clockOffsetMs(ms: number) {
    if (!Number.isFinite(ms)) throw new RangeError('clockOffsetMs must be a finite number');
    this.#runtime.clockOffsetMs = ms;
  }

  /** Delay before every answer, ms. */
  get latencyMs(): number {
    return this.#runtime.latencyMs;
  }

  /** A finite number of ms ≥ 0; anything else is a RangeError. */
  /** A number of ms ≥ 0; anything else is a RangeError. */
  set latencyMs(ms: number) {
    if (!(ms >= 0)) throw new RangeError('latencyMs must be a number >= 0');
    this.#runtime.latencyMs = ms;
  }

  /** The next `count` requests get a failed answer instead (see {@link FailNextOptions}). */
  failNext(count: number, options?: FailNextOptions): void {
    this.#runtime.faults.failNext(count, options);
  }

  /** The next `count` requests get their connection dropped, no answer at all. */
  dropNext(count: number): void {
    this.#runtime.faults.dropNext(count);
  }

  /** Faults queued by failNext/dropNext and not yet used. */
  get pendingFaults(): number {
    return this.#runtime.faults.pending;
  }

  /** Clears queued faults and sets clock offset and latency back to 0. */
  resetFaults(): void {
    this.#runtime.faults.clear();
    this.#runtime.clockOffsetMs = 0;
    this.#runtime.latencyMs = 0;
  }

  /** `bytes` random bytes as lower-case hex, from the configured random source. */
  protected randomHex(bytes: number): string {
    return this.#runtime.randomHex(bytes);
  }

  /** The platform's answer to a request that got no fault. */
  protected abstract handle(request: Request): Promise<Response>;

  /** The platform's error envelope for `failNext(…, { body: 'envelope' })`. */
  protected abstract failureEnvelope(
    fault: FailFault,
    request: Request,
  ): { text: string; contentType: string };

  /** A success envelope cut in half, for `failNext(…, { body: 'truncated' })`. */
  protected abstract truncatedBody(): string;
}
