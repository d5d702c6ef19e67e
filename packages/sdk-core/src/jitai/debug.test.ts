import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isWellFormed } from '../json/quote.js';
import { utf8Base64Ascii } from './base64.js';
import { JITAI_SECRET_MASK } from './constants.js';
import { diffParamStr } from './diff.js';
import { jitaiRequestHeaders } from './headers.js';
import { maskJitaiParamStr } from './param-str.js';
import { signJitaiParamStr } from './sign.js';

describe('diffParamStr', () => {
  const ours =
    'amount=12.5&items=[{"price":1.0,"sku":"A"}]&secret=*********************&timestamp=1764000000000';

  test('reports identical strings', () => {
    expect(diffParamStr(ours, ours)).toEqual({ identical: true });
  });

  test('shows the first difference with context on both sides', () => {
    const theirs = ours.replace('"price":1.0', '"price":1');
    const diff = diffParamStr(ours, theirs);
    expect(diff.identical).toBe(false);
    expect(diff.index).toBe(ours.indexOf('1.0') + 1);
    expect(diff.ours).toBe('.5&items=[{"price":1.0,"sku":"A"}]&secre');
    expect(diff.theirs).toBe('.5&items=[{"price":1,"sku":"A"}]&secret=');
  });

  test('a prefix differs at its end', () => {
    expect(diffParamStr('a=1', 'a=1&b=2')).toEqual({
      identical: false,
      index: 3,
      ours: 'a=1',
      theirs: 'a=1&b=2',
    });
  });

  test('never shows a secret, even when handed an unmasked paramStr', () => {
    const unmasked = 'a=1&secret=TOPSECRET&timestamp=1';
    const diff = diffParamStr(unmasked, 'a=2&secret=*********************&timestamp=1');
    expect(JSON.stringify(diff)).not.toContain('TOPSECRET');
    expect(diff.index).toBe(2);
  });

  test('does not cut a surrogate pair in half', () => {
    const a = `${'😀'.repeat(30)}x`;
    const b = `${'😀'.repeat(30)}y`;
    const diff = diffParamStr(a, b);
    expect(diff.ours).toBe(`${'😀'.repeat(10)}x`);
    expect(isWellFormed(diff.theirs ?? '')).toBe(true);
  });
});

describe('maskJitaiParamStr', () => {
  test('masks every part named secret and is idempotent', () => {
    const masked = maskJitaiParamStr('secret&secret=&secretx=1&x=secret=1&secret=a=b');
    expect(masked).toBe(
      `${JITAI_SECRET_MASK}&${JITAI_SECRET_MASK}&secretx=1&x=secret=1&${JITAI_SECRET_MASK}`,
    );
    expect(maskJitaiParamStr(masked)).toBe(masked);
    expect(JITAI_SECRET_MASK).toBe('secret=*********************');
  });
});

describe('jitaiRequestHeaders', () => {
  test('sends the four headers, and debug only when asked', () => {
    const base = { accessKey: 'ak', timestamp: 1764000000000, accessSign: 'f'.repeat(40) };
    expect(jitaiRequestHeaders(base)).toEqual({
      accessKey: 'ak',
      timestamp: '1764000000000',
      accessSign: 'f'.repeat(40),
      'Content-Type': 'application/json',
    });
    expect(jitaiRequestHeaders({ ...base, debug: true }).debug).toBe('1');
    expect(jitaiRequestHeaders({ ...base, debug: false })).not.toHaveProperty('debug');
  });
});

describe('utf8Base64Ascii', () => {
  const text = fc.string({ unit: 'binary', maxLength: 200 });

  test('is the ASCII of Buffer’s base64, for every length and buffer reuse', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        for (const t of texts) {
          const expected = Buffer.from(Buffer.from(t, 'utf8').toString('base64'), 'ascii');
          expect(Buffer.from(utf8Base64Ascii(t))).toEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('handles texts larger than the reused buffers', () => {
    const big = 'é😀a'.repeat(40_000);
    const expected = Buffer.from(Buffer.from(big, 'utf8').toString('base64'), 'ascii');
    expect(Buffer.from(utf8Base64Ascii(big))).toEqual(expected);
    expect(Buffer.from(utf8Base64Ascii('ab'))).toEqual(Buffer.from('YWI='));
  });

  test('signJitaiParamStr is sha1 over that base64 text', () => {
    const paramStr = 'a=中文😀&secret=s&timestamp=1';
    const b64 = Buffer.from(paramStr, 'utf8').toString('base64');
    expect(signJitaiParamStr(paramStr)).toBe(createHash('sha1').update(b64).digest('hex'));
  });
});
