import type { AuthStrategy } from '../auth/types.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { LosslessJson } from '../json/lossless.js';

/** A signed JitAi envelope's `data` member to check, with the skew-corrected clock. */
export interface JitaiVerifyState {
  readonly data: LosslessJson;
  readonly now: number;
  /** As in `AuthSignState.crypto`. */
  readonly crypto: CryptoProvider | undefined;
}

/**
 * What JitAi signing strategies (`jitai()`, `remoteSigner()`) add to a strategy: the check
 * of a signed response's `data`, returning the `data.data` tree or throwing. The JitAi
 * client runs it before it unwraps anything; other strategies (Bearer) have none.
 */
export interface JitaiResponseCheck {
  /**
   * Checks the signature and timestamp of a signed envelope's `data`; returns
   * `data.data` or throws SignetSignatureError.
   */
  verifyJitaiData(state: JitaiVerifyState): LosslessJson | Promise<LosslessJson>;
}

/** The strategy's JitAi response check, when it has one. */
export function jitaiResponseCheck(auth: AuthStrategy | undefined): JitaiResponseCheck | undefined {
  const check = auth as (AuthStrategy & Partial<JitaiResponseCheck>) | undefined;
  return typeof check?.verifyJitaiData === 'function' ? (check as JitaiResponseCheck) : undefined;
}
