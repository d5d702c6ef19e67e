import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { type Rfc4231Vector, readVectors } from '../../../../test/vectors/load.js';
import { hashHex, hmacBytes, hmacHex } from './digest.js';
import { fromHex, toHex } from './encoding.js';
import { type CryptoProvider, type HashAlgorithm, nobleCrypto } from './provider.js';

const rfc4231 = readVectors<Rfc4231Vector>('hmac/rfc4231.json');

/** A node:crypto provider, as an independent second implementation. */
const nodeProvider: CryptoProvider = {
  name: 'node-test',
  hash: (algorithm, data) => new Uint8Array(createHash(algorithm).update(data).digest()),
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
};

describe('RFC 4231 HMAC-SHA-256/512 known answers', () => {
  test('the file holds the seven test cases of section 4', () => {
    expect(rfc4231.cases.map((c) => c.id)).toEqual([
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '4.7',
      '4.8',
    ]);
  });

  const rows = rfc4231.cases.flatMap((c) =>
    Object.entries(c.expected).flatMap(([label, expected]) =>
      [nobleCrypto, nodeProvider].map(
        (provider) =>
          [`${c.name} ${label} (${provider.name})`, c, label, expected, provider] as const,
      ),
    ),
  );

  test.each(rows)('%s', (_, c, label, expected, provider) => {
    const algorithm = label.replace(/^hmac-/, '') as HashAlgorithm;
    const mac = hmacHex(algorithm, fromHex(c.key), fromHex(c.data), provider);
    // truncateBits: the RFC compares only the leftmost bits (Test Case 5).
    const compared = c.truncateBits === undefined ? mac : mac.slice(0, c.truncateBits / 4);
    expect(compared).toBe(expected);
    if (c.truncateBits !== undefined) expect(mac.length).toBeGreaterThan(compared.length);
  });
});

describe('hashHex / hmacHex / hmacBytes', () => {
  test('hash the UTF-8 bytes of a string', () => {
    expect(hashHex('sha1', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hashHex('md5', '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hashHex('sha256', 'é')).toBe(createHash('sha256').update('é', 'utf8').digest('hex'));
    expect(hashHex('sha256', new Uint8Array([0xc3, 0xa9]))).toBe(hashHex('sha256', 'é'));
  });

  test('HMAC keys and messages given as strings are UTF-8', () => {
    const expected = createHmac('sha1', 'ключ').update('сообщение').digest('hex');
    expect(hmacHex('sha1', 'ключ', 'сообщение')).toBe(expected);
    expect(toHex(hmacBytes('sha1', 'ключ', 'сообщение'))).toBe(expected);
  });

  test('a lone surrogate is hashed as U+FFFD, as Node does', () => {
    expect(hashHex('md5', 'a\ud800b')).toBe(createHash('md5').update('a\ud800b').digest('hex'));
    expect(hashHex('md5', 'a\ud800b')).toBe(hashHex('md5', 'a\ufffdb'));
  });

  test('uses the provider it is given', () => {
    const calls: string[] = [];
    const spy: CryptoProvider = {
      name: 'spy',
      hash: (algorithm, data) => {
        calls.push(`hash:${algorithm}:${data.length}`);
        return new Uint8Array([1, 2]);
      },
      hmac: (algorithm, key, data) => {
        calls.push(`hmac:${algorithm}:${key.length}:${data.length}`);
        return new Uint8Array([255]);
      },
    };
    expect(hashHex('sha256', 'abc', spy)).toBe('0102');
    expect(hmacHex('sha512', 'k', 'data', spy)).toBe('ff');
    expect(calls).toEqual(['hash:sha256:3', 'hmac:sha512:1:4']);
  });
});
