import { describe, expect, test } from 'vitest';
import { checkAccessKey, generateAccessSecret } from './keys.js';

describe('generateAccessSecret', () => {
  test('16 bytes in the UUID v4 layout, then 3 more: 38 lower-case hex characters', () => {
    const bytes = [0xff, 0x00];
    let call = 0;
    const random = (length: number) => new Uint8Array(length).fill(bytes[call++ % 2]!);
    // version nibble forced to 4, variant bits to 10xx; the tail comes from the second call
    expect(generateAccessSecret(random)).toBe('ffffffffffff4fffbfffffffffffffff000000');
  });

  test('fresh and well-formed every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const secret = generateAccessSecret();
      expect(secret).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{21}$/);
      seen.add(secret);
    }
    expect(seen.size).toBe(2000);
  });

  test('a random source returning the wrong length is refused', () => {
    expect(() => generateAccessSecret(() => new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('checkAccessKey', () => {
  test.each(['abcd1234', 'A'.repeat(32), 'partnerApp01'])('%s is fine', (key) => {
    expect(checkAccessKey(key)).toEqual({ ok: true });
  });

  test.each([
    ['abc1234', 'accessKey is 7 characters long: use 8 to 32 letters or digits'],
    ['a'.repeat(33), 'accessKey is 33 characters long: use 8 to 32 letters or digits'],
    ['', 'accessKey is 0 characters long: use 8 to 32 letters or digits'],
    ['partner_app', 'character 8 ("_") is not an ASCII letter or digit'],
    ['😀abcdefgh', 'character 1 ("😀") is not an ASCII letter or digit'],
    ['clé12345', 'character 3 ("é") is not an ASCII letter or digit'],
  ])('%j: %s', (key, problem) => {
    const check = checkAccessKey(key);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.problem).toContain(problem);
  });
});
