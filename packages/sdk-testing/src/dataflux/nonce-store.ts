/** One-time nonces per access key, as the DataFlux server keeps them (a Redis sorted set). */
export interface NonceStore {
  /** True when `nonce` was accepted for `akId` within the last `ttlMs` before `nowMs`. */
  seen(akId: string, nonce: string, nowMs: number): boolean;
  /** Records a nonce of a request that passed verification. */
  remember(akId: string, nonce: string, nowMs: number): void;
  /** Nonces currently kept. */
  readonly size: number;
  /** Forgets every nonce. */
  clear(): void;
}

/**
 * A nonce store (default TTL 24 h, the server's `_WEB_AK_NONCE_TTL`). Like the server, it
 * drops expired nonces when asked about one, and only remembers a nonce after the
 * signature checked out, so a forged request cannot burn a legitimate nonce.
 *
 * @example
 * ```ts
 * const nonceStore = createNonceStore()
 * verifyDataFluxRequest({ method, url: req.url, headers: req.headers, bodyText, accessKeys, nonceStore })
 * ```
 */
export function createNonceStore(ttlMs: number = 24 * 60 * 60 * 1000): NonceStore {
  if (!(ttlMs > 0)) throw new RangeError('createNonceStore: ttlMs must be a number > 0');
  const seenAt = new Map<string, number>();
  const keyOf = (akId: string, nonce: string) => `${akId}\u0000${nonce}`;
  const purge = (nowMs: number) => {
    for (const [key, at] of seenAt) if (at <= nowMs - ttlMs) seenAt.delete(key);
  };
  return {
    seen(akId, nonce, nowMs) {
      purge(nowMs);
      return seenAt.has(keyOf(akId, nonce));
    },
    remember(akId, nonce, nowMs) {
      seenAt.set(keyOf(akId, nonce), nowMs);
    },
    get size() {
      return seenAt.size;
    },
    clear() {
      seenAt.clear();
    },
  };
}
