import { SignetSignatureError } from './errors.js';

/**
 * Default bound on how far a server's unsigned clock may move ours: 90 minutes. Wide
 * enough to recover from a server (or a laptop) an hour off, the usual daylight-saving or
 * time-zone slip; narrow enough that a forged time cannot make signet sign requests that
 * stay valid far into the future.
 */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5_400_000;

/** A clock reading in Unix milliseconds. */
export type NowFn = () => number;

/**
 * A client's view of the server's clock. Offsets are measured from server times seen in
 * responses (JitAi `sysTime`, DataFlux `respTime`, the `Date` header) against the
 * midpoint of the request's round trip, and are only *applied* after a server rejected a
 * timestamp — those sources are unsigned, so whoever sits on the path could forge them.
 * A measured offset beyond `maxSkewMs` is refused with a typed error instead of applied.
 */
export class SkewClock {
  readonly #now: NowFn;
  readonly #maxSkewMs: number;
  #appliedOffsetMs = 0;
  #lastMeasuredMs: number | undefined;

  constructor(options: { now?: NowFn; maxSkewMs?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
    if (!(this.#maxSkewMs >= 0)) throw new RangeError('maxClockSkewMs must be a number >= 0');
  }

  /** Local time, uncorrected. */
  localNow(): number {
    return this.#now();
  }

  /** Local time corrected by the offset applied so far (server time, as best known). */
  now(): number {
    return this.#now() + this.#appliedOffsetMs;
  }

  /** The offset in use (server − local), ms. */
  get offsetMs(): number {
    return this.#appliedOffsetMs;
  }

  /** The last offset measured from a response, applied or not. */
  get measuredOffsetMs(): number | undefined {
    return this.#lastMeasuredMs;
  }

  /**
   * Records a server time seen in a response to a request sent at `sentAt` and answered
   * at `receivedAt` (local ms). Returns the measured offset. Does not apply it.
   */
  observe(serverTimeMs: number, sentAt: number, receivedAt: number): number | undefined {
    if (!Number.isFinite(serverTimeMs)) return undefined;
    const midpoint = sentAt + (receivedAt - sentAt) / 2;
    const offset = Math.round(serverTimeMs - midpoint);
    this.#lastMeasuredMs = offset;
    return offset;
  }

  /**
   * Applies a measured offset after the server rejected our timestamp. Throws
   * SignetSignatureError (`clock-skew`) when the jump is beyond the bound.
   */
  apply(offsetMs: number): void {
    if (Math.abs(offsetMs) > this.#maxSkewMs) {
      throw new SignetSignatureError(
        `The server's clock differs from ours by ${formatSeconds(offsetMs)}, more than the ` +
          `${formatSeconds(this.#maxSkewMs)} of maxClockSkewMs (the server time is unsigned): ` +
          'fix the local clock (NTP) or raise maxClockSkewMs',
        { problem: 'clock-skew' },
      );
    }
    this.#appliedOffsetMs = offsetMs;
  }
}

function formatSeconds(ms: number): string {
  return `${(Math.abs(ms) / 1000).toFixed(1)} s`;
}

/** Parses an HTTP `Date` header to Unix ms (second precision), or undefined. */
export function parseHttpDate(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
