import { type AuthStrategy, secretValues, type WithSecrets } from '../auth/types.js';
import { SignetConfigError } from '../errors.js';
import { type LosslessJson, parseLossless } from '../json/lossless.js';
import { JITAI_HEADERS, JITAI_WINDOW_MS } from './constants.js';
import type { JitaiResponseCheck } from './response-check.js';
import { jitaiSign } from './sign.js';
import { verifyJitaiData } from './verify.js';

export interface JitaiAuthOptions {
  accessKey: string;
  accessSecret: string;
  /** Response timestamp window, ms (default 300 000, as the platform). */
  windowMs?: number;
  /** Send `debug: 1` (diagnostic round trip: the server then rejects every call). */
  debug?: boolean;
}

/** The JitAi strategy also names its access key (an identifier, not a secret). */
export interface JitaiStrategy extends AuthStrategy, WithSecrets, JitaiResponseCheck {
  readonly kind: 'jitai';
  readonly accessKey: string;
}

/**
 * JitAi API authorization (`apiAuths.NormalType`): `accessKey`, `timestamp` (ms) and
 * `accessSign` headers over the canonical form of the JSON actually sent, re-computed on
 * every attempt; signed responses are verified before anything is returned.
 */
export function jitai(options: JitaiAuthOptions): JitaiStrategy {
  const { accessKey, accessSecret } = options ?? ({} as JitaiAuthOptions);
  if (typeof accessKey !== 'string' || accessKey.length === 0) {
    throw new SignetConfigError('jitai: accessKey must be a non-empty string');
  }
  if (/[^\u0021-\u007e]/.test(accessKey)) {
    throw new SignetConfigError(
      'jitai: accessKey must be printable ASCII without spaces (it is sent as a header)',
    );
  }
  if (typeof accessSecret !== 'string' || accessSecret.length === 0) {
    throw new SignetConfigError('jitai: accessSecret must be a non-empty string');
  }
  const windowMs = options.windowMs ?? JITAI_WINDOW_MS;
  if (!(windowMs > 0)) throw new SignetConfigError('jitai: windowMs must be a positive number');
  return {
    kind: 'jitai',
    credentialed: true,
    timestamped: true,
    accessKey,
    sign(state) {
      // The server signs what Python parses from our body: sign from that very text.
      const args: LosslessJson = state.bodyText === undefined ? {} : parseLossless(state.bodyText);
      if (typeof args !== 'object' || args === null || Array.isArray(args)) {
        throw new SignetConfigError('jitai: the request body must be a JSON object of args');
      }
      const timestamp = Math.round(state.now);
      const accessSign = jitaiSign(args as Record<string, unknown>, {
        timestamp,
        secret: accessSecret,
        crypto: state.crypto,
      });
      state.headers.set(JITAI_HEADERS.accessKey, accessKey);
      state.headers.set(JITAI_HEADERS.timestamp, String(timestamp));
      state.headers.set(JITAI_HEADERS.accessSign, accessSign);
      if (options.debug) state.headers.set(JITAI_HEADERS.debug, '1');
    },
    verifyJitaiData({ data, now, crypto }) {
      return verifyJitaiData(data, { secret: accessSecret, now, windowMs, crypto });
    },
    [secretValues]: () => [accessSecret],
  };
}
