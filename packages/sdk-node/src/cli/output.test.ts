import { describe, expect, test } from 'vitest';
import { formatJson, Masker } from './output.js';

describe('formatJson', () => {
  test('bigints as exact integers, everything else as JSON.stringify with two spaces', () => {
    const value = { a: 2n ** 70n, b: [-(2n ** 64n), 1.5, 'x'], c: undefined, d: null };
    expect(formatJson(value)).toBe(
      '{\n  "a": 1180591620717411303424,\n  "b": [\n    -18446744073709551616,\n    1.5,\n    "x"\n  ],\n  "d": null\n}',
    );
    expect(formatJson(undefined)).toBe('null');
    expect(formatJson(42n)).toBe('42');
  });

  test('strings that look like the internal bigint mark stay strings', () => {
    const tricky = '\u0000ffffffff-ffff-4fff-8fff-ffffffffffff:12';
    expect(JSON.parse(formatJson({ tricky }))).toEqual({ tricky });
  });

  test('Headers print as an object of lower-case names', () => {
    expect(JSON.parse(formatJson(new Headers({ 'X-A': '1' })))).toEqual({ 'x-a': '1' });
  });
});

describe('Masker', () => {
  test('masks raw, JSON-escaped and URL-encoded forms; leaves short values alone', () => {
    const masker = new Masker();
    masker.add('s3cr"et/+');
    masker.add('abc');
    masker.add(undefined);
    const text = `raw s3cr"et/+ json ${JSON.stringify('s3cr"et/+')} url ${encodeURIComponent('s3cr"et/+')} abc`;
    expect(masker.mask(text)).toBe('raw *** json "***" url *** abc');
  });

  test('masks the base64 and hex forms too (the SDK redaction’s forms, one list)', () => {
    const masker = new Masker();
    masker.add('cli-secret-42');
    const b64 = Buffer.from('cli-secret-42').toString('base64');
    const hex = Buffer.from('cli-secret-42').toString('hex');
    const text = `b64 ${b64} b64url ${Buffer.from('cli-secret-42').toString('base64url')} hex ${hex} HEX ${hex.toUpperCase()}`;
    expect(masker.mask(text)).toBe('b64 *** b64url *** hex *** HEX ***');
  });

  test('a secret holding another is masked whole', () => {
    const masker = new Masker();
    masker.add('token');
    masker.add('token-long-value');
    expect(masker.mask('x token-long-value y token')).toBe('x *** y ***');
  });
});
