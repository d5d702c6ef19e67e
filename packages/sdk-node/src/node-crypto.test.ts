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

  test('the native JitAi fast path signs exactly like the pure-JS path (unicode, lone surrogates)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'grapheme-composite' }), fc.jsonValue()),
        fc.string({ unit: 'binary' }),
        (args, text) => {
          const options = {
            timestamp: 1_764_647_507_632,
            secret: 'c58929c718f844abaaae2461ea1b2ff8024a96',
          };
          const safe = Object.fromEntries(
            Object.entries(args).filter(([k]) => !/^(timestamp|secret|accesssign)$/i.test(k)),
          );
          let expected: string | undefined;
          try {
            expected = jitaiSign(safe, options);
          } catch {
            return; // refused args (case-folded duplicates...) are refused by both paths
          }
          expect(jitaiSign(safe, { ...options, crypto: nodeCrypto })).toBe(expected);
          expect(nodeCrypto.utf8Base64!(text)).toBe(
            Buffer.from(new TextEncoder().encode(text)).toString('base64'),
          );
        },
      ),
      { numRuns: 300 },
    );
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
