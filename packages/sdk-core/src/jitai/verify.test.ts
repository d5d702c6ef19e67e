import { describe, expect, test } from 'vitest';
import type { CryptoProvider } from '../crypto/provider.js';
import { nobleCrypto } from '../crypto/provider.js';
import {
  type SignatureProblem,
  SignetApiError,
  SignetDecodeError,
  SignetSignatureError,
} from '../errors.js';
import { parseLossless } from '../json/lossless.js';
import type { LosslessJson } from '../json/lossless-number.js';
import { pyJsonDumps } from '../json/pyjson.js';
import { signJitaiResponse } from './respond.js';
import { jitaiSign } from './sign.js';
import { verifyJitaiData, verifyJitaiResponse } from './verify.js';

const SECRET = 'verify-secret-0123456789';
const NOW = 1764147831853;

function envelope(data: unknown, extra: Record<string, unknown> = {}): string {
  return pyJsonDumps({
    errcode: 0,
    errmsg: null,
    requestId: 'req-1',
    sysTime: NOW,
    duration: 3,
    data,
    ...extra,
  });
}

function problem(run: () => unknown): SignatureProblem {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect((error as Error).message).not.toContain(SECRET);
    return (error as SignetSignatureError).problem;
  }
  throw new Error('verified');
}

describe('verifyJitaiResponse', () => {
  test('returns the verified result, with big integers exact', () => {
    const result = { orderId: 'A-1', ratio: new Date(0), big: 2n ** 64n, list: [1.5, 'x'] };
    const signed = signJitaiResponse(result, { secret: SECRET, timestamp: NOW });
    expect(verifyJitaiResponse(envelope(signed), { secret: SECRET, now: NOW })).toEqual({
      orderId: 'A-1',
      ratio: '1970-01-01T00:00:00.000Z',
      big: 2n ** 64n,
      list: [1.5, 'x'],
    });
    const asString = verifyJitaiResponse(envelope(signed), {
      secret: SECRET,
      now: NOW,
      bigint: 'string',
    });
    expect((asString as { big: unknown }).big).toBe('18446744073709551616');
  });

  test('verifies what the wire says: 1.0 stays a float', () => {
    // The server signed the float 1.0; JSON.parse would make it the int 1 and fail.
    const tree = parseLossless('{"data":{"ratio":1.0}}') as { data: LosslessJson };
    const accessSign = jitaiSign(tree as never, { timestamp: NOW, secret: SECRET });
    const text = `{"errcode":0,"data":{"data":{"ratio":1.0},"timestamp":${NOW},"accessSign":"${accessSign}"}}`;
    expect(verifyJitaiResponse(text, { secret: SECRET, now: NOW })).toEqual({ ratio: 1 });
    const asInt = text.replace('1.0', '1');
    expect(problem(() => verifyJitaiResponse(asInt, { secret: SECRET, now: NOW }))).toBe(
      'bad-signature',
    );
  });

  test('serialized with JSON.stringify, plain results verify too', () => {
    const signed = signJitaiResponse([{ a: 0.5, b: 'é😀', c: null }], {
      secret: SECRET,
      timestamp: NOW,
    });
    const text = JSON.stringify({ errcode: 0, errmsg: null, data: signed });
    expect(verifyJitaiResponse(text, { secret: SECRET, now: NOW })).toEqual([
      { a: 0.5, b: 'é😀', c: null },
    ]);
  });

  test('the window is ±300 000 ms inclusive, and configurable', () => {
    const text = envelope(signJitaiResponse('ok', { secret: SECRET, timestamp: NOW }));
    expect(verifyJitaiResponse(text, { secret: SECRET, now: NOW + 300_000 })).toBe('ok');
    expect(verifyJitaiResponse(text, { secret: SECRET, now: NOW - 300_000 })).toBe('ok');
    expect(problem(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW + 300_001 }))).toBe(
      'expired',
    );
    expect(problem(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW - 300_001 }))).toBe(
      'expired',
    );
    expect(
      problem(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW + 1001, windowMs: 1000 })),
    ).toBe('expired');
  });

  test('says how far off an expired timestamp is', () => {
    const text = envelope(signJitaiResponse('ok', { secret: SECRET, timestamp: NOW }));
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW + 301_500 })).toThrow(
      'JitAi response timestamp is 301.500 s older than the local clock (allowed: 300 s)',
    );
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW - 3_600_000 })).toThrow(
      'JitAi response timestamp is 3600.000 s ahead of the local clock (allowed: 300 s)',
    );
  });

  test('a missing timestamp or signature is a signature failure', () => {
    const signed = signJitaiResponse(1, { secret: SECRET, timestamp: NOW });
    const { timestamp: _t, ...noTimestamp } = signed;
    const { accessSign: _s, ...noSign } = signed;
    expect(
      problem(() => verifyJitaiResponse(envelope(noTimestamp), { secret: SECRET, now: NOW })),
    ).toBe('missing-timestamp');
    expect(problem(() => verifyJitaiResponse(envelope(noSign), { secret: SECRET, now: NOW }))).toBe(
      'missing-signature',
    );
    const badTs = { ...signed, timestamp: 'yesterday' };
    expect(problem(() => verifyJitaiResponse(envelope(badTs), { secret: SECRET, now: NOW }))).toBe(
      'bad-timestamp',
    );
    const numericSign = { ...signed, accessSign: 123 };
    expect(
      problem(() => verifyJitaiResponse(envelope(numericSign), { secret: SECRET, now: NOW })),
    ).toBe('bad-signature');
  });

  test('an extra field next to data is covered by the signature, not ignored', () => {
    const signed = signJitaiResponse({ x: 1 }, { secret: SECRET, timestamp: NOW });
    const injected = { ...signed, admin: true };
    expect(
      problem(() => verifyJitaiResponse(envelope(injected), { secret: SECRET, now: NOW })),
    ).toBe('bad-signature');
    // A server that signs the extra field too is fine: every field left is signed.
    const both = { data: { x: 1 }, note: 'n' };
    const accessSign = jitaiSign(both, { timestamp: NOW, secret: SECRET });
    const text = envelope({ ...both, timestamp: NOW, accessSign });
    expect(verifyJitaiResponse(text, { secret: SECRET, now: NOW })).toEqual({ x: 1 });
  });

  test('the wrong secret, a changed result or an upper-case signature fail', () => {
    const signed = signJitaiResponse({ amount: 12.5 }, { secret: SECRET, timestamp: NOW });
    const text = envelope(signed);
    expect(problem(() => verifyJitaiResponse(text, { secret: `${SECRET}x`, now: NOW }))).toBe(
      'bad-signature',
    );
    const changed = text.replace('12.5', '12.6');
    expect(problem(() => verifyJitaiResponse(changed, { secret: SECRET, now: NOW }))).toBe(
      'bad-signature',
    );
    const upper = text.replace(signed.accessSign, signed.accessSign.toUpperCase());
    expect(problem(() => verifyJitaiResponse(upper, { secret: SECRET, now: NOW }))).toBe(
      'bad-signature',
    );
  });

  test('data that no server could have signed is a bad signature, not a crash', () => {
    const text = `{"errcode":0,"data":{"data":"\\ud800","timestamp":${NOW},"accessSign":"00"}}`;
    expect(problem(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW }))).toBe(
      'bad-signature',
    );
    const collide = `{"errcode":0,"data":{"data":1,"DATA":2,"timestamp":${NOW},"accessSign":"00"}}`;
    expect(problem(() => verifyJitaiResponse(collide, { secret: SECRET, now: NOW }))).toBe(
      'bad-signature',
    );
  });

  test('errcode != 0 is a SignetApiError with the platform fields', () => {
    const text = '{"errcode":20005,"errmsg":"Authentication failed","requestId":"r-9","data":null}';
    let error: unknown;
    try {
      verifyJitaiResponse(text, { secret: SECRET, now: NOW });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SignetApiError);
    expect(error).toMatchObject({
      status: 200,
      errcode: 20005,
      requestId: 'r-9',
      platformMessage: 'Authentication failed',
      message:
        "JitAi answered errcode 20005: Authentication failed (authentication failed: check accessKey/accessSecret, that the API is in the key's `apis` list, and the local clock)",
    });
  });

  test.each([
    ['not json', 'Unexpected character'],
    ['[1]', 'JitAi response is not a JSON object'],
    ['{"errmsg":null}', 'JitAi response has no errcode'],
    ['{"errcode":0}', 'JitAi response has errcode 0 but no data'],
    ['{"errcode":0,"data":[1]}', 'JitAi response `data` is not an object'],
  ])('%s is a SignetDecodeError', (text, message) => {
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW })).toThrow(
      SignetDecodeError,
    );
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW })).toThrow(message);
  });

  test('a signed envelope without data.data is a decode error after verification', () => {
    const rest = { other: 1 };
    const accessSign = jitaiSign(rest, { timestamp: NOW, secret: SECRET });
    const text = envelope({ ...rest, timestamp: NOW, accessSign });
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: NOW })).toThrow(
      'signed JitAi response has no data.data',
    );
  });

  test('hashes with the crypto provider it is given', () => {
    const calls: string[] = [];
    const crypto: CryptoProvider = {
      name: 'counting',
      hash: (algorithm, data) => {
        calls.push(algorithm);
        return nobleCrypto.hash(algorithm, data);
      },
      hmac: (algorithm, key, data) => nobleCrypto.hmac(algorithm, key, data),
    };
    const signed = signJitaiResponse('x', { secret: SECRET, timestamp: NOW, crypto });
    verifyJitaiData(parseLossless(pyJsonDumps(signed)), { secret: SECRET, now: NOW, crypto });
    expect(calls).toEqual(['sha1', 'sha1']);
  });
});

// The protocol's own limits (README, "What a JitAi response signature does not cover"):
// these pass because the platform's recipe allows them, and the README says so.
describe('what a JitAi response signature does not cover', () => {
  const signedAs = (signed: unknown, sent: unknown) => {
    const { timestamp, accessSign } = signJitaiResponse(signed, { secret: SECRET, timestamp: NOW });
    return envelope({ data: sent, timestamp, accessSign });
  };

  test('the type of data: a signed string "42" verifies as the number 42', () => {
    expect(verifyJitaiResponse(signedAs('42', 42), { secret: SECRET, now: NOW })).toBe(42);
    expect(
      verifyJitaiResponse(signedAs('{"role":"admin"}', { role: 'admin' }), {
        secret: SECRET,
        now: NOW,
      }),
    ).toEqual({ role: 'admin' });
  });

  test('field splitting: a signed "balance=100&data2=zzz" verifies as two fields', () => {
    const { timestamp, accessSign } = signJitaiResponse('balance=100&data2=zzz', {
      secret: SECRET,
      timestamp: NOW,
    });
    const split = envelope({ data: 'balance=100', data2: 'zzz', timestamp, accessSign });
    expect(verifyJitaiResponse(split, { secret: SECRET, now: NOW })).toBe('balance=100');
  });

  test('replay within the window: the same signed answer verifies for any request', () => {
    const captured = signedAs({ orderId: '1' }, { orderId: '1' });
    for (const now of [NOW, NOW + 299_000]) {
      expect(verifyJitaiResponse(captured, { secret: SECRET, now })).toEqual({ orderId: '1' });
    }
    expect(() => verifyJitaiResponse(captured, { secret: SECRET, now: NOW + 300_001 })).toThrow(
      SignetSignatureError,
    );
  });
});
