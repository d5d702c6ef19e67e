import { describe, expect, test } from 'vitest';
import { inferAuthKind } from './auth.js';

describe('inferAuthKind', () => {
  const all = {
    accessKey: 'k1234567',
    accessSecret: 's1',
    token: 't1',
    keyId: 'kid',
    secret: 'hs',
  };

  test('the command line decides; else the first complete scheme of the order', () => {
    expect(inferAuthKind({ creds: all, explicit: new Set(['token']) }, ['jitai'])).toBe('bearer');
    expect(inferAuthKind({ creds: all, explicit: new Set() }, ['jitai', 'bearer'])).toBe('jitai');
    expect(inferAuthKind({ creds: all, explicit: new Set() }, ['hmac', 'jitai'])).toBe('hmac');
    expect(inferAuthKind({ creds: { token: 't' }, explicit: new Set() }, ['jitai'])).toBe(
      undefined,
    );
  });

  test('two schemes on the command line, or a bare user and password, need --auth', () => {
    expect(() =>
      inferAuthKind({ creds: all, explicit: new Set(['token', 'accessSecret']) }, []),
    ).toThrow(/several schemes \(jitai, bearer\)/);
    expect(() =>
      inferAuthKind(
        { creds: { username: 'u', password: 'p' }, explicit: new Set(['username']) },
        [],
      ),
    ).toThrow('choose --auth basic or --auth digest');
  });
});
