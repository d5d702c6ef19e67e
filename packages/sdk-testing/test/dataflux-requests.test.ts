import { createDataFluxClient, digest, fixedField } from '@signet/sdk-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataFluxEmulator,
  type DataFluxApiAuthConfig,
  type DataFluxEmulatorOptions,
  type DataFluxFuncContext,
  serveEmulator,
} from '../src';
import { dataFluxRequest, json, postJson, testClock } from './helpers.js';

// How DataFlux Func 5.0.0 reads a request (issue 14): the request as the function sees it,
// the format segment, text and raw bodies, fixed fields in the server's order, auth
// functions, Digest headers as its own parser reads them, scalar results.
const ORIGIN = 'http://dff.test';
const KEY = { akId: 'ak-1', akSecret: 'sk-secret-1' };

function setup(auth?: DataFluxApiAuthConfig, overrides: Partial<DataFluxEmulatorOptions> = {}) {
  const clock = testClock();
  const seen: { kwargs: Record<string, unknown>; context: DataFluxFuncContext }[] = [];
  const emulator = createDataFluxEmulator({
    now: clock.now,
    accessKeys: [KEY],
    funcs: {
      'demo__main.echo': (kwargs, context) => {
        seen.push({ kwargs, context });
        return { kwargs };
      },
      'demo__main.value': ({ v }) => v,
    },
    syncApis: {
      api: auth === undefined ? { func: 'demo__main.echo' } : { func: 'demo__main.echo', auth },
    },
    asyncApis: { job: { func: 'demo__main.echo' } },
    ...overrides,
  });
  return { clock, emulator, seen };
}

const get = (target: string, init: RequestInit = {}) => new Request(ORIGIN + target, init);

describe('the request as the function sees it (_DFF_HTTP_REQUEST)', () => {
  it('query and body as the server holds them: kwargs/options JSON text parsed in place', async () => {
    const { emulator, seen } = setup();
    const q = new URLSearchParams({ kwargs: '{"a":1}', options: '{"returnType":"raw"}' });
    await emulator.fetch(get(`/api/v1/sync/api?${q}`));
    expect(seen[0]!.context.query).toEqual({ kwargs: { a: 1 }, options: { returnType: 'raw' } });
    expect(seen[0]!.context.body).toEqual({});
    await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/api/s?x=1`, { b: 2 }));
    expect(seen[1]!.context).toMatchObject({ query: { x: '1' }, body: { b: 2 } });
  });
});

describe('formats and bodies', () => {
  it('GET …/s?kwargs=<json>: the server parses the value (a bad one is 400)', async () => {
    const { emulator, seen } = setup();
    const q = new URLSearchParams({ kwargs: '{"n":[1,2]}', other: 'x' });
    await emulator.fetch(get(`/api/v1/sync/api/s?${q}`));
    expect(seen[0]!.kwargs).toEqual({ kwargs: { n: [1, 2] }, other: 'x' });
    const bad = await emulator.fetch(get('/api/v1/sync/api/s?kwargs=%7Bnope'));
    expect(await json(bad)).toMatchObject({
      status: 400,
      message: 'Invalid kwargs, bad JSON format',
      detail: { error: expect.stringMatching(/^SyntaxError: /) },
    });
  });

  it('a text/plain body on /s is {text}; another type {base64}', async () => {
    const { emulator, seen } = setup();
    const post = (type: string, body: string) =>
      emulator.fetch(
        get('/api/v1/sync/api/s', { method: 'POST', headers: { 'Content-Type': type }, body }),
      );
    await post('text/plain; charset=utf-8', 'hello wörld');
    expect(seen[0]!.kwargs).toEqual({ text: 'hello wörld' });
    expect(seen[0]!.context.body).toBe('hello wörld');
    await post('application/octet-stream', 'hi');
    expect(seen[1]!.kwargs).toEqual({ base64: 'aGk=' });
  });

  it('an unknown format segment runs the function with {}; a path after it is allowed', async () => {
    const { emulator, seen } = setup();
    const response = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/api/xyz`, { kwargs: { a: 1 } }),
    );
    expect(response.status).toBe(200);
    expect(seen[0]!.kwargs).toEqual({});
    await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/api/s/any/sub/path`, { a: 2 }));
    expect(seen[1]!.kwargs).toEqual({ a: 2 });
    // `/normal` is the normal format without the validator: unknown fields pass.
    await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/api/normal`, { kwargs: { a: 3 }, x: 1 }));
    expect(seen[2]!.kwargs).toEqual({ a: 3 });
  });

  it('the Async API answers GET too, its query holding kwargs only', async () => {
    const { emulator } = setup();
    const ok = await emulator.fetch(
      get(`/api/v1/async/job?kwargs=${encodeURIComponent('{"a":1}')}`),
    );
    expect(await json(ok)).toMatchObject({
      ok: true,
      data: { id: expect.stringMatching(/^task-/) },
    });
    await emulator.tasks[0]!.done;
    expect(emulator.tasks[0]!.kwargs).toEqual({ a: 1 });
    const options = await emulator.fetch(get('/api/v1/async/job?kwargs=%7B%7D&options=%7B%7D'));
    expect(await json(options)).toMatchObject({
      detail: { message: 'Found unexpected field `options`' },
    });
  });

  it('a direct func call flattens falsy results to null too (data.result)', async () => {
    const { emulator, clock } = setup();
    for (const [v, result] of [
      [0, null],
      ['', null],
      [false, null],
      [7, 7],
    ] as const) {
      const request = dataFluxRequest(
        ORIGIN,
        '/api/v1/func/demo__main.value',
        { kwargs: { v } },
        {
          ...KEY,
          timestamp: Math.floor(clock.now() / 1000),
          nonce: `n-${String(v)}`,
        },
      );
      expect((await json(await emulator.fetch(request))).data).toEqual({ result });
    }
  });
});

describe('fixed fields in the server’s order', () => {
  const auth: DataFluxApiAuthConfig = {
    type: 'fixedField',
    fields: [
      { location: 'query', name: 'q', value: 'qv' },
      { location: 'header', name: 'x-h', value: 'hv' },
      { location: 'body', name: 'b', value: 'bv' },
    ],
  };

  it('stops at the first match and deletes only the query/body fields checked up to there', async () => {
    const { emulator, seen } = setup(auth);
    const request = postJson(
      `${ORIGIN}/api/v1/sync/api/s?q=wrong&keep=1`,
      { b: 'bv', a: 1 },
      { 'x-h': 'hv' },
    );
    expect((await emulator.fetch(request)).status).toBe(200);
    // q was checked (and deleted); the header matched; b was never checked: it leaks.
    expect(seen[0]!.kwargs).toEqual({ b: 'bv', a: 1 });
    expect(seen[0]!.context.query).toEqual({ keep: '1' });
    expect(seen[0]!.context.target).toBe('/api/v1/sync/api/s?q=wrong&keep=1');
  });

  it('signet sends one field, so nothing leaks; a query credential stays in originalUrl', async () => {
    const { emulator, seen } = setup(auth);
    const client = createDataFluxClient({
      baseUrl: ORIGIN,
      fetch: emulator.asFetch(),
      allowInsecureHttp: true,
      auth: fixedField([
        { in: 'query', name: 'q', value: 'qv' },
        { in: 'body', name: 'b', value: 'bv' },
      ]),
    });
    await expect(client.sync('api', { a: 1 })).resolves.toEqual({ kwargs: { a: 1 } });
    expect(seen[0]!.context.query).toEqual({});
    expect(seen[0]!.context.target).toBe('/api/v1/sync/api?q=qv');
  });
});

describe('auth functions', () => {
  const checks = {
    type: 'func',
    check: ({ headers }: { headers: Record<string, string> }) => {
      const mode = headers['x-mode'];
      if (mode === 'raise') throw new Error('Bad User!');
      return {
        false: false,
        none: null,
        text: 'Bad User!',
        dict: { error: 'Bad User!' },
        true: true,
      }[mode ?? 'none'];
    },
  } as DataFluxApiAuthConfig;
  const call = (emulator: ReturnType<typeof setup>['emulator'], mode: string) =>
    emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/api`, { kwargs: {} }, { 'x-mode': mode }));

  it('at 5.0.0 only a raise rejects (599 EFuncFailed); False, None, a string or a dict pass', async () => {
    const { emulator } = setup(checks);
    for (const mode of ['false', 'none', 'text', 'dict', 'true']) {
      expect((await call(emulator, mode)).status, mode).toBe(200);
    }
    const raised = await call(emulator, 'raise');
    expect(raised.status).toBe(599);
    expect(await json(raised)).toMatchObject({
      error: 599.1,
      reason: 'EFuncFailed',
      detail: { exception: "Error('Bad User!')", traceback: expect.any(String) },
    });
  });

  it('documentedAuthFunc: the seed document’s 401.99 "Func Auth failed" shapes', async () => {
    const { emulator } = setup(checks, { documentedAuthFunc: true });
    expect((await call(emulator, 'true')).status).toBe(200);
    for (const [mode, detail] of [
      ['false', false],
      ['text', 'Bad User!'],
      ['dict', { error: 'Bad User!' }],
    ] as const) {
      const response = await call(emulator, mode);
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({
        error: 401.99,
        reason: 'EAPIAuth',
        message: 'Func Auth failed',
        detail,
      });
    }
    expect((await json(await call(emulator, 'raise'))).detail).toMatchObject({
      name: 'Func.Runner',
      status: 'failure',
      exceptionType: 'UserScriptException',
      exception: "In User Script: Error('Bad User!')",
      exceptionFrom: 'userScript',
      originExceptionType: 'Error',
      originException: "Error('Bad User!')",
    });
  });
});

describe('Digest headers read as the server reads them, over real HTTP', () => {
  // node:http hands header bytes over as Latin-1 text, as the real server receives them.
  const users = [{ username: 'zoë', password: 'pässwörd' }];
  let server: Awaited<ReturnType<typeof serveEmulator>>;
  let emulator: ReturnType<typeof setup>['emulator'];
  beforeAll(async () => {
    emulator = createDataFluxEmulator({
      funcs: { 'demo__main.echo': (kwargs) => ({ kwargs }) },
      syncApis: { d: { func: 'demo__main.echo', auth: { type: 'httpDigest', users } } },
    });
    server = await serveEmulator(emulator);
  });
  afterAll(() => server.close());
  const client = (usernameEncoding?: 'latin1' | 'utf-8' | 'rfc7616') =>
    createDataFluxClient({
      baseUrl: server.url,
      retry: 0,
      auth: digest({ ...users[0]!, ...(usernameEncoding ? { usernameEncoding } : {}) }),
    });

  it('a Latin-1 user name passes as quoted Latin-1 bytes: the DataFlux client’s default', async () => {
    await expect(client().sync('d', { a: 1 })).resolves.toEqual({ kwargs: { a: 1 } });
    await expect(client('latin1').sync('d', { a: 2 })).resolves.toEqual({ kwargs: { a: 2 } });
  });

  it('its UTF-8 bytes are another name, and username* is never read: both challenged again', async () => {
    for (const encoding of ['utf-8', 'rfc7616'] as const) {
      emulator.clearCalls();
      await expect(client(encoding).sync('d'), encoding).rejects.toMatchObject({
        status: 401,
        reason: 'EAPIAuth',
        platformMessage: 'HTTP Digest Auth failed',
      });
      expect(emulator.calls).toHaveLength(2);
    }
  });
});
