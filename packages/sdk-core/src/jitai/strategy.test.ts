// One serialization per attempt: jitai() writes the body once (wire text + paramStr
// parts, from the same value) and signs from those parts. Whatever the args, the
// signature must equal the one computed from what the server parses of the wire text.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AuthSignState } from '../auth/types.js';
import { nobleCrypto } from '../crypto/provider.js';
import { secureRandom } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
import { LosslessNumber, parseLossless } from '../json/lossless.js';
import type { LosslessObject } from '../json/lossless-number.js';
import type { JitaiSignedArgs } from './params.js';
import { jitaiSign } from './sign.js';
import { jitai } from './strategy.js';

const SECRET = 'one-write-secret';
const NOW = 1_764_000_000_123;

/** JS values with the numbers Python reads differently from JS: 1.0, -0.0, big ints, 1e21. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 1e21, 1e-7, 2 ** 53, 0.1, 100),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc
      .constantFrom('1.0', '-0.0', '1e+16', '12345678901234567890', '1E-5')
      .map((l) => new LosslessNumber(l)),
    fc.constantFrom(true, false, null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'B', '～', '😀', 'z9', 'ä'), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const argKey = fc.constantFrom('orderId', 'items', 'Total', '😀', '～', 'note', 'x');
const args = fc.dictionary(argKey, value, { maxKeys: 5 });

function signState(text: string | undefined, canonical: JitaiSignedArgs | undefined) {
  return {
    method: 'POST',
    url: new URL('https://h/api/o/a/services/S/f'),
    headers: new Headers(),
    bodyText: text,
    canonical,
    now: NOW,
    attempt: 0,
    challenge: undefined,
    random: secureRandom,
    crypto: nobleCrypto,
  } satisfies AuthSignState<JitaiSignedArgs>;
}

describe('jitai(): the body written once, signed from the same value', () => {
  const auth = jitai({ accessKey: 'ak', accessSecret: SECRET });

  test('the signature equals the one of the server’s (lossless, Python) parse of the wire text', () => {
    fc.assert(
      fc.property(args, (input) => {
        const written = auth.write!(input);
        const state = signState(written.text, written.canonical);
        auth.sign!(state);
        const server = parseLossless(written.text) as LosslessObject;
        expect(state.headers.get('accessSign')).toBe(
          jitaiSign(server, { timestamp: NOW, secret: SECRET }),
        );
      }),
      { numRuns: 400 },
    );
  });

  test('the hidden-number cases, spelled out', () => {
    for (const input of [
      { n: new LosslessNumber('1.0') },
      { n: -0 },
      { n: 12345678901234567890n },
      { n: 1e21 },
      { n: [new LosslessNumber('-0.0'), 0.1] },
    ]) {
      const written = auth.write!(input);
      const state = signState(written.text, written.canonical);
      auth.sign!(state);
      const server = parseLossless(written.text) as LosslessObject;
      expect(state.headers.get('accessSign')).toBe(
        jitaiSign(server, { timestamp: NOW, secret: SECRET }),
      );
    }
  });

  test('no body is signed as {}', () => {
    const state = signState(undefined, undefined);
    auth.sign!(state);
    expect(state.headers.get('accessSign')).toBe(jitaiSign({}, { timestamp: NOW, secret: SECRET }));
  });

  test('args the server would read otherwise are refused by write, before anything is sent', () => {
    expect(() => auth.write!({ orderId: 1, orderid: 2 })).toThrow(SignetConfigError);
    expect(() => auth.write!({ a: Number.NaN })).toThrow('args.a is NaN');
    expect(() => auth.write!([1])).toThrow('args must be a plain object');
  });
});
