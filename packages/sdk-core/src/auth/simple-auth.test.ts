import { describe, expect, test } from 'vitest';
import { nobleCrypto } from '../crypto/provider.js';
import { secureRandom } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
import { basic } from './basic.js';
import { bearer } from './bearer.js';
import { customAuth } from './custom.js';
import { fixedField } from './fixed-field.js';
import { type AuthPrepareState, type AuthSignState, secretValues } from './types.js';

function signState(): AuthSignState {
  return {
    method: 'POST',
    url: new URL('https://h/x'),
    headers: new Headers(),
    bodyText: '{}',
    canonical: undefined,
    now: 0,
    attempt: 0,
    random: secureRandom,
    crypto: nobleCrypto,
    challenge: undefined,
  };
}

function prepareState(body: unknown, method = 'POST'): AuthPrepareState {
  return { method, url: new URL('https://h/x?a=1'), headers: new Headers(), body };
}

describe('bearer', () => {
  test('sets Authorization from a string or a refreshing function', async () => {
    const s = signState();
    await bearer('testtoken123').sign!(s);
    expect(s.headers.get('authorization')).toBe('Bearer testtoken123');
    let n = 0;
    const refreshing = bearer(async () => `tok${++n}`);
    const a = signState();
    const b = signState();
    await refreshing.sign!(a);
    await refreshing.sign!(b);
    expect([a.headers.get('authorization'), b.headers.get('authorization')]).toEqual([
      'Bearer tok1',
      'Bearer tok2',
    ]);
    expect(refreshing[secretValues]!()).toEqual(['tok2']);
  });

  test.each(['', 'has space', 'line\nbreak', 'ünïcode'])('refuses token %j', (token) => {
    expect(() => bearer(token)).toThrow(SignetConfigError);
  });
});

describe('basic', () => {
  test('RFC 7617 with UTF-8 credentials', async () => {
    const s = signState();
    basic({ username: 'Aladdin', password: 'open sesame' }).sign!(s);
    expect(s.headers.get('authorization')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    const u = signState();
    basic({ username: 'test', password: '123£' }).sign!(u);
    expect(u.headers.get('authorization')).toBe('Basic dGVzdDoxMjPCow==');
  });

  test('refuses a colon in the username', () => {
    expect(() => basic({ username: 'a:b', password: 'x' })).toThrow('must not contain ":"');
  });
});

describe('fixedField', () => {
  test('header, query and body fields: each alone', () => {
    const cases = [
      [{ in: 'header', name: 'x-auth-token', value: 'h-secret' }, 'x-auth-token', '?a=1', { a: 1 }],
      [{ in: 'query', name: 'token', value: 'q secret' }, null, '?a=1&token=q+secret', { a: 1 }],
      [{ in: 'body', name: 'token', value: 'b-secret' }, null, '?a=1', { a: 1, token: 'b-secret' }],
    ] as const;
    for (const [field, header, search, body] of cases) {
      const s = prepareState({ a: 1 });
      fixedField(field).prepare!(s);
      expect(header === null ? [...s.headers.keys()] : s.headers.get(header)).toEqual(
        header === null ? [] : 'h-secret',
      );
      expect(s.url.search).toBe(search);
      expect(s.body).toEqual(body);
    }
  });

  test('several fields: exactly one goes, the first that the request can carry', () => {
    const auth = fixedField([
      { in: 'body', name: 'token', value: 'b-secret' },
      { in: 'query', name: 'token', value: 'q-secret' },
      { in: 'header', name: 'x-auth-token', value: 'h-secret' },
    ]);
    expect(auth.locations).toEqual(['body', 'query', 'header']);
    const sent = (method: string, format?: string) => {
      const s: AuthPrepareState = {
        ...prepareState(method === 'GET' ? undefined : {}, method),
        format,
      };
      auth.prepare!(s);
      return {
        header: s.headers.get('x-auth-token'),
        query: s.url.searchParams.get('token'),
        body: (s.body as { token?: string } | undefined)?.token ?? null,
      };
    };
    expect(sent('POST')).toEqual({ header: null, query: null, body: 'b-secret' });
    expect(sent('POST', 'simplified')).toEqual({ header: null, query: null, body: 'b-secret' });
    // DataFlux's normal format takes no body field, and no query field on a GET.
    expect(sent('POST', 'normal')).toEqual({ header: null, query: 'q-secret', body: null });
    expect(sent('GET')).toEqual({ header: null, query: 'q-secret', body: null });
    expect(sent('GET', 'normal')).toEqual({ header: 'h-secret', query: null, body: null });
  });

  test('no configured field fits the request: refused before sending, no value shown', () => {
    const auth = fixedField([
      { in: 'body', name: 'tok', value: 'b-secret' },
      { in: 'query', name: 'q', value: 'q-secret' },
    ]);
    const s: AuthPrepareState = { ...prepareState(undefined, 'GET'), format: 'normal' };
    expect(() => auth.prepare!(s)).toThrow(SignetConfigError);
    expect(() => auth.prepare!(s)).toThrow(
      'fixedField: none of the configured fields (body "tok", query "q") can travel on this request (GET, normal format); configure a header field, or use the simplified format',
    );
  });

  test('a bodiless request gets an object body; an array body is refused', () => {
    const auth = fixedField({ in: 'body', name: 'k', value: 'v' });
    const s = prepareState(undefined);
    auth.prepare!(s);
    expect(s.body).toEqual({ k: 'v' });
    expect(() => auth.prepare!(prepareState([1]))).toThrow('needs a JSON object body');
  });

  test('refuses to overwrite a caller field', () => {
    const auth = fixedField({ in: 'body', name: 'k', value: 'v' });
    expect(() => auth.prepare!(prepareState({ k: 'other' }))).toThrow('already has a field "k"');
  });

  test.each([
    [{ in: 'cookie', name: 'a', value: 'b' }, '"in" must be'],
    [{ in: 'header', name: 'bad name', value: 'b' }, 'not a valid header name'],
    [{ in: 'header', name: 'a', value: 'x\r\ny' }, 'CR, LF or NUL'],
    [{ in: 'query', name: 'a', value: 1 }, 'value must be a string'],
  ])('refuses %o', (field, message) => {
    expect(() => fixedField(field as never)).toThrow(message);
  });
});

describe('customAuth', () => {
  test('receives headers, query and a mutable body', async () => {
    const auth = customAuth(({ headers, query, body, method, url }) => {
      headers.set('X-Auth-Func', 'tok');
      query.set('sig', '1');
      if (body) (body as Record<string, unknown>).extra = method;
      expect(url.pathname).toBe('/x');
    });
    const s = prepareState(undefined);
    await auth.prepare!(s);
    expect(s.headers.get('x-auth-func')).toBe('tok');
    expect(s.url.searchParams.get('sig')).toBe('1');
    expect(s.body).toEqual({ extra: 'POST' });
    const g = prepareState(undefined, 'GET');
    await auth.prepare!(g);
    expect(g.body).toBeUndefined();
  });
});
