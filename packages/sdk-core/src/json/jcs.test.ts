import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { VECTORS_DIR } from '../../../../test/vectors/load.js';
import { SignetConfigError } from '../errors.js';
import { jcsCanonicalize } from './jcs.js';
import { parseLossless } from './lossless.js';

const jcsDir = path.join(VECTORS_DIR, 'jcs');

/** The double whose IEEE-754 bits are `hex` (leading zeros may be left out). */
function doubleFromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('RFC 8785 test data (cyberphone/json-canonicalization)', () => {
  const files = readdirSync(path.join(jcsDir, 'input')).filter((f) => f.endsWith('.json'));

  test('has the six input files, each with its output', () => {
    expect(files.sort()).toEqual([
      'arrays.json',
      'french.json',
      'structures.json',
      'unicode.json',
      'values.json',
      'weird.json',
    ]);
  });

  test.each(files)('%s canonicalizes byte for byte', (file) => {
    const input = JSON.parse(readFileSync(path.join(jcsDir, 'input', file), 'utf8'));
    const expected = readFileSync(path.join(jcsDir, 'output', file));
    expect(Buffer.from(jcsCanonicalize(input), 'utf8')).toEqual(expected);
  });
});

describe('number serialization (numbers/*.csv)', () => {
  const rows = readdirSync(path.join(jcsDir, 'numbers'))
    .filter((f) => f.endsWith('.csv'))
    .flatMap((file) =>
      readFileSync(path.join(jcsDir, 'numbers', file), 'utf8')
        .split(/\r?\n/)
        .filter((line) => /^[0-9a-f]+,/i.test(line))
        .map((line) => {
          const [hex, expected] = line.split(',') as [string, string];
          return [`${file} ${hex}`, hex, expected] as const;
        }),
    );

  test('holds the 33 documented rows', () => {
    expect(rows).toHaveLength(33);
  });

  test.each(rows)('%s', (_, hex, expected) => {
    const n = doubleFromBits(hex);
    if (expected === 'ERROR') {
      expect(() => jcsCanonicalize(n)).toThrow(SignetConfigError);
      expect(() => jcsCanonicalize([n])).toThrow('value[0] is ');
    } else {
      expect(jcsCanonicalize(n)).toBe(expected);
      expect(jcsCanonicalize({ n })).toBe(`{"n":${expected}}`);
    }
  });
});

describe('jcsCanonicalize refusals', () => {
  test.each([
    [Number.NaN, 'value is NaN'],
    [{ a: { b: Number.POSITIVE_INFINITY } }, 'value.a.b is Infinity'],
    [{ a: undefined }, 'value.a is undefined'],
    [[1, undefined], 'value[1] is undefined'],
    [undefined, 'value is undefined'],
    [{ f: () => 1 }, 'value.f is a function'],
    [{ s: Symbol('x') }, 'value.s is a symbol'],
    [{ big: 2n ** 53n }, 'value.big is a bigint beyond'],
    [{ 'odd key': 'a\ud800b' }, 'value["odd key"] contains a lone surrogate (U+D800 at index 1)'],
    [{ '\udc00': 1 }, '(a member name) contains a lone surrogate (U+DC00 at index 0)'],
    [{ m: new Map() }, 'value.m is a Map'],
    [{ d: new (class Point {})() }, 'value.d is a Point'],
  ])('%o → %s', (value, message) => {
    expect(() => jcsCanonicalize(value)).toThrow(SignetConfigError);
    expect(() => jcsCanonicalize(value)).toThrow(message);
  });

  test('cycles and excessive depth, with a short path', () => {
    const cyclic: Record<string, unknown> = { a: { b: [] } };
    ((cyclic.a as Record<string, unknown>).b as unknown[]).push(cyclic);
    expect(() => jcsCanonicalize(cyclic)).toThrow('value.a.b[0] is a circular reference');
    let deep: unknown = 1;
    for (let i = 0; i < 1001; i++) deep = [deep];
    expect(() => jcsCanonicalize(deep)).toThrow('is nested deeper than 1000 levels');
  });

  test('a message never carries the refused string itself', () => {
    try {
      jcsCanonicalize({ token: 'sk-very-secret\ud800' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-very-secret');
    }
  });
});

describe('jcsCanonicalize accepts', () => {
  test('safe bigints, LosslessNumbers (as doubles), toJSON and null-prototype objects', () => {
    const bare = Object.assign(Object.create(null), { b: 1, a: 2 });
    expect(jcsCanonicalize({ n: 9007199254740991n, m: -5n, bare })).toBe(
      '{"bare":{"a":2,"b":1},"m":-5,"n":9007199254740991}',
    );
    expect(jcsCanonicalize(parseLossless('[1.0, -0.0, 1E2, 0.10000000000000001, 4.50]'))).toBe(
      '[1,0,100,0.1,4.5]',
    );
    expect(jcsCanonicalize({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});

const json = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });

describe('jcsCanonicalize properties', () => {
  test('agrees with the reference implementation (canonicalize)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(jcsCanonicalize(value)).toBe(canonicalize(value));
      }),
      { numRuns: 400 },
    );
  });

  test('is a fixed point and parses back to the same value', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = jcsCanonicalize(value);
        expect(jcsCanonicalize(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  test('does not depend on member order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 4 }), json), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(jcsCanonicalize(reversed)).toBe(jcsCanonicalize(object));
      }),
      { numRuns: 200 },
    );
  });
});
