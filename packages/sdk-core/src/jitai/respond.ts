import type { CryptoProvider } from '../crypto/provider.js';
import { jitaiSign } from './sign.js';

/** Inputs of {@link signJitaiResponse}. */
export interface JitaiRespondOptions {
  secret: string;
  /** The server's Unix ms. */
  timestamp: number;
  crypto?: CryptoProvider | undefined;
}

/** The signed `data` member of a JitAi envelope. */
export interface JitaiSignedData<T> {
  data: T;
  timestamp: number;
  accessSign: string;
}

/**
 * The server half of the response recipe (used by signet's test emulator): signs
 * `{"data": result}` at `timestamp`. The signature covers the value the client will parse
 * from the envelope text, so serialize the envelope with `JSON.stringify` (plain JS values)
 * or `pyJsonDumps` (lossless trees, bigints): both parse back to the values signed here.
 * Values neither could send unchanged (undefined, NaN, Map...) are refused up front.
 */
export function signJitaiResponse<T>(result: T, options: JitaiRespondOptions): JitaiSignedData<T> {
  const signOptions = { timestamp: options.timestamp, secret: options.secret };
  const accessSign = jitaiSign(
    { data: result },
    options.crypto === undefined ? signOptions : { ...signOptions, crypto: options.crypto },
  );
  return { data: result, timestamp: options.timestamp, accessSign };
}
