import {
  type AuthSignState,
  type AuthStrategy,
  secretValues,
  type WithSecrets,
} from '../auth/types.js';
import { SignetConfigError } from '../errors.js';
import { toWireJson } from '../json/wire-json.js';
import { JITAI_HEADERS, JITAI_MASKED_SECRET, JITAI_WINDOW_MS } from './constants.js';
import { checkedSecret, timestampText } from './param-str.js';
import { checkedJitaiArgs, type JitaiSignedArgs, joinJitaiParamStr } from './params.js';
import type { JitaiResponseCheck } from './response-check.js';
import { signJitaiArgs } from './sign.js';
import { verifyJitaiData } from './verify.js';

/** Options of {@link jitai}: the API-authorization key pair of a JitAi app. */
export interface JitaiAuthOptions {
  accessKey: string;
  accessSecret: string;
  /** Response timestamp window, ms (default 300 000, as the platform). */
  windowMs?: number;
  /** Send `debug: 1` (diagnostic round trip: the server then rejects every call). */
  debug?: boolean;
}

/** The JitAi strategy also names its access key (an identifier, not a secret). */
export interface JitaiStrategy
  extends AuthStrategy<JitaiSignedArgs>,
    WithSecrets,
    JitaiResponseCheck {
  readonly kind: 'jitai';
  readonly accessKey: string;
  /**
   * The masked paramStr of an attempt this strategy signed (`secret=*****…`, as the
   * server's debug output shows it), for `diagnose()`; undefined without a timestamp.
   */
  maskedParamStr(signed: AuthSignState<JitaiSignedArgs>): string | undefined;
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
  const secret = checkedSecret(accessSecret);
  const windowMs = options.windowMs ?? JITAI_WINDOW_MS;
  if (!(windowMs > 0)) throw new SignetConfigError('jitai: windowMs must be a positive number');
  return {
    kind: 'jitai',
    credentialed: true,
    timestamped: true,
    publicHeaders: [JITAI_HEADERS.accessKey, JITAI_HEADERS.timestamp, JITAI_HEADERS.debug],
    accessKey,
    write: writeJitaiArgs,
    sign(state) {
      // The args' parts were computed from the value written to the wire, as Python will
      // parse it: only the timestamp and the secret join them here.
      const timestamp = Math.round(state.now);
      const accessSign = signJitaiArgs(
        state.canonical ?? NO_ARGS,
        timestampText(timestamp),
        secret,
        state.crypto,
      );
      state.headers.set(JITAI_HEADERS.accessKey, accessKey);
      state.headers.set(JITAI_HEADERS.timestamp, String(timestamp));
      state.headers.set(JITAI_HEADERS.accessSign, accessSign);
      if (options.debug) state.headers.set(JITAI_HEADERS.debug, '1');
    },
    maskedParamStr(signed) {
      // The parts the signature covered and the timestamp actually sent; masking needs no secret.
      const timestamp = signed.headers.get(JITAI_HEADERS.timestamp);
      if (timestamp === null) return undefined;
      return joinJitaiParamStr(signed.canonical ?? NO_ARGS, timestamp, JITAI_MASKED_SECRET);
    },
    verifyJitaiData({ data, now, crypto }) {
      return verifyJitaiData(data, { secret: accessSecret, now, windowMs, crypto });
    },
    [secretValues]: () => [accessSecret],
  };
}

/** The paramStr parts of a call without a body (`{}`). */
const NO_ARGS: JitaiSignedArgs = { keys: [], texts: [] };

/**
 * The body of a JitAi call, written once: its paramStr parts (which check the args as the
 * server will read them: reserved and colliding keys, what Python's json cannot carry)
 * and its wire text, both from the same value. Shared by every JitAi strategy.
 */
export function writeJitaiArgs(body: unknown): { text: string; canonical: JitaiSignedArgs } {
  const canonical = checkedJitaiArgs(body, 'args');
  return { text: toWireJson(body, 'args'), canonical };
}
