import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { hashHex } from './digest.js';
import { toHex } from './encoding.js';
import {
  type CryptoProvider,
  getDefaultCrypto,
  type HashAlgorithm,
  nobleCrypto,
  setDefaultCrypto,
} from './provider.js';

const algorithms: HashAlgorithm[] = ['md5', 'sha1', 'sha256', 'sha512', 'sha512-256'];
// Keys around every block size (64 for MD5/SHA-1/SHA-256, 128 for SHA-512), where HMAC
// switches from padding the key to hashing it first.
const bytes = fc.uint8Array({ maxLength: 300 });
const key = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc
    .constantFrom(63, 64, 65, 127, 128, 129)
    .chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
);

describe('nobleCrypto agrees with node:crypto', () => {
  test.each(algorithms)('%s hash on random bytes', (algorithm) => {
    fc.assert(
      fc.property(bytes, (data) => {
        const expected = createHash(algorithm).update(data).digest('hex');
        expect(toHex(nobleCrypto.hash(algorithm, data))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  test.each(algorithms)('%s HMAC on random keys and messages', (algorithm) => {
    fc.assert(
      fc.property(key, bytes, (k, data) => {
        const expected = createHmac(algorithm, k).update(data).digest('hex');
        expect(toHex(nobleCrypto.hmac(algorithm, k, data))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  test('refuses an algorithm it does not know, naming it', () => {
    const bogus = 'sha3-256' as HashAlgorithm;
    expect(() => nobleCrypto.hash(bogus, new Uint8Array())).toThrow(RangeError);
    expect(() => nobleCrypto.hmac(bogus, new Uint8Array(), new Uint8Array())).toThrow(
      /unsupported hash algorithm: sha3-256/,
    );
    // Inherited names must not resolve to some Object.prototype member.
    expect(() => nobleCrypto.hash('toString' as HashAlgorithm, new Uint8Array())).toThrow(
      RangeError,
    );
  });
});

describe('default provider', () => {
  let restore: CryptoProvider | undefined;
  afterEach(() => {
    if (restore !== undefined) setDefaultCrypto(restore);
    restore = undefined;
  });

  test('is noble until replaced, and setDefaultCrypto returns the previous one', () => {
    expect(getDefaultCrypto()).toBe(nobleCrypto);
    const fake: CryptoProvider = {
      name: 'fake',
      hash: () => new Uint8Array([0xab]),
      hmac: () => new Uint8Array([0xcd]),
    };
    restore = setDefaultCrypto(fake);
    expect(restore).toBe(nobleCrypto);
    expect(getDefaultCrypto()).toBe(fake);
    expect(hashHex('sha1', 'x')).toBe('ab');
  });

  test('setDefaultCrypto refuses something that is not a provider', () => {
    expect(() => setDefaultCrypto({ name: 'x' } as unknown as CryptoProvider)).toThrow(TypeError);
    expect(() => setDefaultCrypto(undefined as unknown as CryptoProvider)).toThrow(TypeError);
    expect(getDefaultCrypto()).toBe(nobleCrypto);
  });
});
