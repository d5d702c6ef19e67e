import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type LosslessJson, LosslessNumber, parseLossless } from './lossless.js';
import { pyJsonDumps } from './pyjson.js';

// JSON texts with the number lexemes that matter to Python: integral floats, -0.0,
// exponents, big integers, and keys that sort differently by code point and by UTF-16 unit.
const lexeme = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => {
    const s = String(x);
    return /[.e]/.test(s) ? s : `${s}.0`;
  }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.constantFrom('1.0', '-0.0', '-0', '1E5', '12.500', '1e400', '0.10000000000000001'),
);
const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('～', '😀', 'a', '__proto__'),
);
const tree: fc.Arbitrary<LosslessJson> = fc.letrec<{ value: LosslessJson }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 8 }),
    lexeme.map((l) => new LosslessNumber(l)),
    fc.constantFrom(true, false, null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .uniqueArray(fc.tuple(key, tie('value')), { maxLength: 5, selector: ([k]) => k })
      .map((entries) => {
        const object: Record<string, LosslessJson> = Object.create(null);
        for (const [k, v] of entries) object[k] = v;
        return object;
      }),
  ),
})).value;

/** The same tree with every object's keys inserted in another order. */
function shuffled(value: LosslessJson, seed: number): LosslessJson {
  if (Array.isArray(value)) return value.map((v, i) => shuffled(v, seed + i));
  if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) return value;
  const keys = Object.keys(value);
  const order = keys
    .map((k, i) => [k, ((i + 1) * 2654435761 + seed) % 97] as const)
    .sort((a, b) => a[1] - b[1]);
  const out: Record<string, LosslessJson> = Object.create(null);
  for (const [k] of order) out[k] = shuffled(value[k]!, seed + 1);
  return out;
}

/** What Python sees: ints exact, floats as doubles (-0.0 kept), objects unordered. */
function kinds(value: LosslessJson): unknown {
  if (value instanceof LosslessNumber) {
    return value.isInteger ? ['int', BigInt(value.lexeme)] : ['float', Number(value.lexeme)];
  }
  if (Array.isArray(value)) return value.map(kinds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.keys(value)
    .sort()
    .map((k) => [k, kinds(value[k]!)]);
}

describe('pyJsonDumps properties', () => {
  test('key order does not matter', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (value, seed) => {
        expect(pyJsonDumps(shuffled(value, seed))).toBe(pyJsonDumps(value));
      }),
      { numRuns: 1000 },
    );
  });

  test('is idempotent through the lossless parser', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const once = pyJsonDumps(value);
        // 1e400 is written `Infinity`, as Python does, and read back the same way.
        expect(pyJsonDumps(parseLossless(once, { allowNonFinite: true }))).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  test('writes valid JSON that JSON.parse reads as the same JS values', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const text = pyJsonDumps(value).replace(/-?Infinity/g, '0'); // 1e400 has no JSON spelling
        expect(() => JSON.parse(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  test('the lossless round trip keeps every number kind and value', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const back = parseLossless(pyJsonDumps(value), { allowNonFinite: true });
        expect(kinds(back)).toEqual(kinds(value));
      }),
      { numRuns: 1000 },
    );
  });

  test('plain JS values give what Python reads from JSON.stringify’s text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const wire = JSON.stringify(value);
        expect(pyJsonDumps(value)).toBe(pyJsonDumps(parseLossless(wire)));
      }),
      { numRuns: 2000 },
    );
  });
});
