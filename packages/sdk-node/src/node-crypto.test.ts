import {
  type HashAlgorithm,
  hashHex,
  hmacHex,
  jitaiSign,
  nobleCrypto,
  toHex,
} from '@signet/sdk-core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nodeCrypto } from './node-crypto.js';

const algorithms: HashAlgorithm[] = ['md5', 'sha1', 'sha256', 'sha512', 'sha512-256'];

describe('nodeCrypto', () => {
  test.each(algorithms)('%s: same hash and HMAC as the pure-JS provider', (algorithm) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 150 }),
        (key, data) => {
          expect(toHex(nodeCrypto.hash(algorithm, data))).toBe(
            toHex(nobleCrypto.hash(algorithm, data)),
          );
          expect(toHex(nodeCrypto.hmac(algorithm, key, data))).toBe(
            toHex(nobleCrypto.hmac(algorithm, key, data)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  test('plugs into the signing helpers', () => {
    expect(hashHex('sha1', 'abc', nodeCrypto)).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hmacHex('sha256', 'key', 'msg', nodeCrypto)).toBe(hmacHex('sha256', 'key', 'msg'));
    const args = { orderId: '1001', items: [{ sku: 'a', price: 1.5 }] };
    const options = { timestamp: 1_700_000_000_000, secret: 's' };
    expect(jitaiSign(args, { ...options, crypto: nodeCrypto })).toBe(jitaiSign(args, options));
  });

  test('refuses unknown and inherited algorithm names', () => {
    for (const bad of ['sha3-256', 'toString', 'constructor']) {
      expect(() => nodeCrypto.hash(bad as HashAlgorithm, new Uint8Array())).toThrow(RangeError);
      expect(() =>
        nodeCrypto.hmac(bad as HashAlgorithm, new Uint8Array(), new Uint8Array()),
      ).toThrow(`unsupported hash algorithm: ${bad}`);
    }
  });
});
