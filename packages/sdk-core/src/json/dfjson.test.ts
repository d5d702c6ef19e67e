import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type DataFluxVector, readVectors } from '../../../../test/vectors/load.js';
import { SignetConfigError } from '../errors.js';
import { dfJsonDumps } from './dfjson.js';
import { LosslessNumber, parseLossless } from './lossless.js';

const dataflux = readVectors<DataFluxVector>('dataflux/requests.json');

describe('dataflux/requests.json jsonDumps', () => {
  test.each(dataflux.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(dfJsonDumps(c.body ?? {})).toBe(c.jsonDumps);
  });
});

describe('dfJsonDumps', () => {
  test('writes strings and keys raw, without any escaping', () => {
    expect(dfJsonDumps({ 'a"b': 'he said "hi"', 'c\\d': 'x\ny\u0000' })).toBe(
      '{"a"b":"he said "hi"","c\\d":"x\ny\u0000"}',
    );
  });

  test('sorts keys by UTF-16 code units, at every level', () => {
    expect(dfJsonDumps({ '～': 1, '😀': 2, b: { z: 1, a: [{ y: 1, x: 2 }] }, 10: 0, 9: 0 })).toBe(
      '{"10":0,"9":0,"b":{"a":[{"x":2,"y":1}],"z":1},"😀":2,"～":1}',
    );
  });

  test('numbers as String(n)', () => {
    expect(dfJsonDumps([1, -0, 1e21, 1e-7, 0.1 + 0.2, 1.5e-6, 123456789012345680000, -2.5])).toBe(
      '[1,0,1e+21,1e-7,0.30000000000000004,0.0000015,123456789012345680000,-2.5]',
    );
  });

  test('mirrors what the server gets from JSON.parse(JSON.stringify(value))', () => {
    const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const value = {
      u: undefined,
      f: () => 1,
      s: Symbol('s'),
      list: [undefined, () => 1, Number.NaN, Number.POSITIVE_INFINITY, date],
      boxed: [Object(1), Object('x'), Object(false)],
      map: new Map([['k', 1]]),
      big: 12345678901234567890n,
    };
    expect(dfJsonDumps(value)).toBe(
      '{"big":12345678901234567000,"boxed":[1,"x",false],' +
        '"list":[null,null,null,null,"2024-01-02T03:04:05.000Z"],"map":{}}',
    );
  });

  test('reads LosslessNumbers as the doubles the server parses', () => {
    const tree = parseLossless('{"a":1.0,"b":-0,"c":12345678901234567890,"d":1e400,"e":1E-7}');
    expect(dfJsonDumps(tree)).toBe('{"a":1,"b":0,"c":12345678901234567000,"d":Infinity,"e":1e-7}');
    expect(dfJsonDumps(new LosslessNumber('2.50'))).toBe('2.5');
  });

  test('refuses a top-level value without JSON text, and cycles with their path', () => {
    expect(() => dfJsonDumps(undefined)).toThrow(SignetConfigError);
    expect(() => dfJsonDumps(() => 1)).toThrow(/body is a function/);
    const cyclic: Record<string, unknown> = { a: [1, {}] };
    (cyclic.a as unknown[])[1] = { back: cyclic };
    expect(() => dfJsonDumps(cyclic)).toThrow('body.a[1].back is a circular reference');
  });

  test('a value seen twice without a cycle is fine', () => {
    const shared = { x: 1 };
    expect(dfJsonDumps({ a: shared, b: [shared, shared] })).toBe(
      '{"a":{"x":1},"b":[{"x":1},{"x":1}]}',
    );
  });
});

// Values whose strings need no JSON escaping: there the dumps is JSON with sorted keys.
const plainString = fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => !/["\\]/.test(s));
// Array-index keys would defeat the insertion order sortDeep relies on.
const plainKey = plainString.filter((k) => !/^(0|[1-9]\d*)$/.test(k));
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    plainString,
    fc.double(),
    fc.integer(),
    fc.constantFrom(true, false, null, undefined),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(plainKey, tie('v'), { maxKeys: 5 }),
  ),
})).v;

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, unknown>)[k]);
  return out;
}

describe('dfJsonDumps properties', () => {
  test('equals JSON.stringify of the key-sorted value when no string needs escaping', () => {
    fc.assert(
      fc.property(fc.dictionary(plainKey, value, { maxKeys: 6 }), (object) => {
        const wire = JSON.parse(JSON.stringify(object));
        expect(dfJsonDumps(object)).toBe(JSON.stringify(sortDeep(wire)));
        expect(dfJsonDumps(wire)).toBe(dfJsonDumps(object));
      }),
      { numRuns: 300 },
    );
  });

  test('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 5 }), value), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(dfJsonDumps(reversed)).toBe(dfJsonDumps(object));
      }),
      { numRuns: 200 },
    );
  });
});
