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
 * Each check costs O(1) amortised, however many nonces are kept: a Map answers the
 * lookup, and a queue in the order nonces were remembered says which ones expire next, so
 * purging touches only expired entries (a busy emulator keeps hundreds of thousands).
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
  const queue = new ExpiryQueue();
  const keyOf = (akId: string, nonce: string) => `${akId}\u0000${nonce}`;
  const purge = (nowMs: number) => {
    const cutoff = nowMs - ttlMs;
    for (let head = queue.peek(); head !== undefined && head.at <= cutoff; head = queue.peek()) {
      queue.shift();
      // A nonce remembered again later has a newer entry further back: keep it.
      if (seenAt.get(head.key) === head.at) seenAt.delete(head.key);
    }
  };
  return {
    seen(akId, nonce, nowMs) {
      purge(nowMs);
      const at = seenAt.get(keyOf(akId, nonce));
      // Exact even when clocks went backwards and the queue is not strictly ordered.
      return at !== undefined && at > nowMs - ttlMs;
    },
    remember(akId, nonce, nowMs) {
      const key = keyOf(akId, nonce);
      seenAt.set(key, nowMs);
      queue.push({ key, at: nowMs });
    },
    get size() {
      return seenAt.size;
    },
    clear() {
      seenAt.clear();
      queue.clear();
    },
  };
}

interface Entry {
  key: string;
  at: number;
}

/** A FIFO queue with O(1) push and shift (an array with a moving head, compacted now and then). */
class ExpiryQueue {
  #items: Entry[] = [];
  #head = 0;

  push(entry: Entry): void {
    this.#items.push(entry);
  }

  peek(): Entry | undefined {
    return this.#items[this.#head];
  }

  shift(): void {
    this.#head++;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}
