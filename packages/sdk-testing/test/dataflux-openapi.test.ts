import { describe, expect, it } from 'vitest';
import {
  createDataFluxEmulator,
  DATAFLUX_SIGN_ERROR_MESSAGE,
  type DataFluxEmulatorOptions,
} from '../src';
import { dataFluxRequest, json, testClock } from './helpers.js';

const ORIGIN = 'http://dff.test';
const KEY = { akId: 'ak-1', akSecret: 'sk-secret-1' };

function setup(overrides: Partial<DataFluxEmulatorOptions> = {}) {
  const clock = testClock();
  const emulator = createDataFluxEmulator({
    now: clock.now,
    accessKeys: [KEY],
    funcs: {
      'demo__main.hello': ({ name }) => `Hello, ${String(name)}`,
      'demo__main.plus': ({ x, y }) => (x as number) + (y as number),
      'demo__main.boom': () => {
        throw new Error('Bad User!');
      },
    },
    ...overrides,
  });
  let n = 0;
  const signing = (extra: Partial<Parameters<typeof dataFluxRequest>[3]> = {}) => ({
    ...KEY,
    timestamp: Math.floor(clock.now() / 1000),
    nonce: `nonce-${++n}`,
    ...extra,
  });
  return { clock, emulator, signing };
}

describe('DataFlux emulator: AK/SK OpenAPI', () => {
  it('accepts a signed call and answers the func envelope with data.result', async () => {
    const { emulator, signing, clock } = setup();
    const target = '/api/v1/func/demo__main.hello';
    const response = await emulator.fetch(
      dataFluxRequest(ORIGIN, target, { kwargs: { name: 'x' } }, signing()),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const iso = new Date(clock.now()).toISOString();
    expect(await response.text()).toMatch(
      new RegExp(
        `^\\{"ok":true,"error":200,"message":"","data":\\{"result":"Hello, x"\\},"traceId":"TRACE-[0-9A-F]{32}","clientTime":null,"reqTime":"${iso}","respTime":"${iso}","reqCost":0\\}$`,
      ),
    );
    expect(response.headers.get('x-trace-id')).toMatch(/^TRACE-/);
    expect(response.headers.get('x-request-cost')).toBe('0');
    expect(emulator.calls[0]).toMatchObject({
      route: 'func',
      id: 'demo__main.hello',
      akId: 'ak-1',
      ok: true,
      kwargs: { name: 'x' },
    });
    expect(emulator.calls[0]!.headers['x-dff-ak-sign']).toBe('***');
  });

  it('signs the target exactly as sent, query included', async () => {
    const { emulator, signing } = setup();
    const target = '/api/v1/func/demo__main.plus?b=2&a=1&a=%7E';
    const ok = await emulator.fetch(
      dataFluxRequest(ORIGIN, target, { kwargs: { x: 1, y: 2 } }, signing()),
    );
    expect(await json(ok)).toMatchObject({ ok: true, data: { result: 3 } });
    const signedFor = dataFluxRequest(ORIGIN, target, { kwargs: { x: 1, y: 2 } }, signing());
    const moved = new Request(`${ORIGIN}/api/v1/func/demo__main.plus?a=1&b=2&a=%7E`, signedFor);
    expect(await json(await emulator.fetch(moved))).toMatchObject({
      message: DATAFLUX_SIGN_ERROR_MESSAGE,
    });
  });

  it('refuses a reused nonce, within 24 h, even with a valid signature', async () => {
    const { emulator, signing, clock } = setup();
    const target = '/api/v1/func/demo__main.hello';
    const first = signing({ nonce: 'same-nonce' });
    expect(
      (await emulator.fetch(dataFluxRequest(ORIGIN, target, { kwargs: {} }, first))).status,
    ).toBe(200);
    const replay = await emulator.fetch(
      dataFluxRequest(ORIGIN, target, { kwargs: {} }, signing({ nonce: 'same-nonce' })),
    );
    expect(replay.status).toBe(401);
    const text = await replay.text();
    expect(text).toContain(
      '"ok":false,"error":401.14,"reason":"EUserAuth","message":"Invalid Access Key nonce"',
    );
    clock.advance(24 * 3600 * 1000 + 1000);
    const later = dataFluxRequest(ORIGIN, target, { kwargs: {} }, signing({ nonce: 'same-nonce' }));
    expect((await emulator.fetch(later)).status).toBe(200);
  });

  it('accepts ±900 s and refuses 901 s of skew', async () => {
    const { emulator, signing, clock } = setup();
    const target = '/api/v1/func/demo__main.hello';
    const seconds = Math.floor(clock.now() / 1000);
    for (const ts of [seconds - 900, seconds + 900]) {
      const response = await emulator.fetch(
        dataFluxRequest(ORIGIN, target, { kwargs: {} }, signing({ timestamp: ts })),
      );
      expect(response.status).toBe(200);
    }
    for (const ts of [seconds - 901, seconds + 901]) {
      const response = await emulator.fetch(
        dataFluxRequest(ORIGIN, target, { kwargs: {} }, signing({ timestamp: ts })),
      );
      expect(response.status).toBe(401);
      expect((await json(response)).message).toBe('Invalid Access Key timestamp');
    }
  });

  it('refuses a signed POST sent without Content-Type: application/json (empty buffer hashed)', async () => {
    const { emulator, signing } = setup();
    const target = '/api/v1/func/demo__main.hello';
    const noBody = dataFluxRequest(ORIGIN, target, undefined, signing({ noContentType: true }));
    expect(await json(await emulator.fetch(noBody))).toMatchObject({
      error: 401.14,
      message: DATAFLUX_SIGN_ERROR_MESSAGE,
    });
    const withJson = dataFluxRequest(ORIGIN, target, undefined, signing());
    expect((await emulator.fetch(withJson)).status).toBe(200);
  });

  it('answers the server’s messages for missing headers, unknown keys and functions', async () => {
    const { emulator, signing } = setup();
    const target = '/api/v1/func/demo__main.hello';
    const unsigned = new Request(ORIGIN + target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    // Without both ID and sign the request presents no key: it is just not signed in.
    const unsignedBody = await json(await emulator.fetch(unsigned));
    expect(unsignedBody).toMatchObject({ status: 401, message: 'User not signed in' });
    expect(unsignedBody).not.toHaveProperty('detail');
    const signOnly = dataFluxRequest(ORIGIN, target, {}, signing());
    signOnly.headers.delete('X-Dff-Ak-Id');
    expect(await json(await emulator.fetch(signOnly))).toMatchObject({
      message: 'User not signed in',
    });
    const noNonce = dataFluxRequest(ORIGIN, target, {}, signing());
    noNonce.headers.delete('X-Dff-Ak-Nonce');
    expect(await json(await emulator.fetch(noNonce))).toMatchObject({
      message: 'Access Key nonce is missing',
    });
    const stranger = dataFluxRequest(ORIGIN, target, {}, signing({ akId: 'ak-x' }));
    const unknownKey = await emulator.fetch(stranger);
    expect(unknownKey.status).toBe(404);
    expect(await json(unknownKey)).toMatchObject({
      error: 404.41,
      reason: 'EClientNotFound',
      message: 'No such data',
      detail: { entity: 'access key', id: 'ak-x' },
    });
    const noFunc = await emulator.fetch(
      dataFluxRequest(ORIGIN, '/api/v1/func/nope', {}, signing()),
    );
    expect(noFunc.status).toBe(404);
    expect(await json(noFunc)).toMatchObject({
      message: 'No such Func',
      detail: { funcId: 'nope' },
    });
  });

  it('answers a throwing function with 599 EFuncFailed, the error number written 599.1', async () => {
    const { emulator, signing } = setup();
    const response = await emulator.fetch(
      dataFluxRequest(ORIGIN, '/api/v1/func/demo__main.boom', {}, signing()),
    );
    expect(response.status).toBe(599);
    const text = await response.text();
    expect(text).toContain(
      '"ok":false,"error":599.1,"reason":"EFuncFailed","message":"Func task failed"',
    );
    expect(JSON.parse(text).detail).toEqual({
      exception: "Error('Bad User!')",
      traceback: expect.stringContaining('Error: Bad User!'),
    });
  });

  it('writes the full error envelope in the server’s member order', async () => {
    const { emulator, clock } = setup();
    const request = new Request(`${ORIGIN}/api/v1/func/x?q=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace-Id': 'TRACE-MINE' },
      body: '{"kwargs":{}}',
    });
    const response = await emulator.fetch(request);
    expect(response.headers.get('x-trace-id')).toBe('TRACE-MINE');
    const iso = new Date(clock.now()).toISOString();
    expect(await response.text()).toBe(
      `{"ok":false,"error":401.14,"reason":"EUserAuth","message":"User not signed in","status":401,"reqDump":{"method":"POST","url":"/api/v1/func/x?q=1","bodyDump":"{\\n  \\"kwargs\\": {}\\n}"},"traceId":"TRACE-MINE","clientTime":null,"reqTime":"${iso}","respTime":"${iso}","reqCost":0}`,
    );
  });

  it('loses what the Node server loses: big integers and 1.0 come back as JS numbers', async () => {
    const { emulator, signing } = setup({
      funcs: { 'f.big': () => ({ big: 12345678901234567890n, one: 1.0 }) },
    });
    const text = await (
      await emulator.fetch(dataFluxRequest(ORIGIN, '/api/v1/func/f.big', {}, signing()))
    ).text();
    expect(text).toContain('"data":{"result":{"big":12345678901234567000,"one":1}}');
  });
});
