import { type RandomSource, randomHexNonce, secureRandom } from '@signet/sdk-core';
import { applyCors, type CorsOptions, isPreflight, preflightResponse } from './cors.js';
import { type FailFault, FaultQueue, proxyErrorPage } from './faults.js';
import { httpDate, sleep } from './http.js';

/** Options every emulator shares. */
export interface EmulatorBaseOptions {
  /** The local clock, Unix ms (default `Date.now`): inject one to freeze time in tests. */
  now?: () => number;
  /** Server clock skew: the server's clock reads `now() + clockOffsetMs`. */
  clockOffsetMs?: number;
  /** Delay before every answer, ms (a request aborted meanwhile is answered at once). */
  latencyMs?: number;
  /** CORS behaviour; `false` sends no CORS headers and answers preflights with a bare 204. */
  cors?: CorsOptions | false;
  /** Randomness for request ids, trace ids, nonces (default: the CSPRNG). */
  random?: RandomSource;
}

/** The platform-specific bodies of a `failNext` fault. */
export interface FailureBodies {
  /** The platform's error envelope for a failed answer (`fault.status`). */
  envelope(fault: FailFault, request: Request): { text: string; contentType: string };
  /** A success envelope cut in the middle. */
  truncated(): string;
}

/**
 * The part of an emulator that is not the platform: clock, latency, queued faults, CORS
 * and the `Date` header, wrapped around the platform's own request handler.
 */
export class EmulatorRuntime {
  clockOffsetMs: number;
  latencyMs: number;
  readonly faults: FaultQueue = new FaultQueue();
  readonly cors: CorsOptions | false;
  readonly #now: () => number;
  readonly #random: RandomSource;

  constructor(options: EmulatorBaseOptions, defaultCors: CorsOptions) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? secureRandom;
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    this.latencyMs = options.latencyMs ?? 0;
    this.cors = options.cors === false ? false : { ...defaultCors, ...options.cors };
  }

  /** The server's clock, Unix ms (the local clock plus the configured skew). */
  serverNow(): number {
    return this.#now() + this.clockOffsetMs;
  }

  /** `bytes` random bytes as lower-case hex. */
  randomHex(bytes: number): string {
    return randomHexNonce(bytes, this.#random);
  }

  /** Answers one request: preflight, queued fault, latency, then the platform handler. */
  async run(
    request: Request,
    handle: (request: Request) => Promise<Response>,
    bodies: FailureBodies,
  ): Promise<Response> {
    if (isPreflight(request)) {
      const preflight = preflightResponse(request, this.cors);
      preflight.headers.set('Date', httpDate(this.serverNow()));
      return preflight;
    }
    const fault = this.faults.take();
    await sleep(this.latencyMs, request.signal);
    if (fault?.kind === 'drop') return Response.error();
    const response =
      fault?.kind === 'fail' ? this.#failure(fault, request, bodies) : await handle(request);
    if (!response.headers.has('Date')) response.headers.set('Date', httpDate(this.serverNow()));
    applyCors(request, response.headers, this.cors);
    return response;
  }

  #failure(fault: FailFault, request: Request, bodies: FailureBodies): Response {
    const headers = new Headers();
    let text = '';
    if (fault.body === 'html') {
      text = proxyErrorPage(fault.status);
      headers.set('Content-Type', 'text/html');
    } else if (fault.body === 'truncated') {
      text = bodies.truncated();
      headers.set('Content-Type', 'application/json');
    } else if (fault.body === 'envelope') {
      const envelope = bodies.envelope(fault, request);
      text = envelope.text;
      headers.set('Content-Type', envelope.contentType);
    }
    if (fault.retryAfterSeconds !== undefined) {
      headers.set('Retry-After', String(fault.retryAfterSeconds));
    }
    return new Response(text === '' ? null : text, { status: fault.status, headers });
  }
}
