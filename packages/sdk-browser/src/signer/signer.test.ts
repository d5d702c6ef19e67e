// The WebCrypto signer entries against the shared vectors and against sdk-core's
// synchronous recipes (noble), plus their refusals. Node's WebCrypto is the same API the
// browsers, Deno, Bun and workerd offer; chromium.test.ts runs them in a real browser.
import {
  dataFluxSign,
  fromHex,
  type HmacProfileOptions,
  hmacSignRequest,
  jitaiSign,
  parseLossless,
  SignetConfigError,
  toHex,
  verifyDataFluxSignature,
  verifyHmacRequest,
} from '@signet/sdk-core';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  type DataFluxVector,
  type JitaiRequestVector,
  type Rfc4231Vector,
  readVectors,
} from '../../../../test/vectors/load.js';
import * as signerEntry from './';
import { signDataFluxRequest } from './dataflux.js';
import { signHmacRequest } from './hmac.js';
import { signJitaiRequest } from './jitai.js';
import { webDigest, webHmac } from './web-crypto.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signJitaiRequest (WebCrypto SHA-1)', () => {
  const cases = readVectors<JitaiRequestVector>('jitai/requests.json').cases;

  test('walks jitai/requests.json: 60 cases', () => {
    expect(cases).toHaveLength(60);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const signed = await signJitaiRequest({
      accessKey: 'ak_vectors',
      accessSecret: c.secret,
      args: parseLossless(c.argsJson) as Record<string, unknown>,
      timestamp: c.timestamp,
    });
    expect(signed.accessSign).toBe(c.accessSign);
    expect(signed.headers).toEqual({
      accessKey: 'ak_vectors',
      timestamp: String(c.timestamp),
      accessSign: c.accessSign,
      'Content-Type': 'application/json',
    });
  });

  test('the clock is read when no timestamp is given; debug adds its header', async () => {
    const before = Date.now();
    const signed = await signJitaiRequest({
      accessKey: 'k',
      accessSecret: 's3cret',
      args: { orderId: 'A-1' },
      debug: true,
    });
    expect(signed.timestamp).toBeGreaterThanOrEqual(before);
    expect(signed.timestamp).toBeLessThanOrEqual(Date.now());
    expect(signed.headers.debug).toBe('1');
    const sync = jitaiSign({ orderId: 'A-1' }, { timestamp: signed.timestamp, secret: 's3cret' });
    expect(signed.accessSign).toBe(sync);
  });

  test('equals the synchronous jitaiSign on arbitrary JSON args', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })),
        fc.integer({ min: 0, max: 2 ** 45 }),
        async (raw, timestamp) => {
          // Keys equal after lower-casing or reserved ones are refused by both: skip them.
          const args = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
          let expected: string;
          try {
            expected = jitaiSign(args, { timestamp, secret: 'sek' });
          } catch (error) {
            await expect(
              signJitaiRequest({ accessKey: 'k', accessSecret: 'sek', args, timestamp }),
            ).rejects.toThrow((error as Error).message);
            return;
          }
          const signed = await signJitaiRequest({
            accessKey: 'k',
            accessSecret: 'sek',
            args,
            timestamp,
          });
          expect(signed.accessSign).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('refuses bad input before hashing, naming the field and never the secret', async () => {
    const secret = 'never-in-a-message-1234';
    const attempts = [
      signJitaiRequest({ accessKey: '', accessSecret: secret, args: {} }),
      signJitaiRequest({ accessKey: 'k', accessSecret: '', args: {} }),
      signJitaiRequest({ accessKey: 'k', accessSecret: secret, args: { n: Number.NaN } }),
      signJitaiRequest({ accessKey: 'k', accessSecret: secret, args: { a: 1, A: 2 } }),
      signJitaiRequest({ accessKey: 'k', accessSecret: secret, args: {}, timestamp: 1.5 }),
      signJitaiRequest(null as never),
    ];
    const messages: string[] = [];
    for (const attempt of attempts) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignetConfigError);
      messages.push((error as Error).message);
    }
    expect(messages[0]).toMatch(/accessKey must be a non-empty string/);
    expect(messages[1]).toMatch(/accessSecret must be a non-empty string/);
    expect(messages[2]).toMatch(/args\.n is NaN/);
    expect(messages[3]).toMatch(/equal after lower-casing/);
    expect(messages[4]).toMatch(/timestamp must be a non-negative integer/);
    for (const message of messages) expect(message).not.toContain(secret);
  });
});

describe('signDataFluxRequest (its own MD5 + WebCrypto HMAC-SHA1)', () => {
  const cases = readVectors<DataFluxVector>('dataflux/requests.json').cases;

  test('walks dataflux/requests.json: 40 cases, 5 of them with an empty akSecret', () => {
    expect(cases).toHaveLength(40);
    expect(cases.filter((c) => c.akSecret === '')).toHaveLength(5);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const signed = await signDataFluxRequest({
      akId: 'ak-vectors',
      akSecret: c.akSecret,
      method: c.method,
      pathWithQuery: c.pathWithQuery,
      body: c.body,
      timestamp: c.timestamp,
      nonce: c.nonce,
    });
    expect(signed).toMatchObject({
      jsonDumps: c.jsonDumps,
      bodyMd5: c.bodyMd5,
      stringToSign: c.stringToSign,
      sign: c.sign,
    });
    expect(signed.headers).toEqual({
      'X-Dff-Ak-Id': 'ak-vectors',
      'X-Dff-Ak-Timestamp': c.timestamp,
      'X-Dff-Ak-Nonce': c.nonce,
      'X-Dff-Ak-Sign': c.sign,
    });
  });

  test('fresh timestamp and CSPRNG nonce by default; the server-side check accepts them', async () => {
    const body = { kwargs: { x: 1, 名: '值' } };
    const signed = await signDataFluxRequest({
      akId: 'ak-1',
      akSecret: 'sk-1',
      method: 'post',
      pathWithQuery: '/api/v1/func/demo__main.echo',
      body,
    });
    expect(signed.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(Number(signed.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    const again = await signDataFluxRequest({
      akId: 'ak-1',
      akSecret: 'sk-1',
      method: 'post',
      pathWithQuery: '/api/v1/func/demo__main.echo',
      body,
    });
    expect(again.nonce).not.toBe(signed.nonce);
    const sync = dataFluxSign({
      method: 'post',
      pathWithQuery: '/api/v1/func/demo__main.echo',
      timestamp: signed.timestamp,
      nonce: signed.nonce,
      body,
      akSecret: 'sk-1',
    });
    expect(signed.sign).toBe(sync.sign);
    const received = {
      id: signed.headers['X-Dff-Ak-Id'],
      timestamp: signed.headers['X-Dff-Ak-Timestamp'],
      nonce: signed.headers['X-Dff-Ak-Nonce'],
      sign: signed.headers['X-Dff-Ak-Sign'],
    };
    const verify = (akSecret: string) =>
      verifyDataFluxSignature({
        method: 'POST',
        pathWithQuery: '/api/v1/func/demo__main.echo',
        headers: received,
        body,
        akSecret,
        now: Date.now(),
      });
    const verdict = verify('sk-1');
    expect(verify('sk-2')).toMatchObject({ ok: false });
    expect(verdict).toMatchObject({ ok: true });
  });

  test('refuses a missing akId or a non-string akSecret before hashing', async () => {
    const base = { method: 'GET', pathWithQuery: '/x', body: null };
    await expect(signDataFluxRequest({ ...base, akId: '', akSecret: 's' })).rejects.toThrow(
      /akId must be a non-empty string/,
    );
    await expect(
      signDataFluxRequest({ ...base, akId: 'a', akSecret: 7 as unknown as string }),
    ).rejects.toThrow(/akSecret must be a string/);
  });
});

describe('signHmacRequest (WebCrypto SHA-256 and HMAC)', () => {
  const optionsArb = fc.record({
    algorithm: fc.constantFrom('sha256', 'sha512', 'sha1') as fc.Arbitrary<
      'sha256' | 'sha512' | 'sha1'
    >,
    encoding: fc.constantFrom('hex', 'base64') as fc.Arbitrary<'hex' | 'base64'>,
    bodyHash: fc.constantFrom('bytes', 'jcs') as fc.Arbitrary<'bytes' | 'jcs'>,
    nonce: fc.boolean(),
    timestampUnit: fc.constantFrom('s', 'ms') as fc.Arbitrary<'s' | 'ms'>,
  });

  test('equals the synchronous hmacSignRequest: canonical request, signature, headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        optionsArb,
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2 ** 42 }),
        async (profile, secret, json, now) => {
          const options: HmacProfileOptions = { keyId: 'key-1', secret, ...profile };
          const body = json === undefined ? undefined : JSON.stringify(json);
          const request = { method: 'post', pathWithQuery: '/v1/orders?x=1', body, now };
          const nonce = 'ab'.repeat(16);
          const expected = hmacSignRequest({ ...request, nonce }, options);
          const signed = await signHmacRequest({ ...request, nonce }, options);
          expect(signed).toEqual(expected);
        },
      ),
      { numRuns: 120 },
    );
  });

  test('a verifying server accepts it, and refuses it with the body changed', async () => {
    const options: HmacProfileOptions = { keyId: 'key-1', secret: 'shared-secret' };
    const body = '{"amount":10}';
    const signed = await signHmacRequest({ method: 'POST', pathWithQuery: '/pay', body }, options);
    const check = (sentBody: string) =>
      verifyHmacRequest(
        {
          method: 'POST',
          pathWithQuery: '/pay',
          headers: signed.headers,
          body: sentBody,
          now: Date.now(),
        },
        { secret: options.secret },
      );
    expect(check(body)).toMatchObject({ ok: true });
    expect(check('{"amount":99}')).toMatchObject({ ok: false });
  });

  test('profile options are checked as in sdk-core, without the secret in the message', async () => {
    const secret = 'hmac-secret-never-shown';
    await expect(
      signHmacRequest({ method: 'GET', pathWithQuery: '/' }, {
        keyId: 'k',
        secret,
        algorithm: 'md5',
      } as never),
    ).rejects.toThrow(/algorithm/);
    const error = await signHmacRequest(
      { method: 'GET', pathWithQuery: 'no-slash' },
      {
        keyId: 'k',
        secret,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    expect((error as Error).message).not.toContain(secret);
  });
});

describe('WebCrypto helpers', () => {
  test('RFC 4231 HMAC-SHA-256/512 known answers, raw keys', async () => {
    const cases = readVectors<Rfc4231Vector>('hmac/rfc4231.json').cases;
    expect(cases).toHaveLength(7);
    for (const c of cases) {
      for (const [label, expected] of Object.entries(c.expected)) {
        const algorithm = label.replace(/^hmac-/, '') as 'sha256' | 'sha512';
        const mac = toHex(await webHmac(algorithm, fromHex(c.key), fromHex(c.data)));
        const compared = c.truncateBits === undefined ? mac : mac.slice(0, c.truncateBits / 4);
        expect(compared, `${c.id} ${label}`).toBe(expected);
      }
    }
  });

  test('an empty HMAC key (which WebCrypto refuses) gives the RFC 2104 result', async () => {
    const { createHmac } = await import('node:crypto');
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      const expected = createHmac(algorithm, '').update('message').digest('hex');
      expect(toHex(await webHmac(algorithm, '', 'message'))).toBe(expected);
    }
  });

  test('digests hash the UTF-8 bytes of text', async () => {
    expect(toHex(await webDigest('sha1', 'abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(await webDigest('sha256', ''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  test('no crypto.subtle (an insecure http:// page): a SignetConfigError that says why', async () => {
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(crypto) });
    const error = await signJitaiRequest({
      accessKey: 'k',
      accessSecret: 's',
      args: {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    expect((error as Error).message).toMatch(
      /secure contexts \(https:\/\/ or http:\/\/localhost\)/,
    );
  });
});

describe('a secret in a web page', () => {
  test('each signer refuses it where a document exists, unless the caller opted in', async () => {
    vi.stubGlobal('document', {});
    const secret = 'page-secret-0a9b8c7d';
    const refusals = await Promise.all([
      signJitaiRequest({ accessKey: 'k', accessSecret: secret, args: {} }).catch((e) => e),
      signDataFluxRequest({
        akId: 'a',
        akSecret: secret,
        method: 'GET',
        pathWithQuery: '/',
      }).catch((e) => e),
      signHmacRequest({ method: 'GET', pathWithQuery: '/' }, { keyId: 'k', secret }).catch(
        (e) => e,
      ),
    ]);
    for (const error of refusals) {
      expect(error).toBeInstanceOf(SignetConfigError);
      expect(error.message).toMatch(/published to everyone who loads the page/);
      expect(error.message).not.toContain(secret);
    }
    const allowed = await signJitaiRequest({
      accessKey: 'k',
      accessSecret: secret,
      args: {},
      timestamp: 1,
      dangerouslyAllowSecretInBrowser: true,
    });
    expect(allowed.accessSign).toBe(jitaiSign({}, { timestamp: 1, secret }));
  });

  test('the signer entry holds the three signers and no client', () => {
    expect(Object.keys(signerEntry).sort()).toEqual([
      'signDataFluxRequest',
      'signHmacRequest',
      'signJitaiRequest',
    ]);
  });
});
