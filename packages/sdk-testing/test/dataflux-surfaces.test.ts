import { createDataFluxClient, dataflux, type SignetApiError } from '@signet/sdk-core';
import { describe, expect, it } from 'vitest';
import {
  createDataFluxEmulator,
  DATAFLUX_SIGN_ERROR_MESSAGE,
  type DataFluxEmulatorOptions,
} from '../src';
import { dataFluxRequest, json, postJson, testClock } from './helpers.js';

// What DataFlux Func 5.0.0 answers that the kit once did not (issue 14): its func-list and
// describe surfaces, its envelopes and messages, access keys on every route, throttling.
const ORIGIN = 'http://dff.test';
const KEY = { akId: 'ak-1', akSecret: 'sk-secret-1' };

function setup(overrides: Partial<DataFluxEmulatorOptions> = {}) {
  const clock = testClock();
  const emulator = createDataFluxEmulator({
    now: clock.now,
    accessKeys: [KEY],
    funcs: {
      'demo__main.hello': {
        handler: ({ name }) => ({ greeting: `Hello, ${String(name)}` }),
        title: 'Say Hello',
        description: 'Greets whoever is named',
        definition: 'hello(name)',
        args: ['name'],
        category: 'action',
        tags: ['greet', 'demo'],
        scriptTitle: 'Main',
      },
      'demo__main.plain': () => 1,
      'demo__other.secretive': { handler: () => 2, extraConfig: { isHidden: true } },
      'tools__net.ping': { handler: () => 'pong', title: 'PING', tags: ['demo'], integration: 'x' },
    },
    syncApis: { open: { func: 'demo__main.hello' } },
    ...overrides,
  });
  let n = 0;
  const signed = (target: string, method: 'GET' | 'POST' = 'GET', body?: unknown, key = KEY) =>
    dataFluxRequest(ORIGIN, target, body, {
      ...key,
      method,
      timestamp: Math.floor(clock.now() / 1000),
      nonce: `nonce-${++n}`,
    });
  return { clock, emulator, signed };
}

describe('GET /api/v1/func-list and GET /api/v1/func/:funcId', () => {
  it('need an access key: none is "User not signed in", a bad one is refused, not a 404', async () => {
    const { emulator, signed } = setup();
    const anonymous = await emulator.fetch(new Request(`${ORIGIN}/api/v1/func-list`));
    expect(anonymous.status).toBe(401);
    expect(await json(anonymous)).toMatchObject({
      reason: 'EUserAuth',
      message: 'User not signed in',
    });
    const wrong = signed('/api/v1/func/demo__main.hello', 'GET', undefined, {
      ...KEY,
      akSecret: 'x',
    });
    expect(await json(await emulator.fetch(wrong))).toMatchObject({
      status: 401,
      message: DATAFLUX_SIGN_ERROR_MESSAGE,
    });
  });

  it('lists the functions not hidden, in the server’s doc shape, and filters like its SQL', async () => {
    const { emulator, signed } = setup();
    const list = async (query: string) => {
      const response = await emulator.fetch(signed(`/api/v1/func-list${query}`));
      const body = await json(response);
      expect(body, query).toMatchObject({ ok: true, error: 200, message: '' });
      return (body.data as { id: string }[]).map((f) => f.id);
    };
    expect(await list('')).toEqual(['demo__main.hello', 'demo__main.plain', 'tools__net.ping']);
    expect(await list('?id=demo__main.plain,tools__net.ping')).toEqual([
      'demo__main.plain',
      'tools__net.ping',
    ]);
    expect(await list('?name=ell')).toEqual(['demo__main.hello']);
    expect(await list('?name=ELL')).toEqual([]); // `name` compares case-sensitively
    expect(await list('?title=ping')).toEqual(['tools__net.ping']); // `title` does not
    expect(await list('?category=action')).toEqual(['demo__main.hello']);
    expect(await list('?tags=demo')).toEqual(['demo__main.hello', 'tools__net.ping']);
    expect(await list('?tags=demo,greet')).toEqual(['demo__main.hello']);
    expect(await list('?scriptId=demo__main')).toEqual(['demo__main.hello', 'demo__main.plain']);
    expect(await list('?scriptSetId=tools&integration=x')).toEqual(['tools__net.ping']);
    expect(await list('?_fuzzySearch=whoever')).toEqual(['demo__main.hello']);
    expect(await list('?name=')).toHaveLength(3); // an empty filter is ignored
  });

  it('writes each entry as the server’s func doc', async () => {
    const { emulator, signed } = setup();
    const response = await emulator.fetch(signed('/api/v1/func-list?id=demo__main.hello'));
    expect((await json(response)).data).toEqual([
      {
        url: '/api/v1/func/demo__main.hello',
        id: 'demo__main.hello',
        name: 'hello',
        title: 'Say Hello',
        description: 'Greets whoever is named',
        definition: 'hello(name)',
        argsJSON: ['name'],
        kwargsJSON: null,
        extraConfigJSON: null,
        category: 'action',
        integration: null,
        tagsJSON: ['greet', 'demo'],
        scriptId: 'demo__main',
        scriptTitle: 'Main',
        scriptDescription: null,
        scriptSetId: 'demo',
        scriptSetTitle: null,
        scriptSetDescription: null,
      },
    ]);
  });

  it('refuses a query field it does not know, `search` included, with 400', async () => {
    const { emulator, signed } = setup();
    const response = await emulator.fetch(signed('/api/v1/func-list?search=hello'));
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      reason: 'EClientBadRequest',
      message: 'Invalid request query',
      detail: { message: 'Found unexpected field `search`' },
    });
  });

  it('describes one function (hidden ones too) as its database row; an unknown one is 404', async () => {
    const { emulator, clock, signed } = setup();
    const row = (await json(await emulator.fetch(signed('/api/v1/func/demo__other.secretive'))))
      .data;
    const time = new Date(clock.now()).toISOString();
    expect(row).toEqual({
      seq: 3,
      id: 'demo__other.secretive',
      scriptSetId: 'demo',
      scriptId: 'demo__other',
      name: 'secretive',
      title: null,
      description: null,
      definition: 'secretive()',
      argsJSON: null,
      kwargsJSON: null,
      extraConfigJSON: { isHidden: true },
      category: 'general',
      integration: null,
      tagsJSON: null,
      defOrder: 0,
      createTime: time,
      updateTime: time,
    });
    const missing = await emulator.fetch(signed('/api/v1/func/nope.nope'));
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({
      message: 'No such data',
      detail: { entity: 'func', id: 'nope.nope' },
    });
  });
});

describe('envelopes and messages as the server writes them', () => {
  it('leaves `detail` out when the error has none', async () => {
    const { emulator } = setup({
      syncApis: {
        guarded: {
          func: 'demo__main.plain',
          auth: { type: 'fixedField', fields: [{ location: 'header', name: 'x-t', value: 'v' }] },
        },
      },
    });
    for (const request of [
      new Request(`${ORIGIN}/api/v1/func/demo__main.hello`, { method: 'POST' }),
      postJson(`${ORIGIN}/api/v1/sync/guarded`, { kwargs: {} }),
      postJson(`${ORIGIN}/api/v1/sync/open`, '{"kwargs": '),
    ]) {
      const text = await (await emulator.fetch(request)).text();
      expect(text).not.toContain('"detail"');
    }
  });

  it('answers the server’s own texts: invalid JSON, unknown routes, the sign hint', async () => {
    const { emulator, signed } = setup();
    const badJson = await emulator.fetch(postJson(`${ORIGIN}/api/v1/nowhere`, '{"a":'));
    // The body parsers run before routing: 400, not 404.
    expect(await json(badJson)).toMatchObject({ status: 400, message: 'Invalid request body' });
    const put = await emulator.fetch(new Request(`${ORIGIN}/api/v1/sync/open`, { method: 'PUT' }));
    expect(await json(put)).toMatchObject({
      status: 404,
      message:
        'No such router. Please make sure that the METHOD is correct and no spelling missing in the URL',
      detail: { method: 'PUT', url: '/api/v1/sync/open' },
    });
    // No such route at 5.0.0, whatever the seed document's URLs show.
    expect((await emulator.fetch(new Request(`${ORIGIN}/api/v1/func-api/open/s`))).status).toBe(
      404,
    );
    const wrong = signed('/api/v1/func/demo__main.hello', 'POST', {}, { ...KEY, akSecret: 'no' });
    expect((await json(await emulator.fetch(wrong))).message).toBe(
      'Invalid Access Key sign. Hint: akSign = HmacSha1("<AK Sign Version>&<AK Timestamp(Second)>&<AK Nonce>&<METHOD>&<FULL URL>&<Body or \'\'>", <AK Secret>)',
    );
  });
});

describe('access keys on an open Sync API', () => {
  it('a bad X-Dff-Ak-* header is refused (401 EUserAuth); a good one, or none, passes', async () => {
    const { emulator, signed } = setup();
    const target = '/api/v1/sync/open';
    const bad = signed(target, 'POST', { kwargs: { name: 'a' } }, { ...KEY, akSecret: 'no' });
    const refused = await emulator.fetch(bad);
    expect(refused.status).toBe(401);
    expect(await json(refused)).toMatchObject({ reason: 'EUserAuth', error: 401.14 });
    const good = signed(target, 'POST', { kwargs: { name: 'b' } });
    expect(await (await emulator.fetch(good)).text()).toBe('{"greeting":"Hello, b"}');
    const none = postJson(ORIGIN + target, { kwargs: { name: 'c' } });
    expect(await (await emulator.fetch(none)).text()).toBe('{"greeting":"Hello, c"}');
    expect(emulator.calls.map((c) => c.akId)).toEqual([undefined, 'ak-1', undefined]);
  });
});

describe('API throttling (429 EClientRateLimit.APIThrottling)', () => {
  const throttled = (rules: Record<string, number>) =>
    setup({ syncApis: { limited: { func: 'demo__main.plain', throttling: rules } } });

  it('counts per fixed window and answers the call over the limit with waitSeconds', async () => {
    const { emulator, clock } = throttled({ bySecond: 2, byMinute: 3 });
    clock.set(1_764_000_000_250); // a quarter into a second
    const call = () => emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/limited`, { kwargs: {} }));
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    expect(await third.text()).toContain(
      '"ok":false,"error":429.46,"reason":"EClientRateLimit.APIThrottling","message":"Maximum calling rate exceeded","detail":{"rule":"bySecond","limit":2,"currentCount":3,"waitSeconds":1}',
    );
    clock.advance(1000); // the next second: bySecond resets, byMinute has counted 2 so far
    expect((await call()).status).toBe(200);
    const overMinute = await json(await call());
    // 1 764 000 001.25 s: 58.75 s to the minute's end, written parseInt(58.75) + 1.
    expect(overMinute.detail).toEqual({
      rule: 'byMinute',
      limit: 3,
      currentCount: 4,
      waitSeconds: 59,
    });
  });

  it('reaches signet’s client as SignetApiError with the reason and waitSeconds', async () => {
    const { emulator } = throttled({ byHour: 1 });
    const client = createDataFluxClient({ baseUrl: ORIGIN, fetch: emulator.asFetch(), retry: 0 });
    await expect(client.sync('limited')).resolves.toBe('1');
    const error = (await client.sync('limited').catch((e: unknown) => e)) as SignetApiError;
    expect(error).toMatchObject({
      status: 429,
      errcode: 429.46,
      reason: 'EClientRateLimit.APIThrottling',
      platformMessage: 'Maximum calling rate exceeded',
    });
    expect(error.waitSeconds).toBeGreaterThan(0);
    expect(error.waitSeconds).toBeLessThanOrEqual(3601);
  });
});

describe('signet’s client on the kit: the sign hint is not a clock problem', () => {
  it('a wrong secret is refused once, not re-sent as if the clock were off', async () => {
    const { emulator } = setup({ now: Date.now });
    emulator.clockOffsetMs = 14 * 60_000; // skewed, yet inside the server's 900 s window
    const attempts: number[] = [];
    const client = createDataFluxClient({
      baseUrl: ORIGIN,
      auth: dataflux({ akId: KEY.akId, akSecret: 'wrong-secret' }),
      fetch: emulator.asFetch(),
      allowInsecureHttp: true,
      retry: 0,
      onCall: (record) => attempts.push(record.attempts),
    });
    await expect(client.callFunc('demo__main.hello')).rejects.toMatchObject({
      reason: 'EUserAuth',
      platformMessage: DATAFLUX_SIGN_ERROR_MESSAGE,
    });
    expect(attempts).toEqual([1]);
  });
});
