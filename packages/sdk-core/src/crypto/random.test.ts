import { afterEach, describe, expect, test, vi } from 'vitest';
import { randomHexNonce, secureRandom } from './random.js';

describe('secureRandom', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('returns the requested number of bytes, different each time', () => {
    expect(secureRandom(0)).toEqual(new Uint8Array());
    const a = secureRandom(32);
    const b = secureRandom(32);
    expect(a).toBeInstanceOf(Uint8Array);
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(b);
    expect(secureRandom(65_536)).toHaveLength(65_536);
  });

  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 65_537, '4' as unknown as number])(
    'refuses length %s with a RangeError naming the argument',
    (length) => {
      expect(() => secureRandom(length)).toThrow(RangeError);
      expect(() => secureRandom(length)).toThrow(/secureRandom: length/);
    },
  );

  test('says so when the runtime has no crypto.getRandomValues', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => secureRandom(4)).toThrow(/getRandomValues is not available/);
  });

  test('draws from crypto.getRandomValues', () => {
    vi.stubGlobal('crypto', {
      getRandomValues: (array: Uint8Array) => {
        array.fill(7);
        return array;
      },
    });
    expect(secureRandom(3)).toEqual(new Uint8Array([7, 7, 7]));
  });
});

describe('randomHexNonce', () => {
  test('is 16 random bytes as 32 lower-case hex characters by default', () => {
    const nonce = randomHexNonce();
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(randomHexNonce()).not.toBe(nonce);
  });

  test('takes the byte count and an injected source', () => {
    const seen: number[] = [];
    const source = (length: number) => {
      seen.push(length);
      return new Uint8Array(length).map((_, i) => i * 17);
    };
    expect(randomHexNonce(4, source)).toBe('00112233');
    expect(seen).toEqual([4]);
  });
});
