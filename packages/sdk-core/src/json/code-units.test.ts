import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sortByCodeUnits } from './code-units.js';

describe('sortByCodeUnits', () => {
  test('agrees with the default sort, small and large arrays alike', () => {
    const units = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(units, { maxLength: 60 }), (keys) => {
        expect(sortByCodeUnits([...keys])).toEqual([...keys].sort());
      }),
      { numRuns: 300 },
    );
  });

  test('puts an astral character before U+FF5E, unlike code-point order', () => {
    expect(sortByCodeUnits(['～', '😀', 'a'])).toEqual(['a', '😀', '～']);
  });
});
