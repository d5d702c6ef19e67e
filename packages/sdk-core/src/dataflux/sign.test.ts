import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type DataFluxVector, readVectors } from '../../../../test/vectors/load.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { SignetConfigError } from '../errors.js';
import { dataFluxHeaders, dataFluxNonce, dataFluxTimestamp } from './headers.js';
import { dataFluxSign } from './sign.js';

const file = readVectors<DataFluxVector>('dataflux/requests.json');

const nodeProvider: CryptoProvider = {
  name: 'node-test',
  hash: (algorithm, data) => new Uint8Array(createHash(algorithm).update(data).digest()),
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
};

describe('dataflux/requests.json', () => {
  test('holds every case it announces', () => {
    expect(file.cases).toHaveLength(file.count);
    expect(file.count).toBe(40);
  });

  test.each(file.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const input = {
      method: c.method,
      pathWithQuery: c.pathWithQuery,
      timestamp: c.timestamp,
      nonce: c.nonce,
      body: c.body,
      akSecret: c.akSecret,
    };
    const expected = {
      jsonDumps: c.jsonDumps,
      bodyMd5: c.bodyMd5,
      stringToSign: c.stringToSign,
      sign: c.sign,
    };
    expect(dataFluxSign(input)).toEqual(expected);
    expect(dataFluxSign({ ...input, crypto: nodeProvider })).toEqual(expected);
  });
});

describe('dataFluxSign', () => {
  const base = {
    method: 'post',
    pathWithQuery: '/api/v1/func/x',
    timestamp: '1700000000',
    nonce: 'n',
    body: { kwargs: {} },
    akSecret: 'secret',
  };

  test('matches an independent node:crypto computation', () => {
    const { stringToSign, sign } = dataFluxSign(base);
    const md5 = createHash('md5').update('{"kwargs":{}}').digest('hex');
    expect(stringToSign).toBe(`POST&/api/v1/func/x&1700000000&n&${md5}`);
    expect(sign).toBe(createHmac('sha1', 'secret').update(stringToSign).digest('hex'));
  });

  test('signs a missing or falsy body as {}, as the server does with body || {}', () => {
    for (const body of [null, undefined, 0, '', false]) {
      expect(dataFluxSign({ ...base, body }).jsonDumps).toBe('{}');
    }
  });

  test('refuses non-string parts; an empty secret is a valid HMAC key', () => {
    expect(() => dataFluxSign({ ...base, timestamp: 1700000000 as unknown as string })).toThrow(
      'dataFluxSign: timestamp must be a string, got number',
    );
    expect(() => dataFluxSign({ ...base, akSecret: 42 as unknown as string })).toThrow(
      SignetConfigError,
    );
    expect(dataFluxSign({ ...base, akSecret: '' }).sign).toBe(
      createHmac('sha1', '').update(dataFluxSign(base).stringToSign).digest('hex'),
    );
    expect(() =>
      dataFluxSign({ ...base, body: { a: 1n, self: undefined as unknown } }),
    ).not.toThrow();
  });

  test('the string to sign never contains the secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 20 }), (akSecret) => {
        const out = dataFluxSign({ ...base, akSecret });
        expect(out.stringToSign.includes(akSecret)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('dataFluxHeaders / dataFluxNonce / dataFluxTimestamp', () => {
  test('headers carry the official names', () => {
    expect(dataFluxHeaders({ akId: 'ak-1', timestamp: '17', nonce: 'n', sign: 's' })).toEqual({
      'X-Dff-Ak-Id': 'ak-1',
      'X-Dff-Ak-Timestamp': '17',
      'X-Dff-Ak-Nonce': 'n',
      'X-Dff-Ak-Sign': 's',
    });
  });

  test('nonce: 32 hex characters from the random source', () => {
    expect(dataFluxNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(dataFluxNonce()).not.toBe(dataFluxNonce());
    expect(dataFluxNonce((n) => new Uint8Array(n).fill(0xab))).toBe('ab'.repeat(16));
  });

  test('timestamp: whole seconds, rounded down', () => {
    expect(dataFluxTimestamp(1_700_000_000_999)).toBe('1700000000');
    expect(dataFluxTimestamp(0)).toBe('0');
    expect(() => dataFluxTimestamp(Number.NaN)).toThrow(RangeError);
    expect(() => dataFluxTimestamp(-1)).toThrow(RangeError);
  });
});
