import { describe, expect, test } from 'vitest';
import {
  EXTRA_VECTORS_DIR,
  type JitaiRequestVector,
  type JitaiResponseVector,
  readVectors,
} from '../../../../test/vectors/load.js';
import { SignetSignatureError } from '../errors.js';
import { parseLossless } from '../json/lossless.js';
import type { LosslessObject } from '../json/lossless-number.js';
import { jitaiParamStr } from './param-str.js';
import { jitaiSign } from './sign.js';
import { verifyJitaiResponse } from './verify.js';

const requests = readVectors<JitaiRequestVector>('jitai/requests.json');
const responses = readVectors<JitaiResponseVector>('jitai/responses.json');
const masking = readVectors<JitaiRequestVector>('jitai/masking.json', EXTRA_VECTORS_DIR);

describe('jitai/requests.json', () => {
  test('holds every case it announces', () => {
    expect(requests.cases).toHaveLength(requests.count);
    expect(requests.count).toBeGreaterThanOrEqual(60);
  });

  test.each(requests.cases.map((c) => [c.name, c] as const))('%s (lossless args)', (_, c) => {
    const args = parseLossless(c.argsJson) as LosslessObject;
    const options = { timestamp: c.timestamp, secret: c.secret };
    expect(jitaiParamStr(args, options)).toBe(c.paramStr);
    expect(jitaiParamStr(args, { ...options, masked: true })).toBe(c.paramStrMasked);
    expect(jitaiSign(args, options)).toBe(c.accessSign);
  });

  const plain = requests.cases.filter((c) => !c.needsLosslessNumbers);
  test.each(plain.map((c) => [c.name, c] as const))('%s (JSON.parse args)', (_, c) => {
    const args = JSON.parse(c.argsJson) as Record<string, unknown>;
    const options = { timestamp: c.timestamp, secret: c.secret };
    expect(jitaiParamStr(args, options)).toBe(c.paramStr);
    expect(jitaiParamStr(args, { ...options, masked: true })).toBe(c.paramStrMasked);
    expect(jitaiSign(args, options)).toBe(c.accessSign);
  });

  test('JSON.parse breaks most of the cases marked needsLosslessNumbers', () => {
    // Marked conservatively: `1e+100` is flagged, yet JS writes it as a float too.
    const lossy = requests.cases.filter((c) => c.needsLosslessNumbers);
    const broken = lossy.filter((c) => {
      const args = JSON.parse(c.argsJson) as Record<string, unknown>;
      return jitaiParamStr(args, { timestamp: c.timestamp, secret: c.secret }) !== c.paramStr;
    });
    expect(lossy.length).toBeGreaterThan(0);
    expect(broken.length).toBeGreaterThan(lossy.length / 2);
  });
});

describe('extra/jitai/masking.json (signet’s own cases)', () => {
  test('holds every case it announces', () => {
    expect(masking.cases).toHaveLength(masking.count);
  });

  test.each(masking.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const options = { timestamp: c.timestamp, secret: c.secret };
    for (const args of [JSON.parse(c.argsJson), parseLossless(c.argsJson) as LosslessObject]) {
      expect(jitaiParamStr(args, options)).toBe(c.paramStr);
      expect(jitaiParamStr(args, { ...options, masked: true })).toBe(c.paramStrMasked);
      expect(jitaiSign(args, options)).toBe(c.accessSign);
    }
  });

  test('masking the joined string instead would get most of these cases wrong', () => {
    // The old recipe: split on &, mask every part whose text before = is `secret`.
    const joinedMask = (paramStr: string) =>
      paramStr
        .split('&')
        .map((part) => (part.split('=')[0] === 'secret' ? 'secret=*********************' : part))
        .join('&');
    const wrong = masking.cases.filter((c) => joinedMask(c.paramStr) !== c.paramStrMasked);
    expect(wrong.length).toBeGreaterThanOrEqual(masking.count - 1);
  });
});

describe('jitai/responses.json', () => {
  test('holds every case it announces', () => {
    expect(responses.cases).toHaveLength(responses.count);
  });

  test.each(responses.cases.map((c, i) => [`${i} ${c.name}`, c] as const))('%s', (_, c) => {
    const run = () => verifyJitaiResponse(c.bodyText, { secret: c.secret, now: c.now });
    if (c.expect === 'ok') {
      expect(run).not.toThrow();
      return;
    }
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect((error as SignetSignatureError).problem).toBe(c.expect);
  });
});
