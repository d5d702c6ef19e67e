import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pyFloatRepr } from './pyfloat.js';

// [Python repr(x), x], printed by python3 3.11.
const pythonRepr: [string, number][] = [
  ['1.0', 1.0],
  ['0.1', 0.1],
  ['1e+16', 1e16],
  ['1000000000000000.0', 1e15],
  ['1234567890123456.0', 1234567890123456],
  ['0.0001', 1e-4],
  ['1e-05', 1e-5],
  ['1.5e-05', 1.5e-5],
  ['5e-324', 5e-324],
  ['1.7976931348623157e+308', 1.7976931348623157e308],
  ['-0.0', -0],
  ['0.0', 0],
  ['1e+21', 1e21],
  ['1e+22', 1e22],
  ['1.2345678901234568e+20', 1.2345678901234568e20],
  ['9007199254740992.0', 9007199254740992],
  ['0.30000000000000004', 0.1 + 0.2],
  ['123.456', 123.456],
  ['-2.5e-07', -2.5e-7],
  ['1e-07', 1e-7],
  ['2.2250738585072014e-308', 2.2250738585072014e-308],
  ['99999999999999.98', 99999999999999.98],
  ['9999999999999998.0', 9999999999999998],
  ['0.00012345', 0.00012345],
];

describe('pyFloatRepr', () => {
  test.each(pythonRepr)('%s', (repr, x) => {
    expect(pyFloatRepr(x)).toBe(repr);
  });

  test('writes non-finite values as json.dumps does', () => {
    expect(pyFloatRepr(Number.NaN)).toBe('NaN');
    expect(pyFloatRepr(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(pyFloatRepr(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  test('round-trips every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(pyFloatRepr(x)), x)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  test('always marks a float: a dot or an exponent, never a bare integer', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(pyFloatRepr(x)).toMatch(/^-?\d+(?:\.\d+)?(?:e[-+]\d{2,3})?$/);
        expect(pyFloatRepr(x)).toMatch(/[.e]/);
      }),
    );
  });
});
