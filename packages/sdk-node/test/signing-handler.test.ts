import {
  jitaiSign,
  type LosslessObject,
  parseLossless,
  pyJsonDumps,
  SignetConfigError,
  SignetHttpError,
  SignetSignatureError,
} from '@signet/sdk-core';
import { createJitaiEmulator, type ServedEmulator, serveEmulator } from '@signet/sdk-testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type JitaiRequestVector,
  type JitaiResponseVector,
  readVectors,
} from '../../../test/vectors/load.js';
import { remoteSigner } from '../../sdk-core/src/jitai/remote-signer.js';
import { createJitaiClient } from '../src/clients.js';
import { createSigningHandler, type SigningHandlerOptions } from '../src/signing-handler.js';

const KEY = { accessKey: 'ak_browser_01', accessSecret: 'browser-facing-secret-0123456789' };
const NOW = 1_764_147_831_853;

function handler(extra: Partial<SigningHandlerOptions> = {}) {
  return createSigningHandler({
    ...KEY,
    allow: ['services.OrderSvc.query'],
    now: () => NOW,
    ...(extra.authorize ? {} : { dangerouslySignForAnyone: true }),
    ...extra,
  });
}

function post(payload: unknown, init: RequestInit = {}): Request {
  return new Request('http://partner.test/sign', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    ...init,
  });
}

const signPayload = (over: Record<string, unknown> = {}) => ({
  op: 'sign',
  profile: 'jitai',
  api: 'services.OrderSvc.query',
  method: 'POST',
  path: '/api/org/app/services/OrderSvc/query',
  bodyText: '{"orderId":"1001"}',
  ...over,
});

async function answer(h: (r: Request) => Promise<Response>, request: Request) {
  const response = await h(request);
  const text = await response.text();
  expect(text).not.toContain(KEY.accessSecret);
  expect(response.headers.get('content-type')).toBe('application/json');
  return { status: response.status, body: JSON.parse(text) };
}

describe('createSigningHandler: sign', () => {
  test('signs the exact body text with the server clock', async () => {
    const { status, body } = await answer(handler(), post(signPayload()));
    expect(status).toBe(200);
    const accessSign = jitaiSign({ orderId: '1001' }, { timestamp: NOW, secret: KEY.accessSecret });
    expect(body).toEqual({
      headers: { accessKey: KEY.accessKey, timestamp: String(NOW), accessSign },
    });
  });

  test('every request vector: the handler signs argsJson to the vector accessSign', async () => {
    const file = readVectors<JitaiRequestVector>('jitai/requests.json');
    expect(file.cases.length).toBeGreaterThan(0);
    for (const c of file.cases) {
      const h = createSigningHandler({
        accessKey: 'k',
        accessSecret: c.secret,
        allow: () => true,
        now: () => c.timestamp,
        dangerouslySignForAnyone: true,
      });
      const { body } = await answer(h, post(signPayload({ bodyText: c.argsJson })));
      expect(body.headers?.accessSign, c.name).toBe(c.accessSign);
    }
  });

  test.each([
    ['GET', post(null, { method: 'GET', body: null }), 405, 'MethodNotAllowed'],
    [
      'text/plain',
      post(signPayload(), { headers: { 'content-type': 'text/plain' } }),
      415,
      'UnsupportedMediaType',
    ],
    ['not JSON', post('{op:'), 400, 'SignetDecodeError'],
    ['unknown op', post(signPayload({ op: 'mint' })), 400, 'SignetConfigError'],
    ['other profile', post(signPayload({ profile: 'dataflux' })), 400, 'SignetConfigError'],
    ['bad api name', post(signPayload({ api: 'OrderSvc' })), 400, 'SignetConfigError'],
    ['GET method in payload', post(signPayload({ method: 'GET' })), 400, 'SignetConfigError'],
    [
      'api not allowed',
      post(signPayload({ api: 'services.AdminSvc.drop', path: '/api/o/a/services/AdminSvc/drop' })),
      403,
      'Forbidden',
    ],
    [
      'path names another api',
      post(signPayload({ path: '/api/o/a/services/AdminSvc/drop' })),
      403,
      'Forbidden',
    ],
    [
      'dot segments',
      post(signPayload({ path: '/api/o/../x/services/OrderSvc/query' })),
      400,
      'SignetConfigError',
    ],
    [
      'a query',
      post(signPayload({ path: '/api/o/a/services/OrderSvc/query?x=1' })),
      400,
      'SignetConfigError',
    ],
    ['body not an object', post(signPayload({ bodyText: '[1]' })), 400, 'SignetConfigError'],
    ['body not JSON', post(signPayload({ bodyText: '{' })), 400, 'SignetDecodeError'],
    [
      'colliding keys',
      post(signPayload({ bodyText: '{"orderId":"1","orderid":"2"}' })),
      400,
      'SignetConfigError',
    ],
    [
      'too large',
      post(signPayload({ bodyText: `{"x":"${'a'.repeat(2000)}"}` })),
      413,
      'PayloadTooLarge',
    ],
  ])('refuses %s', async (_label, request, status, name) => {
    const { status: got, body } = await answer(handler({ maxBodyBytes: 1000 }), request);
    expect(got).toBe(status);
    expect(body.error.name).toBe(name);
    expect(typeof body.error.message).toBe('string');
  });

  test('basePath pins the app: the same api under another app is refused', async () => {
    const h = handler({ basePath: '/api/org/app/' });
    expect((await answer(h, post(signPayload()))).status).toBe(200);
    const other = await answer(
      h,
      post(signPayload({ path: '/api/evil/app/services/OrderSvc/query' })),
    );
    expect(other).toMatchObject({ status: 403, body: { error: { name: 'Forbidden' } } });
  });

  test('authorize sees the request and the checked payload; false and throwing both refuse', async () => {
    const seen: unknown[] = [];
    const h = handler({
      authorize: (request, payload) => {
        seen.push([request.headers.get('x-session'), payload.op]);
        return request.headers.get('x-session') === 'ok';
      },
    });
    const ok = post(signPayload(), {
      headers: { 'content-type': 'application/json', 'x-session': 'ok' },
    });
    expect((await answer(h, ok)).status).toBe(200);
    expect((await answer(h, post(signPayload()))).status).toBe(403);
    expect(seen).toEqual([
      ['ok', 'sign'],
      [null, 'sign'],
    ]);
    const throwing = handler({
      authorize: () => {
        throw new Error(`db down ${KEY.accessSecret}`);
      },
    });
    expect(await answer(throwing, post(signPayload()))).toEqual({
      status: 500,
      body: { error: { name: 'InternalError', message: 'the signer failed' } },
    });
  });

  test('fails closed: no authorize, no handler — an open signer must say so by name', async () => {
    // Before, a handler without authorize signed for any anonymous request.
    expect(() => createSigningHandler({ ...KEY, allow: ['services.OrderSvc.query'] })).toThrow(
      /authorize is required.*dangerouslySignForAnyone: true/,
    );
    expect(() =>
      createSigningHandler({
        ...KEY,
        allow: [],
        authorize: () => true,
        dangerouslySignForAnyone: true,
      }),
    ).toThrow(/not both/);
    expect(() =>
      createSigningHandler({
        ...KEY,
        allow: [],
        dangerouslySignForAnyone: 'yes' as unknown as boolean,
      }),
    ).toThrow(/dangerouslySignForAnyone must be a boolean/);
    expect(() =>
      createSigningHandler({ ...KEY, allow: [], dangerouslySignForAnyone: false }),
    ).toThrow(/authorize is required/);
    const open = createSigningHandler({
      ...KEY,
      allow: ['services.OrderSvc.query'],
      now: () => NOW,
      dangerouslySignForAnyone: true,
    });
    expect((await answer(open, post(signPayload()))).status).toBe(200);
  });

  test('options are checked up front', () => {
    expect(() =>
      createSigningHandler({ ...KEY, accessSecret: '', allow: [], dangerouslySignForAnyone: true }),
    ).toThrow(/accessSecret/);
    expect(() => handler({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes must be a positive integer/);
    expect(() =>
      createSigningHandler({
        ...KEY,
        allow: 'services.*' as unknown as string[],
        dangerouslySignForAnyone: true,
      }),
    ).toThrow(/allow/);
  });
});

describe('createSigningHandler: verify', () => {
  test('every response vector: data sent as pyJsonDumps text gets the expected verdict', async () => {
    const file = readVectors<JitaiResponseVector>('jitai/responses.json');
    expect(file.cases.length).toBeGreaterThan(0);
    for (const c of file.cases) {
      const h = createSigningHandler({
        accessKey: 'k',
        accessSecret: c.secret,
        allow: [],
        now: () => c.now,
        dangerouslySignForAnyone: true,
      });
      const data = (parseLossless(c.bodyText) as LosslessObject).data;
      const { body } = await answer(
        h,
        post({ op: 'verify', profile: 'jitai', dataText: pyJsonDumps(data) }),
      );
      if (c.expect === 'ok') expect(body, c.name).toEqual({ ok: true });
      else
        expect(body, c.name).toMatchObject({
          ok: false,
          error: { name: 'SignetSignatureError', problem: c.expect },
        });
    }
  });

  test('a dataText that is not JSON is a 400', async () => {
    const { status } = await answer(
      handler(),
      post({ op: 'verify', profile: 'jitai', dataText: '{' }),
    );
    expect(status).toBe(400);
  });
});

describe('remoteSigner ⇄ createSigningHandler over HTTP', () => {
  let app: ServedEmulator;
  let signer: ServedEmulator;
  const emulator = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query', 'services.AdminSvc.drop'] }],
    services: {
      'services.OrderSvc': { query: ({ orderId }) => ({ orderId, amount: 12.5 }) },
      'services.AdminSvc': { drop: () => 'dropped' },
    },
  });
  beforeAll(async () => {
    app = await serveEmulator(emulator);
    signer = await serveEmulator({
      fetch: createSigningHandler({
        ...KEY,
        allow: ['services.OrderSvc.query'],
        basePath: '/api/org/app',
        authorize: (request) => request.headers.get('x-csrf') === 'token-1',
      }),
    });
  });
  afterAll(async () => {
    await app.close();
    await signer.close();
  });
  const client = () =>
    createJitaiClient({
      baseUrl: `${app.url}/api/org/app`,
      accessKey: KEY.accessKey,
      auth: remoteSigner({ endpoint: `${signer.url}/sign`, headers: { 'x-csrf': 'token-1' } }),
    });

  test('a delegated call is signed, sent and verified', async () => {
    await expect(client().call('services.OrderSvc.query', { orderId: 'A-1' })).resolves.toEqual({
      orderId: 'A-1',
      amount: 12.5,
    });
    expect(emulator.calls.at(-1)).toMatchObject({ auth: 'signed', ok: true });
  });

  test('a page without what authorize checks gets no signature, and the app sees nothing', async () => {
    const before = emulator.calls.length;
    const anonymous = createJitaiClient({
      baseUrl: `${app.url}/api/org/app`,
      accessKey: KEY.accessKey,
      auth: remoteSigner({ endpoint: `${signer.url}/sign` }),
    });
    const error = await anonymous.call('services.OrderSvc.query', { orderId: '1' }).catch((e) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    expect(String(error)).toMatch(/403: Forbidden: authorize refused this request/);
    expect(emulator.calls.length).toBe(before);
  });

  test('an api outside the allow-list never reaches the app', async () => {
    const before = emulator.calls.length;
    const error = await client()
      .call('services.AdminSvc.drop', {})
      .then(
        () => undefined,
        (e: unknown) => e as SignetHttpError,
      );
    expect(error).toBeInstanceOf(SignetHttpError);
    expect(error?.message).toMatch(
      /answered 403: Forbidden: api services\.AdminSvc\.drop is not in/,
    );
    expect(emulator.calls.length).toBe(before);
  });

  test('args the platform would read otherwise are refused by the handler, typed and named in the page', async () => {
    const before = emulator.calls.length;
    for (const [args, named] of [
      [{ orderId: '1', orderid: '2' }, /args has keys "orderId" and "orderid"/],
      [{ orderId: '1', Timestamp: 2 }, /args\.Timestamp is reserved/],
      [{ 'lone\ud800': 1 }, /lone surrogate/],
    ] as const) {
      const error = await client()
        .call('services.OrderSvc.query', args)
        .catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(SignetConfigError);
      expect((error as Error).message).toMatch(/^remoteSigner: the signer refused the request: /);
      expect((error as Error).message).toMatch(named);
    }
    expect(emulator.calls.length).toBe(before);
  });

  test('a tampered response is refused by the handler', async () => {
    emulator.tamperResponseSignature = true;
    try {
      await expect(
        client().call('services.OrderSvc.query', { orderId: '1' }),
      ).rejects.toBeInstanceOf(SignetSignatureError);
    } finally {
      emulator.tamperResponseSignature = false;
    }
  });
});
