import { parseWwwAuthenticate } from '@signet/sdk-core';
import { describe, expect, test } from 'vitest';
import { parseKVString } from './digest-server.js';

describe('parseKVString (the server’s Digest header parser)', () => {
  test('reads key="value" and key=token pairs, commas inside quotes kept', () => {
    expect(
      parseKVString('username="zoë", realm="SyncAPI:x", qop=auth, nc=00000001, uri="/a?b=1,2"'),
    ).toEqual({
      username: 'zoë',
      realm: 'SyncAPI:x',
      qop: 'auth',
      nc: '00000001',
      uri: '/a?b=1,2',
    });
  });

  test('never reads username*: the * is no word character', () => {
    const params = parseKVString(`username*=UTF-8''zo%C3%AB, realm="r"`);
    expect(params).toEqual({ realm: 'r' });
    expect(
      parseWwwAuthenticate(`Digest username*=UTF-8''zo%C3%AB, realm="r"`)[0]!.params,
    ).toHaveProperty('username*');
  });

  test('unlike an RFC 7616 parser, knows no escapes: an escaped quote loses the value', () => {
    const header = 'username="a\\"b", realm="r"';
    expect(parseWwwAuthenticate(`Digest ${header}`)[0]!.params.username).toBe('a"b');
    expect(parseKVString(header).username).toBeUndefined();
  });
});
