import { describe, expect, test } from 'vitest';
import { createNonceStore } from './nonce-store.js';

const T0 = 1_764_000_000_000;

/** %MapIteratorPrototype%: its `next` runs once per entry whenever any Map is walked. */
const mapIterator = Object.getPrototypeOf(new Map().entries()) as { next(): unknown };

/** Runs `fn` counting the Map entries walked meanwhile (a plain counter: no call log). */
function countMapSteps(fn: () => void): number {
  const original = mapIterator.next;
  let steps = 0;
  mapIterator.next = function (this: unknown) {
    steps++;
    return original.call(this);
  };
  try {
    fn();
  } finally {
    mapIterator.next = original;
  }
  return steps;
}

describe('createNonceStore', () => {
  test('a nonce is seen for exactly ttlMs after it was remembered, per access key', () => {
    const store = createNonceStore(1000);
    expect(store.seen('ak', 'n', T0)).toBe(false);
    store.remember('ak', 'n', T0);
    expect(store.seen('ak', 'n', T0 + 999)).toBe(true);
    expect(store.seen('other', 'n', T0 + 999)).toBe(false);
    expect(store.seen('ak', 'n', T0 + 1000)).toBe(false);
    expect(store.size).toBe(0);
  });

  test('remembering a nonce again restarts its time; its old queue entry does not drop it', () => {
    const store = createNonceStore(1000);
    store.remember('ak', 'n', T0);
    store.remember('ak', 'n', T0 + 500);
    expect(store.seen('ak', 'n', T0 + 1200)).toBe(true);
    expect(store.size).toBe(1);
    expect(store.seen('ak', 'n', T0 + 1500)).toBe(false);
    expect(store.size).toBe(0);
  });

  test('stays exact when the clock goes backwards', () => {
    const store = createNonceStore(1000);
    store.remember('ak', 'late', T0 + 5000);
    store.remember('ak', 'early', T0);
    // 'early' expired, though it sits behind an entry that has not.
    expect(store.seen('ak', 'early', T0 + 1500)).toBe(false);
    expect(store.seen('ak', 'late', T0 + 5500)).toBe(true);
    store.clear();
    expect(store.size).toBe(0);
    expect(store.seen('ak', 'late', T0 + 5500)).toBe(false);
  });

  test('300 000 nonces: each check expires only what is due and walks no Map', () => {
    const count = 300_000;
    const ttl = 200_000;
    const store = createNonceStore(ttl);
    for (let i = 0; i < count; i++) store.remember('ak', `n${i}`, T0 + i);
    expect(store.size).toBe(count);
    const now = T0 + count;
    const answers: boolean[] = [];
    const sizes: number[] = [];
    const steps = countMapSteps(() => {
      // Nonces remembered at or before now - ttl (i <= 100 000) are gone.
      answers.push(store.seen('ak', 'n100000', now));
      sizes.push(store.size);
      answers.push(store.seen('ak', 'n100001', now));
      for (let step = 1; step <= 100; step++) {
        answers.push(store.seen('ak', `n${100_000 + step}`, now + step));
        sizes.push(store.size);
      }
    });
    // The old store walked all entries on every check: 102 checks, ~2e7 steps here.
    expect(steps).toBe(0);
    expect(answers[0]).toBe(false);
    expect(answers[1]).toBe(true);
    // At now + step, nonce 100 000 + step has just expired, one per millisecond.
    expect(answers.slice(2).every((seen) => !seen)).toBe(true);
    expect(sizes[0]).toBe(count - 100_001);
    expect(sizes.at(-1)).toBe(count - 100_101);
    expect(store.seen('ak', `n${count - 1}`, now + 100)).toBe(true);
  });
});
