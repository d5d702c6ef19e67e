// Forgeries against the JitAi response check: genuinely signed envelopes, then tampered
// with — another signature, another secret, a signature for another body, a moved or
// missing timestamp, a missing signature, an extra field, a duplicate key, any character
// changed, inserted or cut. Every case ends in a typed SignetError or in a result that is
// exactly what the server signed (by the recipe's own paramStr); a result that is not is a
// forgery, and there must be none. The type gap the protocol leaves ("42" verifies as 42)
// counts as what was signed: the README says so.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzParams } from '../../../../test/reliability/fuzz-knob.js';
import { SignetError, SignetSignatureError } from '../errors.js';
import { isLosslessObject, parseLossless } from '../json/lossless.js';
import type { LosslessJson, LosslessObject } from '../json/lossless-number.js';
import { pyJsonDumps } from '../json/pyjson.js';
import { jitaiParamStr } from './param-str.js';
import { signJitaiResponse } from './respond.js';
import { verifyJitaiResponse } from './verify.js';

const SECRET = 'forgery-secret-93b1c7d2e4';
const NOW = 1_764_147_831_853;

/** The paramStr the recipe signs for a `data` member (every field but timestamp/accessSign). */
function signedParamStr(data: LosslessJson): string | undefined {
  if (!isLosslessObject(data)) return undefined;
  const rest: LosslessObject = Object.create(null);
  let timestamp: number | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'timestamp') timestamp = Number(String(value));
    else if (key !== 'accessSign') rest[key] = value;
  }
  if (timestamp === undefined || !Number.isSafeInteger(timestamp)) return undefined;
  try {
    return jitaiParamStr(rest, { timestamp, secret: SECRET });
  } catch {
    return undefined;
  }
}

type Tamper =
  | { kind: 'none' }
  | { kind: 'flip-signature'; at: number }
  | { kind: 'other-secret' }
  | { kind: 'other-body'; other: unknown }
  | { kind: 'shift-timestamp'; by: number }
  | { kind: 'drop'; field: 'timestamp' | 'accessSign' }
  | { kind: 'extra-field'; value: unknown }
  | { kind: 'duplicate-data-after'; value: unknown }
  | { kind: 'duplicate-data-before'; value: unknown }
  | { kind: 'text'; at: number; insert: string; cut: number };

const result = fc.jsonValue({ maxDepth: 3 });
const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.nat(39).map((at) => ({ kind: 'flip-signature' as const, at })),
  fc.constant({ kind: 'other-secret' as const }),
  result.map((other) => ({ kind: 'other-body' as const, other })),
  fc
    .oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(300_001, -300_001, 3_600_000))
    .filter((by) => by !== 0)
    .map((by) => ({ kind: 'shift-timestamp' as const, by })),
  fc.constantFrom('timestamp', 'accessSign').map((field) => ({ kind: 'drop' as const, field })),
  result.map((value) => ({ kind: 'extra-field' as const, value })),
  result.map((value) => ({ kind: 'duplicate-data-after' as const, value })),
  result.map((value) => ({ kind: 'duplicate-data-before' as const, value })),
  fc
    .record({ at: fc.nat(), insert: fc.string({ maxLength: 3 }), cut: fc.nat(3) })
    .map((t) => ({ kind: 'text' as const, ...t })),
);

/** The envelope text after the tampering. */
function tampered(value: unknown, how: Tamper): string {
  const signed = signJitaiResponse(value, { secret: SECRET, timestamp: NOW });
  const data: Record<string, unknown> = { ...signed };
  const envelope = (d: unknown) => pyJsonDumps({ errcode: 0, errmsg: null, sysTime: NOW, data: d });
  switch (how.kind) {
    case 'none':
      break;
    case 'flip-signature': {
      const c = signed.accessSign[how.at]!;
      const flipped = c === '0' ? '1' : '0';
      data.accessSign = `${signed.accessSign.slice(0, how.at)}${flipped}${signed.accessSign.slice(how.at + 1)}`;
      break;
    }
    case 'other-secret':
      data.accessSign = signJitaiResponse(value, {
        secret: `${SECRET}x`,
        timestamp: NOW,
      }).accessSign;
      break;
    case 'other-body':
      data.accessSign = signJitaiResponse(how.other, { secret: SECRET, timestamp: NOW }).accessSign;
      break;
    case 'shift-timestamp':
      data.timestamp = NOW + how.by;
      break;
    case 'drop':
      delete data[how.field];
      break;
    case 'extra-field':
      data.data2 = how.value;
      break;
    case 'duplicate-data-after':
    case 'duplicate-data-before': {
      // pyJsonDumps writes one key once: splice a second "data" member into the text.
      const text = envelope(data);
      const marker = '"data":{';
      const start = text.indexOf(marker) + marker.length;
      const extra = `"data":${pyJsonDumps(how.value)}`;
      if (how.kind === 'duplicate-data-before')
        return `${text.slice(0, start)}${extra},${text.slice(start)}`;
      return `${text.slice(0, -2)},${extra}}}`;
    }
    case 'text': {
      const text = envelope(data);
      const at = how.at % (text.length + 1);
      return `${text.slice(0, at)}${how.insert}${text.slice(at + how.cut)}`;
    }
  }
  return envelope(data);
}

describe('the JitAi response check accepts only what the server signed', () => {
  test('tampered envelopes: a typed refusal, or exactly the signed content', () => {
    const outcomes: Record<string, number> = { forgeries: 0 };
    const count = (key: string) => {
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    };
    fc.assert(
      fc.property(result, tamper, (value, how) => {
        const text = tampered(value, how);
        const expected = jitaiParamStr({ data: value } as Record<string, unknown>, {
          timestamp: NOW,
          secret: SECRET,
        });
        let verified: unknown;
        try {
          verified = verifyJitaiResponse(text, { secret: SECRET, now: NOW, bigint: 'bigint' });
        } catch (error) {
          if (!(error instanceof SignetError)) throw error;
          count(
            error instanceof SignetSignatureError
              ? `refused: ${error.problem}`
              : `refused: ${error.name}`,
          );
          if (how.kind === 'flip-signature' || how.kind === 'other-secret') {
            expect(error).toBeInstanceOf(SignetSignatureError);
          }
          return;
        }
        // Accepted: what was verified must be what the server signed.
        const data = (parseLossless(text) as LosslessObject).data!;
        const same = signedParamStr(data) === expected;
        const returned = (data as LosslessObject).data;
        const returnsSigned =
          returned !== undefined &&
          pyJsonDumps(verified) ===
            pyJsonDumps(parseLossless(pyJsonDumps(returned)) as LosslessJson);
        if (!same || !returnsSigned) {
          count('forgeries');
          throw new Error(`forgery accepted (${how.kind}): ${text}`);
        }
        count(how.kind === 'none' ? 'accepted: genuine' : `accepted: same content (${how.kind})`);
      }),
      fuzzParams(400, outcomes),
    );
    expect(outcomes.forgeries).toBe(0);
    // The generator reaches both sides.
    expect(outcomes['accepted: genuine'] ?? 0).toBeGreaterThan(0);
    expect(outcomes['refused: bad-signature'] ?? 0).toBeGreaterThan(0);
  });
});
