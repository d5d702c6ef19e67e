import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SignetDecodeError } from '../errors.js';
import { quoteString } from './authorization.js';
import { parseAuthParams, parseWwwAuthenticate } from './challenge.js';

const plain = (challenges: ReturnType<typeof parseWwwAuthenticate>) =>
  challenges.map((c) => ({ ...c, params: { ...c.params } }));

describe('parseWwwAuthenticate', () => {
  test('several challenges in one header', () => {
    const header = 'Basic realm="a", Digest realm="b", nonce="x", qop="auth,auth-int"';
    expect(plain(parseWwwAuthenticate(header))).toEqual([
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'digest', params: { realm: 'b', nonce: 'x', qop: 'auth,auth-int' } },
    ]);
  });

  test('unquoted tokens, case-insensitive names, odd whitespace and empty elements', () => {
    const header =
      ' ,DIGEST  Realm = "r" ,, NONCE=abc, algorithm=SHA-256,stale=TRUE ,\tqop="auth" , ';
    expect(plain(parseWwwAuthenticate(header))).toEqual([
      {
        scheme: 'digest',
        params: { realm: 'r', nonce: 'abc', algorithm: 'SHA-256', stale: 'TRUE', qop: 'auth' },
      },
    ]);
  });

  test('quoted strings keep commas, equals signs and escaped quotes', () => {
    const [challenge] = parseWwwAuthenticate(
      'Digest realm="a, b=\\"c\\" \\\\ d", nonce="n", opaque=""',
    );
    expect(challenge?.params.realm).toBe('a, b="c" \\ d');
    expect(challenge?.params.opaque).toBe('');
  });

  test('base64 nonces sent unquoted are read up to the comma', () => {
    const [challenge] = parseWwwAuthenticate('Digest nonce=ab+/cd==, realm=x');
    expect(challenge?.params.nonce).toBe('ab+/cd==');
    expect(challenge?.params.realm).toBe('x');
  });

  test('token68 challenges and bare schemes', () => {
    expect(plain(parseWwwAuthenticate('Negotiate, NTLM TlRMTVNTUAACAAAA==, Bearer'))).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'ntlm', params: {}, token68: 'TlRMTVNTUAACAAAA==' },
      { scheme: 'bearer', params: {} },
    ]);
    expect(parseWwwAuthenticate('Newauth abc=, Digest realm="r"')[0]?.token68).toBe('abc=');
    // RFC 7235's grammar makes a lone `name=` a token68, not an empty parameter.
    expect(parseWwwAuthenticate('Digest realm=')[0]?.token68).toBe('realm=');
  });

  test('an array of header values, and the ", "-joined form Headers.get makes', () => {
    const values = [
      'Basic realm="a"',
      'Digest realm="b", nonce="n1"',
      'Digest realm="b", nonce="n2"',
    ];
    const headers = new Headers();
    for (const value of values) headers.append('WWW-Authenticate', value);
    const joined = headers.get('WWW-Authenticate') ?? '';
    expect(joined).toBe(values.join(', '));
    const expected = [
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'digest', params: { realm: 'b', nonce: 'n1' } },
      { scheme: 'digest', params: { realm: 'b', nonce: 'n2' } },
    ];
    expect(plain(parseWwwAuthenticate(values))).toEqual(expected);
    expect(plain(parseWwwAuthenticate(joined))).toEqual(expected);
  });

  test('empty input gives no challenges', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate(' , ,')).toEqual([]);
    expect(parseWwwAuthenticate([])).toEqual([]);
  });

  test('parameter names such as __proto__ are plain data', () => {
    const [challenge] = parseWwwAuthenticate('Digest __proto__="x", constructor=y');
    const params = challenge?.params ?? {};
    expect(Object.entries(params)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf(params)).toBeNull();
  });

  test.each([
    ['Digest realm="unterminated', /unterminated quoted string/],
    ['Digest realm="a", realm="b"', /parameter "realm" appears twice/],
    ['Digest realm=My Realm', /expected "," after parameter "realm"/],
    ['Digest realm="a", nonce=', /expected a value for parameter "nonce"/],
    ['Digest realm="a"nonce="b"', /expected "," after parameter "realm"/],
    ['Digest realm="a\u0000"', /control character/],
    ['Digest realm="a\r\nX-Injected: 1"', /control character/],
    ['"Digest"', /expected an auth-scheme/],
    ['Digest="x"', /expected a space after the auth-scheme/],
    ['Digest "x"', /expected a parameter name/],
    ['Digest realm"x"', /expected "=" after parameter "realm"/],
  ])('malformed %j throws SignetDecodeError', (header, message) => {
    let caught: unknown;
    try {
      parseWwwAuthenticate(header);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SignetDecodeError);
    expect((caught as SignetDecodeError).message).toMatch(message);
    expect((caught as SignetDecodeError).message).toMatch(/^WWW-Authenticate: /);
    expect((caught as SignetDecodeError).position).toBeTypeOf('number');
  });

  test('garbage never throws anything but SignetDecodeError', () => {
    const alphabet = fc.constantFrom(...' ,="\\\tabcDIGESTrealm=+/\u0000\u00e9\r\n'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 60 })), (text) => {
        try {
          const challenges = parseWwwAuthenticate(text);
          for (const challenge of challenges)
            expect(challenge.scheme).toMatch(/^[a-z0-9!#$%&'*+\-.^_`|~]+$/);
        } catch (error) {
          if (!(error instanceof SignetDecodeError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('quoteString round-trips any header-safe value through the parser', () => {
    const headerSafe = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
        fc.constantFrom('\t', '"', '\\', '\u00e9', '\u00ff'),
      ),
    });
    fc.assert(
      fc.property(headerSafe, headerSafe, (realm, nonce) => {
        const header = `Digest realm=${quoteString(realm)}, nonce=${quoteString(nonce)}`;
        const [challenge] = parseWwwAuthenticate(header);
        expect(challenge?.params.realm).toBe(realm);
        expect(challenge?.params.nonce).toBe(nonce);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseAuthParams (Authentication-Info)', () => {
  test('reads a bare parameter list', () => {
    const params = parseAuthParams(
      'rspauth="47cc919dc35b718994f8959b509ef9e4", cnonce="x=", nc=00000001, qop=auth',
    );
    expect({ ...params }).toEqual({
      rspauth: '47cc919dc35b718994f8959b509ef9e4',
      cnonce: 'x=',
      nc: '00000001',
      qop: 'auth',
    });
  });

  test('a token where a parameter belongs is an error, labelled with the header', () => {
    expect(() => parseAuthParams('nextnonce="a", Digest x=1')).toThrow(
      /^Authentication-Info: expected "=" after parameter "digest"/,
    );
  });
});
