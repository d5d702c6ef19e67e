import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { formatDigestAuthorization } from './authorization.js';
import {
  computeDigestResponse,
  computeRspauth,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
  digestHa1,
  toDigestAlgorithm,
} from './compute.js';

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  'SHA-256': 'sha256',
  'SHA-512-256': 'sha512-256',
};

/** RFC 7616 §3.4 written out again with node:crypto, as an independent reference. */
function reference(
  algorithm: DigestAlgorithm,
  f: {
    username: string;
    password: string;
    realm: string;
    nonce: string;
    method: string;
    uri: string;
    qop?: 'auth' | 'auth-int';
    nc: string;
    cnonce: string;
    body: string;
  },
  a2Prefix?: string,
): string {
  const h = (s: string) =>
    createHash(NODE_HASH[algorithm.replace(/-sess$/, '')] ?? '')
      .update(s)
      .digest('hex');
  let ha1 = h(`${f.username}:${f.realm}:${f.password}`);
  if (algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${f.nonce}:${f.cnonce}`);
  const a2 = `${a2Prefix ?? f.method}:${f.uri}${f.qop === 'auth-int' ? `:${h(f.body)}` : ''}`;
  return f.qop === undefined
    ? h(`${ha1}:${f.nonce}:${h(a2)}`)
    : h(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${h(a2)}`);
}

describe('computeDigestResponse', () => {
  test('agrees with an independent node:crypto implementation for every algorithm and qop', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(
        fc.constantFrom(...DIGEST_ALGORITHMS),
        fc.constantFrom('auth' as const, 'auth-int' as const, undefined),
        fc.record({
          username: text,
          password: text,
          realm: text,
          nonce: text,
          method: fc.constantFrom('GET', 'POST', 'PATCH'),
          uri: text.map((s) => `/${encodeURIComponent(s)}`),
          nc: fc.integer({ min: 1, max: 0xffffffff }).map((n) => n.toString(16).padStart(8, '0')),
          cnonce: text.map((s) => `c${s}`),
          body: text,
        }),
        (algorithm, qop, f) => {
          fc.pre(qop !== undefined || !algorithm.endsWith('-sess'));
          const input = { ...f, algorithm, qop };
          expect(computeDigestResponse(input)).toBe(
            reference(algorithm, { ...f, ...(qop ? { qop } : {}) }),
          );
          const { body, method, ...rest } = input;
          expect(computeRspauth({ ...rest, responseBody: body })).toBe(
            reference(algorithm, { ...f, ...(qop ? { qop } : {}) }, ''),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('auth-int hashes bytes and strings alike; a different body changes the answer', () => {
    const base = {
      algorithm: 'SHA-256' as const,
      username: 'u',
      password: 'p',
      realm: 'r',
      nonce: 'n',
      method: 'POST',
      uri: '/x',
      qop: 'auth-int' as const,
      nc: '00000001',
      cnonce: 'c',
    };
    const fromText = computeDigestResponse({ ...base, body: '{"a":"ü"}' });
    expect(computeDigestResponse({ ...base, body: new TextEncoder().encode('{"a":"ü"}') })).toBe(
      fromText,
    );
    expect(computeDigestResponse({ ...base, body: '{"a":"u"}' })).not.toBe(fromText);
    // No body is the empty body (RFC 7616 §3.4.3).
    expect(computeDigestResponse(base)).toBe(computeDigestResponse({ ...base, body: '' }));
  });

  test('digestHa1 is the htdigest line value for MD5', () => {
    expect(
      digestHa1({
        algorithm: 'MD5',
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'x',
      }),
    ).toBe(createHash('md5').update('Mufasa:testrealm@host.com:Circle Of Life').digest('hex'));
  });

  test('missing pieces are named', () => {
    const base = {
      algorithm: 'MD5-sess' as const,
      username: 'u',
      password: 'p',
      realm: 'r',
      nonce: 'n',
      method: 'GET',
      uri: '/',
    };
    expect(() => computeDigestResponse({ ...base, qop: 'auth', nc: '00000001' })).toThrow(
      /cnonce is required for MD5-sess/,
    );
    expect(() =>
      computeDigestResponse({ ...base, algorithm: 'MD5', qop: 'auth', cnonce: 'c' }),
    ).toThrow(/nc must be 8 hex digits/);
    expect(() => computeDigestResponse({ ...base, algorithm: 'SHA-1' as DigestAlgorithm })).toThrow(
      /unsupported algorithm "SHA-1"/,
    );
  });

  test('algorithm tokens are matched case-insensitively', () => {
    expect(toDigestAlgorithm('sha-512-256-SESS')).toBe('SHA-512-256-sess');
    expect(toDigestAlgorithm('md5')).toBe('MD5');
    expect(toDigestAlgorithm('SHA-1')).toBeUndefined();
  });
});

describe('formatDigestAuthorization', () => {
  const fields = {
    username: 'Mu"fa\\sa',
    realm: 'r',
    uri: '/a?b=c',
    nonce: 'n',
    response: 'abcdef',
  };

  test('escapes quoted values and leaves the RFC 2069 form without qop, nc, cnonce', () => {
    expect(formatDigestAuthorization(fields)).toBe(
      'Digest username="Mu\\"fa\\\\sa", realm="r", uri="/a?b=c", nonce="n", response="abcdef"',
    );
  });

  test('userhash goes last and needs a hex user name', () => {
    const header = formatDigestAuthorization({ ...fields, username: 'abc123', userhash: true });
    expect(header).toMatch(/^Digest username="abc123", .*, userhash=true$/);
    expect(() => formatDigestAuthorization({ ...fields, userhash: true })).toThrow(
      SignetConfigError,
    );
  });

  test.each([
    [{ realm: 'a\r\nX-Evil: 1' }, /realm contains a character a header cannot carry/],
    [{ uri: '/\u2713' }, /uri contains a character a header cannot carry/],
    [{ qop: 'auth' as const }, /nc and cnonce are required/],
    [{ qop: 'auth' as const, nc: '0000000A', cnonce: 'c' }, /nc must be 8 lower-case hex/],
    [{ algorithm: 'SHA 256' }, /algorithm must be a token/],
    [{ response: 'ABC' }, /response must be lower-case hex/],
  ])('refuses %j', (change, message) => {
    expect(() => formatDigestAuthorization({ ...fields, ...change })).toThrow(message);
  });

  test('control characters in a user name are percent-encoded into username*', () => {
    expect(formatDigestAuthorization({ ...fields, username: 'a\r\nb' })).toContain(
      "username*=UTF-8''a%0D%0Ab,",
    );
  });
});
