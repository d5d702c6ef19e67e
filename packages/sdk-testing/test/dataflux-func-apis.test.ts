import { describe, expect, it } from 'vitest';
import { createDataFluxEmulator, type DataFluxEmulatorOptions } from '../src';
import { dataFluxRequest, json, postJson, testClock } from './helpers.js';

// GET /api/v1/func-api-list and the kwargs an API fixes (funcCallKwargsJSON), as DataFlux
// Func 5.0.0 has them (mainAPICtrl.getFuncAPIList, _assignFuncCallKwargs).
const ORIGIN = 'http://dff.test';
const KEY = { akId: 'ak-1', akSecret: 'sk-secret-1' };

function setup(overrides: Partial<DataFluxEmulatorOptions> = {}) {
  const clock = testClock();
  const emulator = createDataFluxEmulator({
    now: clock.now,
    accessKeys: [KEY],
    funcs: {
      'demo__main.hello': {
        handler: (kwargs) => kwargs,
        title: 'Say Hello',
        description: 'Greets whoever is named',
        definition: "hello(name, greeting='Hi', lang='en')",
        args: ['name', 'greeting', 'lang'],
        kwargs: { name: {}, greeting: { default: 'Hi' }, lang: { default: 'en' } },
        tags: ['greet'],
      },
      'tools__net.ping': { handler: () => 'pong', title: 'PING' },
    },
    syncApis: {
      'api-hello': {
        func: 'demo__main.hello',
        showInDoc: true,
        funcCallKwargs: { name: 'INPUT_BY_CALLER', lang: 'zh' },
        auth: { type: 'fixedField', fields: [{ location: 'header', name: 'x-token', value: 't' }] },
        throttling: { bySecond: 10 },
      },
      'api-hidden': { func: 'tools__net.ping' },
      'api-gone': { func: 'demo__main.deleted', showInDoc: true },
    },
    asyncApis: { 'api-ping': { func: 'tools__net.ping', showInDoc: true } },
    ...overrides,
  });
  return { clock, emulator };
}

const list = async (emulator: ReturnType<typeof setup>['emulator'], query = '') =>
  json(await emulator.fetch(new Request(`${ORIGIN}/api/v1/func-api-list${query}`)));

describe('GET /api/v1/func-api-list', () => {
  it('is open and lists the APIs shown in the docs, Sync first, with their functions', async () => {
    const { emulator } = setup();
    const body = (await list(emulator)) as { ok: boolean; data: Record<string, unknown>[] };
    expect(body.ok).toBe(true);
    expect(body.data.map((d) => [d.apiType, d.id])).toEqual([
      ['syncAPI', 'api-hello'],
      ['syncAPI', 'api-gone'],
      ['asyncAPI', 'api-ping'],
    ]);
    expect(body.data[0]).toEqual({
      url: '/api/v1/sync/api-hello',
      apiType: 'syncAPI',
      id: 'api-hello',
      funcCallKwargsJSON: { name: 'INPUT_BY_CALLER', lang: 'zh' },
      expireTime: null,
      throttlingJSON: { bySecond: 10 },
      isDisabled: false,
      configFuncId: 'demo__main.hello',
      funcId: 'demo__main.hello',
      funcName: 'hello',
      funcTitle: 'Say Hello',
      funcDescription: 'Greets whoever is named',
      funcDefinition: "hello(name, greeting='Hi', lang='en')",
      funcArgsJSON: ['name', 'greeting', 'lang'],
      funcKwargsJSON: { name: {}, greeting: { default: 'Hi' }, lang: { default: 'en' } },
      funcCategory: 'general',
      funcIntegration: null,
      funcTagsJSON: ['greet'],
      apiAuthId: 'apia-api-hello',
      apiAuthTitle: null,
      apiAuthType: 'fixedField',
    });
    // A function that no longer exists: its fields are null (the server's LEFT JOIN).
    expect(body.data[1]).toMatchObject({ configFuncId: 'demo__main.deleted', funcId: null });
    expect(body.data[2]).toMatchObject({
      url: '/api/v1/async/api-ping',
      throttlingJSON: null,
      funcCallKwargsJSON: {},
    });
  });

  it('filters like the server: apiType, function fields, fuzzy search; unknown fields are 400', async () => {
    const { emulator } = setup();
    const ids = async (query: string) =>
      ((await list(emulator, query)) as { data: { id: string }[] }).data.map((d) => d.id);
    expect(await ids('?apiType=asyncAPI')).toEqual(['api-ping']);
    expect(await ids('?apiType=syncAPI&funcId=demo__main.hello')).toEqual(['api-hello']);
    expect(await ids('?apiType=bogus')).toEqual([]);
    expect(await ids('?funcTags=greet')).toEqual(['api-hello']);
    expect(await ids('?_fuzzySearch=ping')).toEqual(['api-ping']);
    expect(await ids('?scriptSetId=tools')).toEqual(['api-ping']);
    const bad = await emulator.fetch(new Request(`${ORIGIN}/api/v1/func-api-list?search=x`));
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({
      message: 'Invalid request query',
      detail: { message: 'Found unexpected field `search`' },
    });
  });

  it('an AK/SK-signed request is checked like on every route', async () => {
    const { clock, emulator } = setup();
    const request = dataFluxRequest(ORIGIN, '/api/v1/func-api-list', undefined, {
      ...KEY,
      akSecret: 'wrong',
      method: 'GET',
      timestamp: Math.floor(clock.now() / 1000),
      nonce: 'nonce-1',
    });
    expect((await emulator.fetch(request)).status).toBe(401);
  });
});

describe('funcCallKwargs: what the API fixes', () => {
  const call = (emulator: ReturnType<typeof setup>['emulator'], kwargs: unknown) =>
    emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/api-hello`, { kwargs }, { 'x-token': 't' }));

  it('a placeholder takes the caller’s value; a fixed value goes to the function', async () => {
    const { emulator } = setup();
    const response = await call(emulator, { name: 'Ann', greeting: 'Yo' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'Ann', greeting: 'Yo', lang: 'zh' });
    // Left out, a placeholder is dropped (the function's default applies).
    expect(await (await call(emulator, {})).json()).toEqual({ lang: 'zh' });
  });

  it('the caller may not set a fixed kwarg: 400, before the function runs', async () => {
    const { emulator } = setup();
    const response = await call(emulator, { name: 'Ann', lang: 'en' });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      reason: 'EClientBadRequest',
      message: 'Cannot specify a fixed kwargs field',
      detail: { kwargsField: 'lang', kwargsValue: 'en', funcId: 'demo__main.hello' },
    });
    expect(emulator.calls.at(-1)?.kwargs).toBeUndefined();
  });
});
