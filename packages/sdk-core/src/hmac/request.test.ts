import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { hmacBodyHash } from './body-hash.js';
import {
  hmacCanonicalRequest,
  hmacSignRequest,
  hmacStringToSign,
  hmacTimestamp,
} from './request.js';

const secret = 'partner-secret';
const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('hmacSignRequest', () => {
  test('follows the documented recipe, checked with node:crypto', () => {
    const body = '{"id":1,"name":"Ünïcode"}';
    const signed = hmacSignRequest(
      {
        method: 'post',
        pathWithQuery: '/orders?b=2&a=1',
        body,
        now: 1_700_000_123_456,
        nonce: 'abc123',
      },
      { keyId: 'key-1', secret },
    );
    const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
    const stringToSign = `signet-request-v1\nkey-1\nPOST\n/orders?b=2&a=1\n1700000123\nabc123\n${bodyHash}`;
    expect(signed.stringToSign).toBe(stringToSign);
    const signature = createHmac('sha256', secret).update(stringToSign).digest('hex');
    expect(signed.signature).toBe(signature);
    expect(signed.headers).toEqual({
      'X-Signet-Key': 'key-1',
      'X-Signet-Timestamp': '1700000123',
      'X-Signet-Nonce': 'abc123',
      'X-Signet-Content-SHA256': bodyHash,
      'X-Signet-Signature': signature,
    });
    expect(Object.keys(signed.headers).at(-1)).toBe('X-Signet-Signature');
  });

  test('sha512, base64, milliseconds, no nonce, custom headers', () => {
    const signed = hmacSignRequest(
      { method: 'GET', pathWithQuery: '/x', now: 1_700_000_123_456, nonce: 'ignored' },
      {
        keyId: 'k',
        secret,
        algorithm: 'sha512',
        encoding: 'base64',
        timestampUnit: 'ms',
        nonce: false,
        headerNames: { keyId: 'X-Key', signature: 'X-Sig', bodyHash: false },
      },
    );
    const stringToSign = `signet-request-v1\nk\nGET\n/x\n1700000123456\n\n${emptyHash}`;
    expect(signed.stringToSign).toBe(stringToSign);
    const signature = createHmac('sha512', secret).update(stringToSign).digest('base64');
    expect(signed.headers).toEqual({
      'X-Key': 'k',
      'X-Signet-Timestamp': '1700000123456',
      'X-Sig': signature,
    });
  });

  test('legacy sha1', () => {
    const signed = hmacSignRequest(
      { method: 'GET', pathWithQuery: '/', now: 0, nonce: 'n' },
      { keyId: 'k', secret, algorithm: 'sha1' },
    );
    expect(signed.signature).toBe(
      createHmac('sha1', secret).update(signed.stringToSign).digest('hex'),
    );
  });

  test('a fresh 32-hex-character nonce per call from the injected source', () => {
    let calls = 0;
    const random = (n: number) => new Uint8Array(n).fill(++calls);
    const sign = () =>
      hmacSignRequest(
        { method: 'GET', pathWithQuery: '/', now: 0, random },
        { keyId: 'k', secret },
      );
    expect(sign().canonical.nonce).toBe('01'.repeat(16));
    expect(sign().canonical.nonce).toBe('02'.repeat(16));
    const real = hmacSignRequest(
      { method: 'GET', pathWithQuery: '/', now: 0 },
      { keyId: 'k', secret },
    );
    expect(real.canonical.nonce).toMatch(/^[0-9a-f]{32}$/);
  });

  test('a fixed timestamp must be decimal digits', () => {
    const options = { keyId: 'k', secret };
    const signed = hmacSignRequest(
      { method: 'GET', pathWithQuery: '/', now: 0, timestamp: '42', nonce: 'n' },
      options,
    );
    expect(signed.canonical.timestamp).toBe('42');
    expect(() =>
      hmacSignRequest({ method: 'GET', pathWithQuery: '/', now: 0, timestamp: '4e2' }, options),
    ).toThrow(SignetConfigError);
  });

  test('the secret appears in no step', () => {
    const signed = hmacSignRequest(
      { method: 'PUT', pathWithQuery: '/s', body: 'x', now: 5e12 },
      { keyId: 'k', secret },
    );
    expect(JSON.stringify(signed)).not.toContain(secret);
  });
});

describe('hmacCanonicalRequest / hmacStringToSign', () => {
  const parts = {
    keyId: 'k',
    method: 'get',
    pathWithQuery: '/a',
    timestamp: '1',
    nonce: 'n',
    bodyHash: emptyHash,
  };

  test('upper-cases the method and joins with newlines', () => {
    expect(hmacStringToSign(hmacCanonicalRequest(parts))).toBe(
      `signet-request-v1\nk\nGET\n/a\n1\nn\n${emptyHash}`,
    );
  });

  test.each([
    [{ method: 'GE T' }, 'method must be an HTTP method token'],
    [{ pathWithQuery: 'https://host/a' }, 'pathWithQuery must start with "/"'],
    [{ pathWithQuery: '/a\nb' }, 'pathWithQuery must not contain a line break'],
    [{ nonce: 'n\r' }, 'nonce must not contain a line break'],
    [{ keyId: 'k\n' }, 'keyId must not contain a line break'],
    [{ bodyHash: undefined as unknown as string }, 'bodyHash must be a string'],
  ])('refuses %o', (bad, message) => {
    expect(() => hmacCanonicalRequest({ ...parts, ...bad })).toThrow(`hmac: ${message}`);
  });
});

describe('hmacBodyHash', () => {
  test('bytes: SHA-256 of the exact bytes; no body is the empty hash', () => {
    expect(hmacBodyHash(undefined)).toBe(emptyHash);
    expect(hmacBodyHash('')).toBe(emptyHash);
    expect(hmacBodyHash('{"a": 1}')).toBe(createHash('sha256').update('{"a": 1}').digest('hex'));
    expect(hmacBodyHash(new Uint8Array([1, 2, 3]))).toBe(
      createHash('sha256')
        .update(new Uint8Array([1, 2, 3]))
        .digest('hex'),
    );
  });

  test('jcs: the same for any formatting of the same JSON', () => {
    const canonical = createHash('sha256').update('{"a":[1,2.5],"b":"é"}').digest('hex');
    expect(hmacBodyHash('{ "b": "\\u00e9", "a": [1.0, 25e-1] }', 'jcs')).toBe(canonical);
    expect(hmacBodyHash(new TextEncoder().encode('{"a":[1,2.5],"b":"é"}'), 'jcs')).toBe(canonical);
    expect(hmacBodyHash(undefined, 'jcs')).toBe(emptyHash);
  });

  test('jcs refuses a body that is not UTF-8 JSON', () => {
    expect(() => hmacBodyHash('<html>', 'jcs')).toThrow(SignetDecodeError);
    expect(() => hmacBodyHash(new Uint8Array([0x22, 0xff, 0x22]), 'jcs')).toThrow(
      SignetDecodeError,
    );
  });
});

describe('hmacTimestamp', () => {
  test('rounds down in the unit', () => {
    expect(hmacTimestamp(1999, 's')).toBe('1');
    expect(hmacTimestamp(1999.9, 'ms')).toBe('1999');
    expect(() => hmacTimestamp(Number.NaN, 's')).toThrow(RangeError);
  });
});
