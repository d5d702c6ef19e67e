import { describe, expect, test } from 'vitest';
import { SignetApiError, SignetHttpError } from '../errors.js';
import { Redactor, redactError, redactText, secretForms } from './redact.js';
import { excerpt } from './response.js';

const SECRET = 's3cret/tok+en=é';
const bytes = new TextEncoder().encode(SECRET);
/** The forms, computed here with the platform's own encoders (not the code under test). */
const b64 = btoa(String.fromCharCode(...bytes));
const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const FORMS = {
  raw: SECRET,
  encodeURIComponent: encodeURIComponent(SECRET),
  'encodeURIComponent, lower-case escapes': encodeURIComponent(SECRET).replace(
    /%[0-9A-F]{2}/g,
    (e) => e.toLowerCase(),
  ),
  'form-urlencoded': new URLSearchParams({ a: SECRET }).toString().slice(2),
  'JSON-escaped, ASCII only': '"s3cret/tok+en=\\u00e9"'.slice(1, -1),
  base64: b64,
  'base64, unpadded': b64.replace(/=+$/, ''),
  base64url: b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
  hex,
  HEX: hex.toUpperCase(),
};

describe('secretForms', () => {
  test.each(Object.entries(FORMS))('masks the %s form', (_name, form) => {
    expect(secretForms(SECRET)).toContain(form);
    expect(redactText(`before ${form} after`, [SECRET])).toBe('before *** after');
  });

  test('short values are no secrets worth masking', () => {
    expect(secretForms('abc')).toEqual([]);
    expect(redactText('abc', ['abc'])).toBe('abc');
  });

  test('a lone surrogate has no URL form, and does not throw', () => {
    expect(() => secretForms('ab\ud800cd')).not.toThrow();
    expect(redactText('x ab\ud800cd y', ['ab\ud800cd'])).toBe('x *** y');
  });

  test('a secret cut by an excerpt is masked up to the cut', () => {
    const text = excerpt(`${'x'.repeat(190)}${SECRET}${'y'.repeat(50)}`);
    expect(text).toContain('s3cret/tok…');
    expect(redactText(text, [SECRET])).toBe(`${'x'.repeat(190)}***…`);
  });
});

describe('Redactor.value', () => {
  test('masks strings and keys however nested, copying only what changed', () => {
    const shared = { untouched: [1, 2, 'plain'] };
    const value = { a: { b: [`x ${SECRET}`, { [SECRET]: 1 }] }, shared, n: 42n };
    const clean = new Redactor([SECRET]).value(value);
    expect(clean).toEqual({ a: { b: ['x ***', { '***': 1 }] }, shared, n: 42n });
    expect(clean.shared).toBe(shared);
    expect(value.a.b[0]).toBe(`x ${SECRET}`);
  });

  test('Headers and URLs', () => {
    const r = new Redactor([SECRET]);
    const headers = r.value(new Headers({ 'x-echo': `v=${SECRET}` }));
    expect(Object.fromEntries(headers)).toEqual({ 'x-echo': 'v=***' });
    const url = r.value(new URL(`https://h/p?t=${encodeURIComponent(SECRET)}`));
    expect(String(url)).toBe('https://h/p?t=***');
  });
});

describe('Redactor.error', () => {
  test('every own field, the cause chain, toJSON and toString', () => {
    const cause = new Error(`socket said ${b64}`);
    const error = new SignetApiError(`failed: ${SECRET}`, {
      status: 401,
      errcode: 20005,
      detail: { echo: { header: `Bearer ${SECRET}` } },
      platformMessage: `bad token ${hex}`,
      cause,
    });
    expect(redactError(error, [SECRET])).toBe(error);
    const shown = `${error.message}${error.stack}${String(error)}${JSON.stringify(error)}${cause.message}${cause.stack}`;
    for (const form of Object.values(FORMS)) expect(shown).not.toContain(form);
    expect(error.detail).toEqual({ echo: { header: 'Bearer ***' } });
    expect(error.platformMessage).toBe('bad token ***');
    expect(error.cause).toBe(cause);
  });

  test('response headers, url and location of an HTTP error', () => {
    const error = new SignetHttpError('HTTP 302 redirect', {
      status: 302,
      headers: new Headers({ location: `/x?t=${encodeURIComponent(SECRET)}` }),
      body: [`${SECRET}`],
      url: `http://h/?t=${encodeURIComponent(SECRET)}`,
      location: `/x?t=${encodeURIComponent(SECRET)}`,
    });
    redactError(error, [SECRET]);
    expect(error.headers.get('location')).toBe('/x?t=***');
    expect(error.url).toBe('http://h/?t=***');
    expect(error.location).toBe('/x?t=***');
    expect(error.body).toEqual(['***']);
  });

  test('a cause that cannot be cleaned is replaced, not kept', () => {
    const frozen = Object.freeze(new Error(`frozen ${SECRET}`));
    const error = new SignetApiError('outer', { status: 500, errcode: 1, cause: frozen });
    redactError(error, [SECRET]);
    expect(error.cause).not.toBe(frozen);
    expect((error.cause as Error).message).toBe('frozen ***');
    expect(String((error.cause as Error).stack)).not.toContain(SECRET);
  });

  test('cycles end', () => {
    const error = new Error(`a ${SECRET}`) as Error & { self?: unknown };
    error.self = error;
    error.cause = error;
    expect(redactError(error, [SECRET]).message).toBe('a ***');
  });
});
