import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dataFluxSign } from './sign.js';
import { type DataFluxVerifyInput, verifyDataFluxSignature } from './verify.js';

const now = 1_700_000_000_000;
const akSecret = 'sk-0123456789';

function signed(overrides: Partial<DataFluxVerifyInput> = {}): DataFluxVerifyInput {
  const method = 'POST';
  const pathWithQuery = '/api/v1/sync/abc?x=1';
  const body = { kwargs: { q: 'he said "hi"', n: 1.5 } };
  const timestamp = String(now / 1000);
  const nonce = '0123456789abcdef0123456789abcdef';
  const { sign } = dataFluxSign({ method, pathWithQuery, timestamp, nonce, body, akSecret });
  return {
    method,
    pathWithQuery,
    headers: { id: 'ak-1', timestamp, nonce, sign },
    body,
    akSecret,
    now,
    ...overrides,
  };
}

describe('verifyDataFluxSignature', () => {
  test('accepts a correctly signed request', () => {
    expect(verifyDataFluxSignature(signed())).toEqual({ ok: true });
  });

  test('reports missing headers with the server messages, in its order', () => {
    const good = signed();
    const without = (h: Partial<DataFluxVerifyInput['headers']>) =>
      verifyDataFluxSignature({ ...good, headers: { ...good.headers, ...h } });
    expect(without({ id: undefined })).toEqual({ ok: false, message: 'Access Key ID is missing' });
    expect(without({ sign: '' })).toEqual({ ok: false, message: 'Access Key sign is missing' });
    expect(without({ nonce: null, timestamp: undefined })).toEqual({
      ok: false,
      message: 'Access Key nonce is missing',
    });
    for (const timestamp of [undefined, '', '0', 'abc']) {
      expect(without({ timestamp })).toEqual({
        ok: false,
        message: 'Access Key timestamp is missing',
      });
    }
  });

  test('window: 900 s either way passes, 901 s does not', () => {
    const check = (offsetSeconds: number) =>
      verifyDataFluxSignature(signed({ now: now + offsetSeconds * 1000 }));
    expect(check(900)).toEqual({ ok: true });
    expect(check(-900)).toEqual({ ok: true });
    // The server truncates its own clock to whole seconds: 900.999 s is still 900.
    expect(check(900.999)).toEqual({ ok: true });
    expect(check(901)).toEqual({ ok: false, message: 'Invalid Access Key timestamp' });
    expect(check(-901)).toEqual({ ok: false, message: 'Invalid Access Key timestamp' });
    expect(verifyDataFluxSignature(signed({ now: now + 60_000, windowSeconds: 30 }))).toEqual({
      ok: false,
      message: 'Invalid Access Key timestamp',
    });
  });

  test('signs the raw timestamp header, not the number parsed from it', () => {
    const good = signed();
    const padded = { ...good.headers, timestamp: `${good.headers.timestamp}.0` };
    expect(verifyDataFluxSignature({ ...good, headers: padded })).toEqual({
      ok: false,
      message: 'Invalid Access Key sign',
    });
  });

  test('upper-case hex is not the same sign (the server compares strings)', () => {
    const good = signed();
    const upper = { ...good.headers, sign: good.headers.sign!.toUpperCase() };
    expect(verifyDataFluxSignature({ ...good, headers: upper }).ok).toBe(false);
  });

  test('a missing body verifies like {}', () => {
    const timestamp = String(now / 1000);
    const { sign } = dataFluxSign({
      method: 'GET',
      pathWithQuery: '/a',
      timestamp,
      nonce: 'n',
      body: null,
      akSecret,
    });
    const input = {
      method: 'GET',
      pathWithQuery: '/a',
      headers: { id: 'k', timestamp, nonce: 'n', sign },
      akSecret,
      now,
    };
    expect(verifyDataFluxSignature({ ...input, body: undefined })).toEqual({ ok: true });
    expect(verifyDataFluxSignature({ ...input, body: {} })).toEqual({ ok: true });
  });

  test('tampering with any signed part fails with "Invalid Access Key sign"', () => {
    const good = signed();
    const flip = (s: string, i: number) =>
      s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom('path', 'nonce', 'sign', 'body', 'method', 'secret'),
        (n, part) => {
          let input: DataFluxVerifyInput;
          switch (part) {
            case 'path':
              input = {
                ...good,
                pathWithQuery: flip(good.pathWithQuery, n % good.pathWithQuery.length),
              };
              break;
            case 'nonce':
            case 'sign': {
              const value = good.headers[part]!;
              input = {
                ...good,
                headers: { ...good.headers, [part]: flip(value, n % value.length) },
              };
              break;
            }
            case 'body':
              input = { ...good, body: { kwargs: { q: flip('he said "hi"', n % 12), n: 1.5 } } };
              break;
            case 'method':
              input = { ...good, method: 'PUT' };
              break;
            default:
              input = { ...good, akSecret: flip(akSecret, n % akSecret.length) };
          }
          expect(verifyDataFluxSignature(input)).toEqual({
            ok: false,
            message: 'Invalid Access Key sign',
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('rejects bad options with RangeErrors that carry no secret', () => {
    expect(() => verifyDataFluxSignature(signed({ now: Number.NaN }))).toThrow(RangeError);
    expect(() => verifyDataFluxSignature(signed({ windowSeconds: -1 }))).toThrow(/windowSeconds/);
    try {
      verifyDataFluxSignature(signed({ now: Number.NaN }));
    } catch (error) {
      expect((error as Error).message).not.toContain(akSecret);
    }
  });
});
