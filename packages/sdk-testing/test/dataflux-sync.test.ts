import { describe, expect, it } from 'vitest';
import {
  createDataFluxEmulator,
  type DataFluxApiAuthConfig,
  type DataFluxEmulatorOptions,
} from '../src';
import { json, postJson, testClock } from './helpers.js';

const ORIGIN = 'http://dff.test';

function setup(auth?: DataFluxApiAuthConfig, overrides: Partial<DataFluxEmulatorOptions> = {}) {
  const clock = testClock();
  const seen: Record<string, unknown>[] = [];
  const emulator = createDataFluxEmulator({
    now: clock.now,
    funcs: {
      'demo__main.echo': (kwargs) => {
        seen.push(kwargs);
        return { kwargs };
      },
      'demo__main.value': ({ v }) => v,
      'demo__main.boom': () => {
        throw new TypeError('kaput');
      },
      'demo__main.slow': () => new Promise((resolve) => setTimeout(() => resolve(1), 200)),
    },
    syncApis: {
      echo: auth === undefined ? { func: 'demo__main.echo' } : { func: 'demo__main.echo', auth },
      value: { func: 'demo__main.value' },
      boom: { func: 'demo__main.boom' },
      slow: { func: 'demo__main.slow' },
    },
    asyncApis: { job: { func: 'demo__main.echo' } },
    ...overrides,
  });
  return { clock, emulator, seen };
}

const get = (target: string, headers: Record<string, string> = {}) =>
  new Request(ORIGIN + target, { headers });

describe('DataFlux emulator: Sync API formats', () => {
  it('POST normal format: the body holds kwargs, the success body is not wrapped', async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/echo`, { kwargs: { a: 1 } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-trace-id')).toMatch(/^TRACE-/);
    expect(await response.text()).toBe('{"kwargs":{"a":1}}');
  });

  it('GET normal format: kwargs and options as JSON text in the query', async () => {
    const { emulator } = setup();
    const q = new URLSearchParams({ kwargs: '{"a":1}', options: '{"returnType":"raw"}' });
    const response = await emulator.fetch(get(`/api/v1/sync/echo?${q}`));
    expect(await response.text()).toBe('{"kwargs":{"a":1}}');
    const bad = await emulator.fetch(get('/api/v1/sync/echo?kwargs=%7Bnope'));
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({
      reason: 'EClientBadRequest',
      message: 'Invalid kwargs, bad JSON format',
    });
  });

  it('simplified format (/s and /simplified): the query or body is the kwargs', async () => {
    const { emulator } = setup();
    expect(await (await emulator.fetch(get('/api/v1/sync/echo/s?a=1&b=x&b=y'))).text()).toBe(
      '{"kwargs":{"a":"1","b":["x","y"]}}',
    );
    const post = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/echo/simplified`, { a: 1, z: [true] }),
    );
    expect(await post.text()).toBe('{"kwargs":{"a":1,"z":[true]}}');
  });

  it('legacy /api/v1/al/:id answers like the Sync API', async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/al/echo`, { kwargs: { a: 2 } }),
    );
    expect(await response.text()).toBe('{"kwargs":{"a":2}}');
  });

  it('flattens scalar results as the server does: text/html, or an empty body', async () => {
    const { emulator } = setup();
    const cases = [
      [42, 'text/html; charset=utf-8', '42'],
      [1.5, 'text/html; charset=utf-8', '1.5'],
      ['text', 'text/html; charset=utf-8', 'text'],
      [true, 'application/json; charset=utf-8', 'true'],
      [[1, 'x'], 'application/json; charset=utf-8', '[1,"x"]'],
      // `returnValue || null`: None, False, 0 and '' all become an empty body, no type.
      [null, null, ''],
      [false, null, ''],
      [0, null, ''],
      ['', null, ''],
    ] as const;
    for (const [v, type, text] of cases) {
      const response = await emulator.fetch(
        postJson(`${ORIGIN}/api/v1/sync/value`, { kwargs: { v } }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type'), JSON.stringify(v)).toBe(type);
      expect(await response.text()).toBe(text);
      expect(response.headers.get('last-modified')).toMatch(/ GMT$/);
    }
    const dumped = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/value`, {
        kwargs: { v: 0 },
        options: { returnType: 'jsonDumps' },
      }),
    );
    expect(await dumped.text()).toBe('null');
  });

  it('serves returnType "jsonDumps" as the JSON text in text/html', async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/sync/echo`, {
        kwargs: { a: 1 },
        options: { returnType: 'jsonDumps' },
      }),
    );
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('{"kwargs":{"a":1}}');
  });

  it.each([
    [
      'an unexpected body field',
      { kwargs: {}, x: 1 },
      'Invalid request body',
      { message: 'Found unexpected field `x`' },
    ],
    [
      'kwargs as a JSON string',
      { kwargs: '{"a":1}' },
      'Invalid request body',
      { message: 'Field `kwargs` value `"{\\"a\\":1}"` is not valid. (type = "json")' },
    ],
    [
      'an option other than returnType',
      { kwargs: {}, options: { unbox: true } },
      'Invalid request body',
      { message: 'Found unexpected field `unbox`' },
    ],
    [
      'a returnType that is neither raw nor jsonDumps',
      { kwargs: {}, options: { returnType: 'xml' } },
      'Invalid request body',
      { message: 'Field `returnType` value `"xml"` is not valid. (in = ["raw","jsonDumps"])' },
    ],
  ])('refuses %s with 400 EClientBadRequest', async (_name, body, message, detail) => {
    const { emulator, seen } = setup();
    const response = await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/echo`, body));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      `"ok":false,"error":400.43,"reason":"EClientBadRequest","message":"${message}","detail":${JSON.stringify(detail)},"status":400`,
    );
    expect(seen).toHaveLength(0);
  });

  it('refuses an unexpected query field on the normal-format GET; a bad returnType there later', async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(get('/api/v1/sync/echo?kwargs=%7B%7D&token=t'));
    expect(await json(response)).toMatchObject({
      status: 400,
      message: 'Invalid request query',
      detail: { message: 'Found unexpected field `token`' },
    });
    // The query validator checks names only: options arrive as JSON text, read by the call.
    const q = new URLSearchParams({ kwargs: '{}', options: '{"returnType":"xml"}' });
    expect(await json(await emulator.fetch(get(`/api/v1/sync/echo?${q}`)))).toMatchObject({
      message: 'Invalid options, invalid returnType',
      detail: { allowed: ['raw', 'jsonDumps'] },
    });
  });

  it('answers 404 for unknown APIs and routes, 599 for failing and slow functions', async () => {
    const { emulator } = setup(undefined, { funcTimeoutMs: 50 });
    expect(
      await json(await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/nope`, {}))),
    ).toMatchObject({
      error: 404.41,
      message: 'No such Sync API',
    });
    expect(await json(await emulator.fetch(get('/api/v2/whatever')))).toMatchObject({
      status: 404,
      error: 404.41,
      message:
        'No such router. Please make sure that the METHOD is correct and no spelling missing in the URL',
      detail: { method: 'GET', url: '/api/v2/whatever' },
    });
    // Express cannot decode the path parameter: a system error, not a 404.
    expect(await json(await emulator.fetch(get('/api/v1/sync/%E0%A4%A')))).toMatchObject({
      status: 500,
      error: 500.5,
      reason: 'ESys',
      message: 'A System error occured. Please report this response to the administrator',
      detail: null,
    });
    const boom = await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/boom`, {}));
    expect(boom.status).toBe(599);
    expect(await json(boom)).toMatchObject({
      error: 599.1,
      reason: 'EFuncFailed',
      detail: { exception: "TypeError('kaput')" },
    });
    const slow = await emulator.fetch(postJson(`${ORIGIN}/api/v1/sync/slow`, {}));
    expect(slow.status).toBe(599);
    expect(await slow.text()).toContain(
      '"error":599.2,"reason":"EFuncTimeout","message":"Func task timeout"',
    );
  });

  it('Async API: answers the task id in the envelope and runs the function', async () => {
    const { emulator, seen } = setup();
    const response = await emulator.fetch(
      postJson(`${ORIGIN}/api/v1/async/job`, { kwargs: { a: 1 } }),
    );
    const body = await json(response);
    expect(body).toMatchObject({ ok: true, error: 200, message: '' });
    const id = (body.data as { id: string }).id;
    expect(id).toMatch(/^task-[0-9a-f]{24}$/);
    await emulator.tasks[0]!.done;
    expect(emulator.tasks[0]).toMatchObject({
      id,
      status: 'success',
      result: { kwargs: { a: 1 } },
    });
    expect(seen).toEqual([{ a: 1 }]);
    expect(
      await json(await emulator.fetch(postJson(`${ORIGIN}/api/v1/async/nope`, {}))),
    ).toMatchObject({
      message: 'No such Async API',
    });
  });
});
