import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SignetSignatureError } from '../errors.js';
import type { HmacProfileOptions } from './options.js';
import { hmacResponseStringToSign, signHmacResponse, verifyHmacResponse } from './response.js';

const secret = 'resp-secret-987654321';
const now = 1_700_000_000_000;
const options: HmacProfileOptions = { keyId: 'k', secret };
const nonce = '00112233445566778899aabbccddeeff';

function problemOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect((error as Error).message).not.toContain(secret);
    return (error as SignetSignatureError).problem;
  }
  return undefined;
}

describe('signHmacResponse / verifyHmacResponse', () => {
  test('round-trips and follows the documented string to sign', () => {
    const body = '{"ok":true}';
    const signed = signHmacResponse({ status: 200, body, requestNonce: nonce, now }, options);
    expect(signed.stringToSign).toMatch(
      /^signet-response-v1\n200\n1700000000\n00112233445566778899aabbccddeeff\n[0-9a-f]{64}$/,
    );
    expect(Object.keys(signed.headers)).toEqual([
      'X-Signet-Timestamp',
      'X-Signet-Content-SHA256',
      'X-Signet-Signature',
    ]);
    expect(() =>
      verifyHmacResponse(
        { status: 200, headers: signed.headers, body, requestNonce: nonce, now },
        options,
      ),
    ).not.toThrow();
  });

  test('any change to status, body, nonce or a header is a bad signature', () => {
    const body = '{"items":[1,2,3],"name":"Zoë"}';
    const signed = signHmacResponse({ status: 201, body, requestNonce: nonce, now }, options);
    const base = { status: 201, headers: signed.headers, body, requestNonce: nonce, now };
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom('status', 'body', 'nonce', 'signature', 'hash'),
        (n, part) => {
          const flip = (s: string) => {
            const i = n % s.length;
            return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 2) + s.slice(i + 1);
          };
          const bad = { ...base };
          if (part === 'status') bad.status = 200 + (n % 5);
          if (part === 'status' && bad.status === 201) bad.status = 500;
          if (part === 'body') bad.body = flip(body);
          if (part === 'nonce') bad.requestNonce = flip(nonce);
          if (part === 'signature')
            bad.headers = { ...signed.headers, 'X-Signet-Signature': flip(signed.signature) };
          if (part === 'hash') {
            const hash = signed.headers['X-Signet-Content-SHA256']!;
            bad.headers = { ...signed.headers, 'X-Signet-Content-SHA256': flip(hash) };
          }
          expect(problemOf(() => verifyHmacResponse(bad, options))).toBe('bad-signature');
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a changed timestamp is a bad signature inside the window, expired outside', () => {
    const signed = signHmacResponse({ status: 200, requestNonce: nonce, now }, options);
    const at = (timestamp: string) => ({
      status: 200,
      headers: { ...signed.headers, 'X-Signet-Timestamp': timestamp },
      requestNonce: nonce,
      now,
    });
    expect(problemOf(() => verifyHmacResponse(at('1700000001'), options))).toBe('bad-signature');
    expect(problemOf(() => verifyHmacResponse(at('1700000301'), options))).toBe('expired');
    expect(problemOf(() => verifyHmacResponse(at('-5'), options))).toBe('bad-timestamp');
    expect(problemOf(() => verifyHmacResponse(at(''), options))).toBe('missing-timestamp');
  });

  test('window bounds and missing signature', () => {
    const signed = signHmacResponse(
      { status: 204, requestNonce: '', now },
      { ...options, nonce: false },
    );
    const check = (t: number) => () =>
      verifyHmacResponse(
        { status: 204, headers: signed.headers, requestNonce: '', now: t },
        { ...options, nonce: false },
      );
    expect(problemOf(check(now + 300_000))).toBeUndefined();
    expect(problemOf(check(now + 301_000))).toBe('expired');
    expect(problemOf(check(now - 301_000))).toBe('expired');
    const { 'X-Signet-Signature': _, ...unsigned } = signed.headers;
    expect(
      problemOf(() =>
        verifyHmacResponse({ status: 204, headers: unsigned, requestNonce: '', now }, options),
      ),
    ).toBe('missing-signature');
  });

  test('works without a body-hash header, and with another profile', () => {
    const profile: HmacProfileOptions = {
      ...options,
      algorithm: 'sha512',
      encoding: 'base64',
      timestampUnit: 'ms',
      bodyHash: 'jcs',
      headerNames: { bodyHash: false, signature: 'X-Resp-Sig' },
    };
    const signed = signHmacResponse(
      { status: 200, body: '{"b":1,"a":2}', requestNonce: nonce, now },
      profile,
    );
    expect(Object.keys(signed.headers)).toEqual(['X-Signet-Timestamp', 'X-Resp-Sig']);
    const reformatted = '{ "a": 2, "b": 1.0 }';
    const verify = () =>
      verifyHmacResponse(
        {
          status: 200,
          headers: new Headers(signed.headers),
          body: reformatted,
          requestNonce: nonce,
          now,
        },
        profile,
      );
    expect(verify).not.toThrow();
  });

  test('hmacResponseStringToSign refuses what it cannot encode unambiguously', () => {
    const parts = { status: 200, timestamp: '1', requestNonce: 'n', bodyHash: 'h' };
    expect(() => hmacResponseStringToSign({ ...parts, status: 20 })).toThrow(
      'status must be an HTTP status code',
    );
    expect(() => hmacResponseStringToSign({ ...parts, requestNonce: 'a\nb' })).toThrow(
      'line break',
    );
  });
});
