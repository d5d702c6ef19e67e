import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareCodePoints, sortByCodePoint, sortEntries } from './codepoint.js';

/** Reference: compare arrays of code points, lone surrogates as themselves (Python str). */
function reference(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

// Any UTF-16 unit, so lone surrogates and split pairs come up, plus astral characters.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xe010 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('a', 'b', '～', '😀'),
);
const text = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''));

describe('compareCodePoints', () => {
  test('sorts as Python sorted() does', () => {
    // sorted(['～','😀','a','\ue000','\U00010000','\uffff','ab','a\x00']) in python3
    const python = ['a', 'a\x00', 'ab', '\ue000', '～', '\uffff', '𐀀', '😀'];
    const shuffled = ['😀', '\uffff', 'ab', '～', 'a\x00', '𐀀', '\ue000', 'a'];
    expect(shuffled.slice().sort(compareCodePoints)).toEqual(python);
    expect(shuffled.slice().sort()).not.toEqual(python); // JS's own order differs
  });

  test('agrees in sign with a code-point reference, lone surrogates included', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(reference(a, b)));
      }),
      { numRuns: 20000 },
    );
  });

  test('sortByCodePoint and sortEntries order like Array.sort(compareCodePoints)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 40 }), (keys) => {
        const expected = keys.slice().sort(compareCodePoints);
        expect(sortByCodePoint(keys.slice())).toEqual(expected);
        const k = keys.slice();
        const v = keys.map((key) => `v:${key}`);
        sortEntries(k, v);
        expect(k).toEqual(expected);
        expect(v).toEqual(expected.map((key) => `v:${key}`));
      }),
    );
  });
});
