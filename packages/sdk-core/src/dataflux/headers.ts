import { type RandomSource, randomHexNonce, secureRandom } from '../crypto/random.js';

/** The DataFlux Func AK/SK header names, as the official SDK writes them. */
export const DATAFLUX_HEADERS: {
  readonly id: 'X-Dff-Ak-Id';
  readonly timestamp: 'X-Dff-Ak-Timestamp';
  readonly nonce: 'X-Dff-Ak-Nonce';
  readonly sign: 'X-Dff-Ak-Sign';
} = {
  id: 'X-Dff-Ak-Id',
  timestamp: 'X-Dff-Ak-Timestamp',
  nonce: 'X-Dff-Ak-Nonce',
  sign: 'X-Dff-Ak-Sign',
};

/** Inputs of {@link dataFluxHeaders}. */
export interface DataFluxHeaderInput {
  akId: string;
  timestamp: string;
  nonce: string;
  sign: string;
}

/** The four AK/SK request headers. */
export function dataFluxHeaders(input: DataFluxHeaderInput): Record<string, string> {
  return {
    [DATAFLUX_HEADERS.id]: input.akId,
    [DATAFLUX_HEADERS.timestamp]: input.timestamp,
    [DATAFLUX_HEADERS.nonce]: input.nonce,
    [DATAFLUX_HEADERS.sign]: input.sign,
  };
}

/**
 * A fresh nonce: 16 CSPRNG bytes as 32 hex characters. The server accepts each nonce
 * once per key for 24 h, so it must be unpredictable (the official SDK's `Math.random`
 * is not).
 */
export function dataFluxNonce(random: RandomSource = secureRandom): string {
  return randomHexNonce(16, random);
}

/** The `X-Dff-Ak-Timestamp` value for a clock reading: whole Unix seconds, as a string. */
export function dataFluxTimestamp(nowMs: number): string {
  if (!Number.isFinite(nowMs) || nowMs < 0) {
    throw new RangeError(`dataFluxTimestamp: nowMs must be a finite number >= 0, got ${nowMs}`);
  }
  return String(Math.floor(nowMs / 1000));
}
