import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64OfUtf8, fromHex, toBase64, toHex, utf8 } from './encoding.js';

// Any UTF-16 unit sequence, lone surrogates included.
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), anyUnits);

describe('toBase64', () => {
  test('matches Buffer on random bytes (every padding length)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 500 },
    );
  });

  test('RFC 4648 section 10 test vectors', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of cases) expect(base64OfUtf8(plain)).toBe(encoded);
  });

  test('uses the standard alphabet (+ and /), not the URL-safe one', () => {
    expect(toBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });
});

describe('toHex / fromHex', () => {
  test('toHex matches Buffer and fromHex inverts it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const hex = toHex(bytes);
        expect(hex).toBe(Buffer.from(bytes).toString('hex'));
        expect(fromHex(hex)).toEqual(bytes);
        expect(fromHex(hex.toUpperCase())).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  test('fromHex refuses odd lengths and non-hex digits', () => {
    for (const bad of ['a', 'abc', 'zz', '0x00', ' 00', '00 ', 'ag']) {
      expect(() => fromHex(bad)).toThrow(RangeError);
    }
    expect(fromHex('')).toEqual(new Uint8Array());
  });
});

describe('utf8 / base64OfUtf8', () => {
  test('utf8 matches Buffer, lone surrogates becoming U+FFFD', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, 'utf8'));
        expect(base64OfUtf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      }),
      { numRuns: 300 },
    );
    expect([...utf8('\udc00')]).toEqual([0xef, 0xbf, 0xbd]);
  });

  test('astral characters are one 4-byte sequence', () => {
    expect([...utf8('😀')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });
});
