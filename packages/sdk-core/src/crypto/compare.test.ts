import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { timingSafeEqual } from './compare.js';

describe('timingSafeEqual', () => {
  test('is plain string equality', () => {
    const units = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 12,
    });
    fc.assert(
      fc.property(units, units, (a, b) => {
        expect(timingSafeEqual(a, b)).toBe(a === b);
        expect(timingSafeEqual(a, a)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('edge cases a charCode-based loop could get wrong', () => {
    expect(timingSafeEqual('', '')).toBe(true);
    expect(timingSafeEqual('', 'a')).toBe(false);
    // A missing character must not compare equal to U+0000 (charCodeAt past the end is NaN).
    expect(timingSafeEqual('abc', 'abc\u0000')).toBe(false);
    expect(timingSafeEqual('abc\u0000', 'abc')).toBe(false);
    expect(timingSafeEqual('abc', 'ab')).toBe(false);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('Abc', 'abc')).toBe(false);
    // Length difference by a multiple of 2^16 must not cancel out in the XOR.
    expect(timingSafeEqual('a', 'a'.repeat(65_537))).toBe(false);
    expect(timingSafeEqual('\uffff', '\u0000')).toBe(false);
  });

  test('works on hex signatures of every length it is used with', () => {
    const sig = 'a'.repeat(40);
    expect(timingSafeEqual(sig, 'a'.repeat(40))).toBe(true);
    expect(timingSafeEqual(sig, `${'a'.repeat(39)}b`)).toBe(false);
    expect(timingSafeEqual(sig, `b${'a'.repeat(39)}`)).toBe(false);
  });
});
