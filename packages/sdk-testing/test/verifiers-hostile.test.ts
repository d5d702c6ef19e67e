// Every verifier reads what an attacker controls. Whatever it is given, a verifier answers
// a verdict (or a SignetError, for the throwing ones): never a TypeError, a RangeError or
// a stack overflow, and never a message holding the secret.

import {
  parseLossless,
  SignetError,
  verifyDataFluxSignature,
  verifyHmacRequest,
  verifyHmacResponse,
  verifyJitaiResponse,
} from '@signet/sdk-core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzParams } from '../../../test/reliability/fuzz-knob.js';
import { verifyDataFluxRequest, verifyJitaiRequest } from '../src';

const SECRET = 'verifier-secret-93be1d07c6';
const now = 1_764_647_507_632;

/** Text that is often almost JSON: envelopes, cut ones, deep ones, junk. */
const text = fc.oneof(
  fc.json(),
  fc.string({ maxLength: 80 }),
  fc
    .record(
      {
        errcode: fc.oneof(fc.constant(0), fc.integer(), fc.string({ maxLength: 3 })),
        data: fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.record(
            {
              data: fc.jsonValue({ maxDepth: 2 }),
              timestamp: fc.oneof(fc.constant(now), fc.jsonValue({ maxDepth: 1 })),
              accessSign: fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 1 })),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    )
    .chain((e) =>
      fc.nat().map((n) => {
        const t = JSON.stringify(e);
        return n % 3 === 0 ? t.slice(0, n % (t.length + 1)) : t;
      }),
    ),
  fc.constantFrom(
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    '{"data":{"data":1,"timestamp":1e999,"accessSign":"x"},"errcode":0}',
    '{"data":{"data":"\\ud800","timestamp":1764647507632,"accessSign":"x"},"errcode":0}',
    '{"errcode":0,"data":{"data":1,"timestamp":-0,"accessSign":null}}',
    '\ufeff{}',
    '{"__proto__":{"x":1},"errcode":0,"data":{}}',
  ),
);
const headerValue = fc.option(
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(String(Math.floor(now / 1000)), String(now), '1e3', '-1', ' 0x10', 'NaN'),
  ),
  { nil: undefined },
);
const headerBag = fc.dictionary(
  fc.constantFrom(
    'accesskey',
    'timestamp',
    'accesssign',
    'debug',
    'content-type',
    'x-dff-ak-id',
    'x-dff-ak-timestamp',
    'x-dff-ak-nonce',
    'x-dff-ak-sign',
    'x-signet-key',
    'x-signet-timestamp',
    'x-signet-nonce',
    'x-signet-signature',
    'x-signet-content-sha256',
  ),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, '')),
  { maxKeys: 6 },
);

/** Runs `verify`; a throw must be a SignetError, and nothing may show the secret. */
function survives(verify: () => unknown, mayThrow: boolean): void {
  let outcome: unknown;
  try {
    outcome = verify();
  } catch (error) {
    if (!mayThrow || !(error instanceof SignetError)) throw error;
    outcome = error;
  }
  const shown =
    outcome instanceof Error
      ? `${outcome.message} ${JSON.stringify(outcome)}`
      : JSON.stringify(outcome, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  expect(shown ?? '').not.toContain(SECRET);
}

const runs = fuzzParams(400);

describe('verifiers on hostile input', () => {
  test('parseLossless: a value or a SignetDecodeError', () => {
    fc.assert(
      fc.property(text, (t) => survives(() => parseLossless(t), true)),
      runs,
    );
  });

  test('verifyJitaiResponse: a result or a SignetError', () => {
    fc.assert(
      fc.property(text, (t) =>
        survives(() => verifyJitaiResponse(t, { secret: SECRET, now }), true),
      ),
      runs,
    );
  });

  test('verifyDataFluxSignature: a verdict, never a throw', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: headerValue,
          timestamp: headerValue,
          nonce: headerValue,
          sign: headerValue,
        }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.string({ maxLength: 30 }),
        (headers, body, pathWithQuery) =>
          survives(
            () =>
              verifyDataFluxSignature({
                method: 'POST',
                pathWithQuery,
                headers,
                body,
                akSecret: SECRET,
                now,
              }),
            false,
          ),
      ),
      runs,
    );
  });

  test('verifyHmacRequest: a verdict, never a throw (both body-hash modes)', () => {
    fc.assert(
      fc.property(
        headerBag,
        fc.option(text, { nil: undefined }),
        fc.constantFrom('bytes', 'jcs') as fc.Arbitrary<'bytes' | 'jcs'>,
        fc.string({ maxLength: 20 }),
        (headers, body, bodyHash, method) =>
          survives(
            () =>
              verifyHmacRequest(
                { method: method || 'GET', pathWithQuery: '/x', headers, body, now },
                { secret: SECRET, bodyHash },
              ),
            false,
          ),
      ),
      runs,
    );
  });

  test('verifyHmacResponse: returns or throws a SignetError', () => {
    fc.assert(
      fc.property(
        headerBag,
        fc.option(text, { nil: undefined }),
        fc.integer({ min: 100, max: 599 }),
        (headers, body, status) =>
          survives(
            () =>
              verifyHmacResponse(
                { status, headers, body, requestNonce: 'n', now },
                { keyId: 'k', secret: SECRET, bodyHash: 'jcs' },
              ),
            true,
          ),
      ),
      runs,
    );
  });

  test('the emulators’ request verifiers: a verdict, never a throw', () => {
    fc.assert(
      fc.property(headerBag, text, fc.string({ maxLength: 30 }), (headers, bodyText, path) => {
        survives(() => verifyJitaiRequest({ headers, bodyText, secret: SECRET, now }), false);
        survives(
          () =>
            verifyDataFluxRequest({
              method: 'POST',
              url: `http://h/${path}`,
              headers,
              bodyText,
              accessKeys: [{ akId: 'id', akSecret: SECRET }],
              now,
            }),
          false,
        );
      }),
      runs,
    );
  });
});
