import type { DataFluxThrottlingRule } from './options.js';

/** Window lengths of the server's throttling rules, seconds (`THROTTLING_RULE_EXPIRES_MAP`). */
const RULE_SECONDS: Readonly<Record<DataFluxThrottlingRule, number>> = {
  bySecond: 1,
  byMinute: 60,
  byHour: 60 * 60,
  byDay: 60 * 60 * 24,
  byMonth: 60 * 60 * 24 * 30,
  byYear: 60 * 60 * 24 * 365,
};

/** The `detail` of a throttled call. */
export interface ThrottledDetail {
  rule: DataFluxThrottlingRule;
  limit: number;
  currentCount: number;
  waitSeconds: number;
}

/**
 * Sync API throttling as the server counts it (a Redis counter per API, rule and fixed
 * window): the rules are taken in their configured order, each counts the call, and the
 * first whose count goes over its limit stops the call (later rules do not count it).
 * `waitSeconds` is the server's `parseInt(windowEnd - now) + 1`.
 */
export class SyncApiThrottle {
  readonly #counts = new Map<string, number>();

  check(
    apiId: string,
    rules: Readonly<Partial<Record<DataFluxThrottlingRule, number>>> | undefined,
    nowMs: number,
  ): ThrottledDetail | undefined {
    if (rules === undefined) return undefined;
    const nowSeconds = nowMs / 1000;
    this.#purge(nowSeconds);
    for (const [rule, limit] of Object.entries(rules) as [DataFluxThrottlingRule, number][]) {
      const seconds = RULE_SECONDS[rule];
      if (seconds === undefined || typeof limit !== 'number') continue;
      const window = Math.trunc(nowSeconds / seconds);
      const key = `${apiId}\u0000${rule}\u0000${window}`;
      const currentCount = (this.#counts.get(key) ?? 0) + 1;
      this.#counts.set(key, currentCount);
      if (currentCount > limit) {
        const waitSeconds = Math.trunc((window + 1) * seconds - nowSeconds) + 1;
        return { rule, limit, currentCount, waitSeconds };
      }
    }
    return undefined;
  }

  /** Counters of windows that are over (Redis lets them expire). */
  #purge(nowSeconds: number): void {
    for (const key of this.#counts.keys()) {
      const [, rule, window] = key.split('\u0000') as [string, DataFluxThrottlingRule, string];
      const seconds = RULE_SECONDS[rule];
      if ((Number(window) + 1) * seconds <= nowSeconds) this.#counts.delete(key);
    }
  }
}
