import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isWellFormed } from '../json/quote.js';
import { utf8Base64Ascii } from './base64.js';
import { JITAI_SECRET_MASK } from './constants.js';
import { diffParamStr } from './diff.js';
import { jitaiRequestHeaders } from './headers.js';
import { jitaiParamStr } from './param-str.js';
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

  test('compares the strings as given: an arg value spelling a secret part is not masked', () => {
    // The server leaves `q=a&secret=zz` alone; masking it here again would hide a real match.
    const masked = `q=a&secret=zz&${JITAI_SECRET_MASK}&timestamp=1`;
    expect(diffParamStr(masked, masked)).toEqual({ identical: true });
    const diff = diffParamStr(masked, `q=a&${JITAI_SECRET_MASK}&timestamp=1`);
    expect(diff).toMatchObject({ identical: false, index: 11 });
  });

  test('does not cut a surrogate pair in half', () => {
    const a = `${'😀'.repeat(30)}x`;
    const b = `${'😀'.repeat(30)}y`;
    const diff = diffParamStr(a, b);
    expect(diff.ours).toBe(`${'😀'.repeat(10)}x`);
    expect(isWellFormed(diff.theirs ?? '')).toBe(true);
  });
});

describe('jitaiParamStr masked', () => {
  const timestamp = 1764000000000;

  test('masks the secret part before joining: nothing of a secret holding & and = is left', () => {
    for (const secret of ['a=b&c=d', 'x&secret=y', '&=&==&', '=s&']) {
      const masked = jitaiParamStr({ z: 'last' }, { timestamp, secret, masked: true });
      expect(masked).toBe(`${JITAI_SECRET_MASK}&timestamp=${timestamp}&z=last`);
    }
    expect(JITAI_SECRET_MASK).toBe('secret=*********************');
  });

  test('leaves every other part alone, whatever it spells', () => {
    const args = { q: 'a&secret=zz', z: 'secret', secretx: '&secret', n: { secret: '&secret=1' } };
    const paramStr = jitaiParamStr(args, { timestamp, secret: 's3cr3t-value' });
    const masked = jitaiParamStr(args, { timestamp, secret: 's3cr3t-value', masked: true });
    expect(masked).toBe(paramStr.replace('&secret=s3cr3t-value&', `&${JITAI_SECRET_MASK}&`));
    expect(masked).toBe(
      `n={"secret":"&secret=1"}&q=a&secret=zz&${JITAI_SECRET_MASK}&secretx=&secret&timestamp=${timestamp}&z=secret`,
    );
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
