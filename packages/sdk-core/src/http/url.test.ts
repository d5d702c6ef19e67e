import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { parseBaseUrl } from './config.js';
import { guardInsecureHttp, isLoopbackHost, resolveUrl } from './url.js';

const base = parseBaseUrl('https://host.example/api/org/app');

describe('resolveUrl', () => {
  test('keeps the base path, with or without a leading slash', () => {
    expect(resolveUrl(base, 'services/OrderSvc/query').href).toBe(
      'https://host.example/api/org/app/services/OrderSvc/query',
    );
    expect(resolveUrl(base, '/services/x').href).toBe(
      'https://host.example/api/org/app/services/x',
    );
  });

  test('keeps the query exactly and appends extra fields', () => {
    const url = resolveUrl(base, 'a?b=%20x&c=1', { d: 2, e: undefined });
    expect(url.pathname + url.search).toBe('/api/org/app/a?b=%20x&c=1&d=2');
  });

  test.each(['https://evil.example/x', '//evil.example/x', 'a/../../x', './a'])(
    'refuses %s',
    (path) => {
      expect(() => resolveUrl(base, path)).toThrow(SignetConfigError);
    },
  );
});

describe('parseBaseUrl', () => {
  test.each([
    ['', 'baseUrl is required'],
    ['host/api', 'not an absolute URL'],
    ['ftp://host/', 'must be http: or https:'],
    ['https://u:p@host/', 'must not contain credentials'],
    ['https://host/?a=1', 'must not contain a query'],
  ])('refuses %j', (value, message) => {
    expect(() => parseBaseUrl(value)).toThrow(message);
  });
});

describe('plain-http guard', () => {
  test.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.9.8.7',
    '127.1',
    '2130706433',
    '0x7f000001',
    '[::1]',
    '::1',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
  ])('%s is loopback', (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });
  test.each([
    '10.0.0.1',
    'example.com',
    '128.0.0.1',
    '0.0.0.0',
    '[::2]',
    '[::ffff:10.0.0.1]',
    'localhost.evil.com',
    '127.0.0.1.evil.com',
    'localhost.',
    // Node resolves these through DNS: any address may come back.
    'a.localhost',
    'evil.localhost',
    'EVIL.LOCALHOST',
    '',
  ])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });

  test('*.localhost counts only when asked', () => {
    expect(isLoopbackHost('evil.localhost', { localhostSubdomains: true })).toBe(true);
    expect(isLoopbackHost('a.b.localhost', { localhostSubdomains: true })).toBe(true);
    expect(isLoopbackHost('localhost.evil.com', { localhostSubdomains: true })).toBe(false);
  });

  test('refuses credentials over http to a remote host unless allowed', () => {
    const url = new URL('http://api.example.com/x');
    expect(() => guardInsecureHttp(url, true, false)).toThrow(
      /Refusing to send credentials over plain http/,
    );
    expect(() => guardInsecureHttp(url, true, true)).not.toThrow();
    expect(() => guardInsecureHttp(url, true, 'localhost-subdomains')).toThrow(SignetConfigError);
    expect(() => guardInsecureHttp(url, false, false)).not.toThrow();
    expect(() => guardInsecureHttp(new URL('https://api.example.com/'), true, false)).not.toThrow();
    expect(() => guardInsecureHttp(new URL('http://127.0.0.1:8080/'), true, false)).not.toThrow();
  });

  test('http://evil.localhost is refused, and says how to opt in', () => {
    const url = new URL('http://evil.localhost:8080/x');
    expect(() => guardInsecureHttp(url, true, false)).toThrow(/'localhost-subdomains'/);
    expect(() => guardInsecureHttp(url, true, 'localhost-subdomains')).not.toThrow();
  });
});
