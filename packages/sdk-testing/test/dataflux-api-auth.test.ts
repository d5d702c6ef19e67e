import { base64OfUtf8, computeDigestResponse, parseWwwAuthenticate } from '@signet/sdk-core';
import { describe, expect, it } from 'vitest';
import { createDataFluxEmulator, type DataFluxApiAuthConfig } from '../src';
import { json, postJson, testClock } from './helpers.js';

const ORIGIN = 'http://dff.test';
const USERS = [{ username: 'user', password: 'pässword' }];

function setup(auth: DataFluxApiAuthConfig, strictDigest = false) {
  const clock = testClock();
  const seen: Record<string, unknown>[] = [];
  const emulator = createDataFluxEmulator({
    now: clock.now,
    strictDigest,
    funcs: {
      'demo__main.echo': (kwargs) => {
        seen.push({ ...kwargs });
        return kwargs;
      },
    },
    syncApis: { api: { func: 'demo__main.echo', auth } },
  });
  return { clock, emulator, seen };
}

describe('DataFlux emulator: fixed-field auth', () => {
  const fields = (location: 'header' | 'query' | 'body') =>
    ({
      type: 'fixedField',
      fields: [{ location, name: 'x-auth-token', value: 'my-auth-token' }],
    }) as const;

  it('header field: passes when it matches, 401.99 otherwise', async () => {
    const { emulator } = setup(fields('header'));
    const ok = await emulator.fetch(
      postJson(
        `${ORIGIN}/api/v1/sync/api`,
        { kwargs: { a: 1 } },
        { 'X-Auth-Token': 'my-auth-token' },
      ),
    );
    expect(await ok.text()).toBe('{"a":1}');
    const bad = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api`, {}, { 'x-auth-token': 'wrong' }),
    );
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain(
      '"ok":false,"error":401.99,"reason":"EAPIAuth","message":"Fixed Field Auth failed"',
    );
    expect(bad.headers.get('www-authenticate')).toBeNull();
  });

  it('query field: works with POST (normal) and /s, never with the normal-format GET', async () => {
    const { emulator, seen } = setup(fields('query'));
    const post = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api?x-auth-token=my-auth-token`, { kwargs: { a: 1 } }),
    );
    expect(await post.text()).toBe('{"a":1}');
    const simplified = await emulator.fetch(
      new Request(`${ORIGIN}/api/v1/sync/api/s?x-auth-token=my-auth-token&b=2`),
    );
    expect(await simplified.text()).toBe('{"b":"2"}');
    const normalGet = await emulator.fetch(
      new Request(`${ORIGIN}/api/v1/sync/api?kwargs=%7B%7D&x-auth-token=my-auth-token`),
    );
    expect(normalGet.status).toBe(400);
    expect(await json(normalGet)).toMatchObject({
      detail: { message: 'Found unexpected field `x-auth-token`' },
    });
    expect(seen).toEqual([{ a: 1 }, { b: '2' }]);
  });

  it('body field: works only with the simplified format, and is stripped from the kwargs', async () => {
    const { emulator, seen } = setup(fields('body'));
    const simplified = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api/s`, { 'x-auth-token': 'my-auth-token', a: 1 }),
    );
    expect(await simplified.text()).toBe('{"a":1}');
    const normal = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api`, { kwargs: {}, 'x-auth-token': 'my-auth-token' }),
    );
    expect(normal.status).toBe(400);
    const wrong = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api/s`, { 'x-auth-token': 'nope', a: 1 }),
    );
    expect(wrong.status).toBe(401);
    expect(seen).toEqual([{ a: 1 }]);
  });

  it('any one configured field passes', async () => {
    const { emulator } = setup({
      type: 'fixedField',
      fields: [
        { location: 'header', name: 'x-a', value: '1' },
        { location: 'query', name: 'b', value: '2' },
      ],
    });
    expect((await emulator.fetch(new Request(`${ORIGIN}/api/v1/sync/api/s?b=2`))).status).toBe(200);
    expect(
      (
        await emulator.fetch(
          new Request(`${ORIGIN}/api/v1/sync/api/s`, { headers: { 'x-a': '1' } }),
        )
      ).status,
    ).toBe(200);
    expect((await emulator.fetch(new Request(`${ORIGIN}/api/v1/sync/api/s?b=3`))).status).toBe(401);
  });
});

describe('DataFlux emulator: HTTP Basic', () => {
  it('accepts the right user and password, challenges otherwise', async () => {
    const { emulator } = setup({ type: 'httpBasic', users: USERS });
    const ok = await emulator.fetch(
      postJson(
        `${ORIGIN}/api/v1/sync/api`,
        { kwargs: { a: 1 } },
        { Authorization: `Basic ${base64OfUtf8('user:pässword')}` },
      ),
    );
    expect(await ok.text()).toBe('{"a":1}');
    for (const authorization of [
      `Basic ${base64OfUtf8('user:wrong')}`,
      `Basic ${base64OfUtf8('nobody:pässword')}`,
      '',
    ]) {
      const headers: Record<string, string> =
        authorization === '' ? {} : { Authorization: authorization };
      const bad = await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/api`, {}, headers));
      expect(bad.status).toBe(401);
      expect(bad.headers.get('www-authenticate')).toBe('Basic realm="SyncAPI:api"');
      expect(await json(bad)).toMatchObject({
        error: 401.99,
        reason: 'EAPIAuth',
        message: 'HTTP Basic Auth failed',
      });
    }
  });
});

describe('DataFlux emulator: HTTP Digest', () => {
  const target = '/api/v1/sync/api/s?a=1';

  async function challenge(emulator: ReturnType<typeof setup>['emulator']) {
    const first = await emulator.fetch(new Request(ORIGIN + target));
    expect(first.status).toBe(401);
    expect(await json(first)).toMatchObject({ message: 'HTTP Digest Auth failed' });
    const header = first.headers.get('www-authenticate')!;
    expect(header).toMatch(
      /^Digest realm="SyncAPI:api", nonce="[0-9a-f-]{36}", opaque="DataFlux Func Love You!", qop="auth"$/,
    );
    return parseWwwAuthenticate(header)[0]!.params;
  }

  function authorization(
    params: Record<string, string>,
    over: { uri?: string; nc?: string; password?: string; opaque?: string } = {},
  ) {
    const uri = over.uri ?? target;
    const nc = over.nc ?? '00000001';
    const response = computeDigestResponse({
      algorithm: 'MD5',
      username: 'user',
      password: over.password ?? 'pässword',
      realm: params.realm!,
      nonce: params.nonce!,
      method: 'GET',
      uri,
      qop: 'auth',
      nc,
      cnonce: 'c0ffee',
    });
    return `Digest username="user", realm="${params.realm}", nonce="${params.nonce}", uri="${uri}", algorithm=MD5, response="${response}", opaque="${over.opaque ?? params.opaque}", qop=auth, nc=${nc}, cnonce="c0ffee"`;
  }

  it('challenges, then accepts a correct response and refuses a wrong password', async () => {
    const { emulator } = setup({ type: 'httpDigest', users: USERS });
    const params = await challenge(emulator);
    const ok = await emulator.fetch(
      new Request(ORIGIN + target, { headers: { Authorization: authorization(params) } }),
    );
    expect(await ok.text()).toBe('{"a":"1"}');
    const bad = await emulator.fetch(
      new Request(ORIGIN + target, {
        headers: { Authorization: authorization(params, { password: 'x' }) },
      }),
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Digest realm="SyncAPI:api", nonce=/);
  });

  it('like the real server, checks neither uri, nc nor opaque: a replayed header passes', async () => {
    const { emulator } = setup({ type: 'httpDigest', users: USERS });
    const params = await challenge(emulator);
    const header = authorization(params, { uri: '/elsewhere', opaque: 'whatever' });
    for (let i = 0; i < 2; i++) {
      const replay = await emulator.fetch(
        new Request(ORIGIN + target, { headers: { Authorization: header } }),
      );
      expect(replay.status).toBe(200);
    }
  });

  it('nonces expire after 300 s', async () => {
    const { emulator, clock } = setup({ type: 'httpDigest', users: USERS });
    const params = await challenge(emulator);
    clock.advance(300_001);
    const late = await emulator.fetch(
      new Request(ORIGIN + target, { headers: { Authorization: authorization(params) } }),
    );
    expect(late.status).toBe(401);
    expect(late.headers.get('www-authenticate')).not.toContain('stale');
  });

  it('strictDigest checks uri, opaque and a growing nc, and answers stale=true', async () => {
    const { emulator, clock } = setup({ type: 'httpDigest', users: USERS }, true);
    const params = await challenge(emulator);
    const send = (header: string) =>
      emulator.fetch(new Request(ORIGIN + target, { headers: { Authorization: header } }));
    expect((await send(authorization(params, { uri: '/api/v1/sync/api/s' }))).status).toBe(401);
    expect((await send(authorization(params, { opaque: 'other' }))).status).toBe(401);
    expect((await send(authorization(params))).status).toBe(200);
    expect((await send(authorization(params))).status).toBe(401);
    expect((await send(authorization(params, { nc: '00000002' }))).status).toBe(200);
    clock.advance(300_001);
    const stale = await send(authorization(params, { nc: '00000003' }));
    expect(stale.status).toBe(401);
    expect(stale.headers.get('www-authenticate')).toMatch(/, stale=true$/);
  });
});

describe('DataFlux emulator: auth function', () => {
  it('passes whatever it returns; a throw is 599 EFuncFailed', async () => {
    const { emulator } = setup({
      type: 'func',
      check: ({ headers }) => {
        if (headers['x-auth-func'] !== 'ok') throw new Error('Bad User!');
        return false;
      },
    });
    const ok = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api`, { kwargs: { a: 1 } }, { 'X-Auth-Func': 'ok' }),
    );
    expect(ok.status).toBe(200);
    const bad = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api`, { kwargs: {} }, { 'X-Auth-Func': 'no' }),
    );
    expect(bad.status).toBe(599);
    expect(await json(bad)).toMatchObject({
      error: 599.1,
      reason: 'EFuncFailed',
      detail: { exception: "Error('Bad User!')" },
    });
  });
});
