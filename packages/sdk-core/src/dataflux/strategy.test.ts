// One serialization per attempt: dataflux() writes the body once (wire text + jsonDumps,
// from the same value). The signature must equal the one the server computes from its
// JSON.parse of the wire text.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AuthSignState } from '../auth/types.js';
import { nobleCrypto } from '../crypto/provider.js';
import { secureRandom } from '../crypto/random.js';
import { LosslessNumber } from '../json/lossless.js';
import { dataflux } from './strategy.js';

const AK = { akId: 'ak-one-write', akSecret: 'dff-one-write-secret' };
const NOW = 1_764_000_000_000;

const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 1e21, 1e-7, 2 ** 53 + 2, 0.1),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.constantFrom('1.0', '1e400', '12345678901234567890').map((l) => new LosslessNumber(l)),
    fc.constantFrom(true, false, null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'B', '～', '😀', '"q', 'ä'), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/**
 * The server's jsonDumps, written here from the official SDK's description (PROTOCOLS §2)
 * and independent of signet's dfJsonDumps: default-sorted keys, strings wrapped in
 * quotes without escaping, everything else through String().
 */
function serverJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serverJsonDumps).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `"${k}":${serverJsonDumps(record[k])}`)
      .join(',')}}`;
  }
  return typeof value === 'string' ? `"${value}"` : String(value);
}

describe('dataflux(): the body written once, signed from the same value', () => {
  const auth = dataflux(AK);

  test('the signature equals the one of the server’s JSON.parse of the wire text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 4 }), (body) => {
        const written = auth.write!(body);
        const state = {
          method: 'POST',
          url: new URL('https://dff.test/api/v1/func/f?x=%20y'),
          headers: new Headers(),
          bodyText: written.text,
          canonical: written.canonical,
          now: NOW,
          attempt: 0,
          challenge: undefined,
          random: secureRandom,
          crypto: nobleCrypto,
        } satisfies AuthSignState<string>;
        auth.sign!(state);
        // What the server does: JSON.parse of the bytes received, its own jsonDumps, MD5, HMAC.
        const stringToSign = [
          'POST',
          '/api/v1/func/f?x=%20y',
          state.headers.get('X-Dff-Ak-Timestamp'),
          state.headers.get('X-Dff-Ak-Nonce'),
          createHash('md5')
            .update(serverJsonDumps(JSON.parse(written.text) || {}))
            .digest('hex'),
        ].join('&');
        expect(state.headers.get('X-Dff-Ak-Sign')).toBe(
          createHmac('sha1', AK.akSecret).update(stringToSign).digest('hex'),
        );
      }),
      { numRuns: 400 },
    );
  });
});
