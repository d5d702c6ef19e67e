import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { HmacProfileOptions } from './options.js';
import { hmacSignRequest } from './request.js';
import { type HmacRequestToVerify, verifyHmacRequest } from './verify-request.js';

const secret = 'srv-secret-0123456789';
const now = 1_700_000_000_000;

const profile = fc.record({
  algorithm: fc.constantFrom('sha256', 'sha512', 'sha1'),
  encoding: fc.constantFrom('hex', 'base64'),
  timestampUnit: fc.constantFrom('s', 'ms'),
  bodyHash: fc.constantFrom('bytes', 'jcs'),
  nonce: fc.boolean(),
}) as fc.Arbitrary<Omit<HmacProfileOptions, 'keyId' | 'secret'>>;
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH');
const path = fc
  .array(fc.constantFrom('a', 'b', '%20', '~', '?', '=', '&', 'é', '/', '1'), { maxLength: 12 })
  .map((parts) => `/${parts.join('')}`);
const body = fc.option(
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  { nil: undefined },
);

function signedRequest(
  options: Omit<HmacProfileOptions, 'keyId' | 'secret'>,
  m: string,
  p: string,
  b: string | undefined,
): HmacRequestToVerify {
  const signed = hmacSignRequest(
    { method: m, pathWithQuery: p, body: b, now },
    { ...options, keyId: 'key-1', secret },
  );
  return { method: m, pathWithQuery: p, headers: signed.headers, body: b, now };
}

describe('verifyHmacRequest', () => {
  test('accepts every request hmacSignRequest signed, with any profile options', () => {
    fc.assert(
      fc.property(profile, method, path, body, (options, m, p, b) => {
        const result = verifyHmacRequest(signedRequest(options, m, p, b), { ...options, secret });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('refuses a request with any byte of path, body or header changed', () => {
    fc.assert(
      fc.property(
        profile,
        method,
        path,
        body,
        fc.nat(),
        fc.nat(),
        (options, m, p, b, which, at) => {
          const good = signedRequest(options, m, p, b);
          const headers = good.headers as Record<string, string>;
          const targets = ['path', 'body', ...Object.keys(headers)];
          const target = targets[which % targets.length]!;
          const flip = (s: string) => {
            if (s.length === 0) return 'x';
            const i = at % s.length;
            // Toggle one bit of a character, keeping it a character of the same kind.
            return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
          };
          let bad: HmacRequestToVerify;
          if (target === 'path') bad = { ...good, pathWithQuery: `/${flip(p.slice(1)) || 'x'}` };
          else if (target === 'body') bad = { ...good, body: flip(b ?? '') };
          else bad = { ...good, headers: { ...headers, [target]: flip(headers[target]!) } };
          const result = verifyHmacRequest(bad, { ...options, secret });
          // A JCS body hash is meant to survive reformatting: a flip that keeps the JSON
          // value (a space becoming a tab, "1" ↔ "0" inside `1e0`...) may verify.
          if (result.ok) {
            expect(target).toBe('body');
            expect(options.bodyHash).toBe('jcs');
            expect(JSON.parse(bad.body as string)).toEqual(JSON.parse(b as string));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('a JCS body with a number beyond the double range is a refusal, not an exception', () => {
    // Found by the property above: flipping one bit of `e+308` gave `e+309` (-Infinity).
    const options = { bodyHash: 'jcs' as const };
    const good = signedRequest(options, 'GET', '/', '[-1.7976384075340312e+308]');
    const result = verifyHmacRequest(
      { ...good, body: '[-1.7976384075340312e+309]' },
      { ...options, secret },
    );
    expect(result).toMatchObject({ ok: false, problem: 'bad-body-hash' });
    expect(result.ok ? '' : result.message).toMatch(
      /cannot be hashed with bodyHash 'jcs'.*Infinity/,
    );
  });

  test('names each missing or bad part', () => {
    const good = signedRequest({}, 'POST', '/o', '{"a":1}');
    const headers = good.headers as Record<string, string>;
    const without = (name: string) => {
      const { [name]: _, ...rest } = headers;
      return verifyHmacRequest({ ...good, headers: rest }, { secret });
    };
    expect(without('X-Signet-Key')).toEqual({
      ok: false,
      problem: 'missing-key-id',
      message: 'no X-Signet-Key header',
    });
    expect(without('X-Signet-Timestamp')).toMatchObject({ problem: 'missing-timestamp' });
    expect(without('X-Signet-Nonce')).toMatchObject({ problem: 'missing-nonce' });
    expect(without('X-Signet-Signature')).toMatchObject({ problem: 'missing-signature' });
    expect(without('X-Signet-Content-SHA256')).toMatchObject({ ok: true });
    const stale = verifyHmacRequest(
      { ...good, headers: { ...headers, 'X-Signet-Timestamp': '1e9' } },
      { secret },
    );
    expect(stale).toMatchObject({ problem: 'bad-timestamp' });
    const wrongHash = { ...headers, 'X-Signet-Content-SHA256': '0'.repeat(64) };
    expect(verifyHmacRequest({ ...good, headers: wrongHash }, { secret })).toMatchObject({
      problem: 'bad-body-hash',
    });
  });

  test('window: 300 s by default, the bound itself passes', () => {
    const good = signedRequest({ timestampUnit: 'ms' }, 'GET', '/', undefined);
    const at = (t: number, windowMs?: number) =>
      verifyHmacRequest(
        { ...good, now: t, ...(windowMs === undefined ? {} : { windowMs }) },
        { secret, timestampUnit: 'ms' },
      );
    expect(at(now + 300_000)).toMatchObject({ ok: true });
    expect(at(now - 300_000)).toMatchObject({ ok: true });
    expect(at(now + 300_001)).toMatchObject({ ok: false, problem: 'expired' });
    expect(at(now + 10_000, 5_000)).toMatchObject({ ok: false, problem: 'expired' });
    expect(() => at(Number.NaN)).toThrow(RangeError);
  });

  test('looks the secret up by key id, and returns what a replay check needs', () => {
    const good = signedRequest({}, 'GET', '/', undefined);
    const lookup = (id: string) => (id === 'key-1' ? secret : undefined);
    const ok = verifyHmacRequest(good, { secret: lookup });
    expect(ok).toMatchObject({ ok: true, keyId: 'key-1', timestamp: String(now / 1000) });
    expect(ok.ok && ok.nonce).toMatch(/^[0-9a-f]{32}$/);
    const other = {
      ...good,
      headers: { ...(good.headers as Record<string, string>), 'X-Signet-Key': 'key-2' },
    };
    expect(verifyHmacRequest(other, { secret: lookup })).toMatchObject({ problem: 'unknown-key' });
    const spaced = {
      ...good,
      headers: { ...(good.headers as Record<string, string>), 'X-Signet-Key': 'a b' },
    };
    expect(verifyHmacRequest(spaced, { secret: lookup })).toMatchObject({ problem: 'unknown-key' });
  });

  test('reads a Headers object and lower-case record keys alike', () => {
    const good = signedRequest({}, 'PATCH', '/p?q=1', '[1]');
    const record = good.headers as Record<string, string>;
    const lower = Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verifyHmacRequest({ ...good, headers: new Headers(record) }, { secret }).ok).toBe(true);
    expect(verifyHmacRequest({ ...good, headers: lower }, { secret }).ok).toBe(true);
    // A header sent twice is ambiguous: treated as absent.
    const doubled = { ...lower, 'x-signet-signature': [lower['x-signet-signature']!, 'x'] };
    expect(verifyHmacRequest({ ...good, headers: doubled }, { secret })).toMatchObject({
      problem: 'missing-signature',
    });
  });

  test('no message carries the secret or the expected signature', () => {
    const good = signedRequest({}, 'POST', '/o', '{}');
    const headers = {
      ...(good.headers as Record<string, string>),
      'X-Signet-Signature': 'f'.repeat(64),
    };
    const result = verifyHmacRequest({ ...good, headers }, { secret });
    expect(result).toMatchObject({ ok: false, problem: 'bad-signature' });
    const message = result.ok ? '' : result.message;
    expect(message).not.toContain(secret);
    expect(message).not.toContain((good.headers as Record<string, string>)['X-Signet-Signature']);
  });
});
