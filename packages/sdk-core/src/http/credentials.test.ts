import { describe, expect, test } from 'vitest';
import { basic } from '../auth/basic.js';
import { CallCredentials } from './credentials.js';

function request(init: { headers?: Record<string, string>; query?: string; body?: unknown } = {}) {
  return {
    headers: new Headers(init.headers),
    url: new URL(`https://h/p${init.query ?? ''}`),
    body: init.body,
  };
}

describe('CallCredentials', () => {
  test('whatever a hook sets or changes — header, query field, body field — is noted', () => {
    const credentials = new CallCredentials(undefined);
    const target = request({
      headers: { 'x-caller': 'caller-header', 'x-other': 'kept-as-is' },
      query: '?page=2&keep=caller-query',
      body: { orderId: 'caller-body', nested: { a: 1 } },
    });
    const before = credentials.snapshot(target);
    target.headers.set('x-auth-func', 'header-token');
    target.headers.set('x-caller', 'replaced-value');
    target.url.searchParams.append('sig', 'query-token');
    target.url.searchParams.append('page', '2');
    (target.body as Record<string, unknown>).authToken = 'body-token';
    (target.body as Record<string, unknown>).auth = { deep: ['nested-token', 123456] };
    credentials.note(before, target);
    expect(credentials.values().sort()).toEqual(
      [
        'header-token',
        'replaced-value',
        'query-token',
        'body-token',
        'nested-token',
        '123456',
      ].sort(),
    );
  });

  test('a body the hook created, or replaced by a copy: only the new fields count', () => {
    const credentials = new CallCredentials(undefined);
    const created = request();
    const first = credentials.snapshot(created);
    Object.assign(created, { body: { token: 'fresh-body-token' } });
    credentials.note(first, created);
    const copied = request({ body: { orderId: 'caller-value' } });
    const second = credentials.snapshot(copied);
    Object.assign(copied, { body: { ...(copied.body as object), key: 'copied-body-token' } });
    credentials.note(second, copied);
    expect(credentials.values()).toEqual(['fresh-body-token', 'copied-body-token']);
  });

  test("the strategy's own secrets come first; the client's keyId is an identifier, not a secret", () => {
    const credentials = new CallCredentials(
      basic({ username: 'user-01', password: 'pw-123456' }),
      'ak-ident',
    );
    const target = request();
    const before = credentials.snapshot(target);
    target.headers.set('x-key', 'ak-ident');
    target.headers.set('x-short', 'abc');
    credentials.note(before, target);
    expect(credentials.values()).toEqual(['pw-123456', btoa('user-01:pw-123456')]);
  });
});
