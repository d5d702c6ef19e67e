import {
  jitaiParamStr,
  LosslessNumber,
  SignetApiError,
  SignetConfigError,
  SignetSignatureError,
  verifyJitaiResponse,
} from '@signet/sdk-core';
import { describe, expect, it } from 'vitest';
import { type JitaiRequestVector, readVectors } from '../../../test/vectors/load.js';
import {
  createJitaiEmulator,
  JITAI_ERRCODES,
  JitaiBusinessError,
  type JitaiEmulatorOptions,
  jitaiDefinitionFromEJson,
} from '../src';
import { jitaiRequest, json, testClock } from './helpers.js';

const SECRET = 'generated_secret';
const ORIGIN = 'http://jitai.test';
const BASE = `${ORIGIN}/api/whwy/testjitai`;
const QUERY = `${BASE}/services/OrderSvc/query`;

const orderSvcEJson = JSON.stringify({
  title: 'Order Service',
  type: 'services.NormalType',
  functionList: [
    {
      name: 'query',
      title: 'Order Query',
      args: [{ title: 'Order ID', name: 'orderId', dataType: 'Stext' }],
      returnType: 'JitDict',
      desc: 'Query order status',
    },
    { name: 'echo', title: 'Echo', args: [] },
    {
      name: 'bearerQuery',
      title: 'Bearer Query',
      args: [{ title: 'Order ID', name: 'orderId', dataType: 'Stext' }],
      returnType: 'JitDict',
      ignoreSign: true,
      loginRequired: false,
    },
  ],
});

function setup(overrides: Partial<JitaiEmulatorOptions> = {}) {
  const clock = testClock();
  const emulator = createJitaiEmulator({
    orgId: 'whwy',
    appName: 'testjitai',
    now: clock.now,
    apiAuths: [
      {
        accessKey: 'your_access_key',
        accessSecret: SECRET,
        apis: ['services.OrderSvc.query', 'services.OrderSvc.echo', 'services.OrderSvc.fail'],
      },
      { accessKey: 'other_key', accessSecret: 'other_secret', apis: ['services.OrderSvc.echo'] },
    ],
    definitions: [jitaiDefinitionFromEJson('services.OrderSvc', orderSvcEJson)],
    services: {
      'services.OrderSvc': {
        query: ({ orderId }) => ({ orderId, status: 'PAID' }),
        bearerQuery: ({ orderId }) => ({ orderId, status: 'PAID' }),
        fail: ({ kind }) => {
          if (kind === 'business') throw new JitaiBusinessError(30001, 'order does not exist');
          throw new Error('division by zero');
        },
      },
    },
    bearer: {
      tokens: { testtoken123: 'demoapp' },
      functions: [['services.OrderSvc', 'bearerQuery']],
    },
    ...overrides,
  });
  const sign = { accessKey: 'your_access_key', secret: SECRET, timestamp: clock.now() };
  return { clock, emulator, sign };
}

describe('JitAi emulator: signed calls', () => {
  it('accepts a signed call and answers the platform envelope, signed, Python-formatted', async () => {
    const { emulator, sign, clock } = setup();
    const response = await emulator.fetch(jitaiRequest(QUERY, '{"orderId": "1001"}', sign));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text).toMatch(
      new RegExp(
        `^\\{"errcode": 0, "errmsg": null, "requestId": "[0-9a-f]{32}", "sysTime": ${clock.now()}, "duration": 0, "data": \\{"data": \\{"orderId": "1001", "status": "PAID"\\}, "timestamp": ${clock.now()}, "accessSign": "[0-9a-f]{40}"\\}\\}$`,
      ),
    );
    expect(verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toEqual({
      orderId: '1001',
      status: 'PAID',
    });
    expect(emulator.calls).toHaveLength(1);
    expect(emulator.calls[0]).toMatchObject({
      api: 'services.OrderSvc.query',
      auth: 'signed',
      accessKey: 'your_access_key',
      timestamp: clock.now(),
      ok: true,
      errcode: 0,
      paramStrMasked: `orderid=1001&secret=*********************&timestamp=${clock.now()}`,
    });
    expect(emulator.calls[0]!.headers.accesssign).toBe('***');
    expect(JSON.stringify(emulator.calls)).not.toContain(SECRET);
  });

  it('rejects a wrong signature with errcode 20005 on HTTP 200', async () => {
    const { emulator, sign } = setup();
    const response = await emulator.fetch(
      jitaiRequest(QUERY, '{"orderId": "1001"}', { ...sign, accessSign: 'a'.repeat(40) }),
    );
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.errcode).toBe(20005);
    expect(body.errmsg).toBe(
      'apiAuths.myApiAuth【API Authorization】Element exception, please check element code or parameters. Error message: Authentication failed',
    );
    expect(body.data).toEqual({});
    expect(body.errHandler).toBe('promptError');
  });

  it('signs from the body as sent: another serialization of the same args is refused', async () => {
    const { emulator, sign } = setup();
    const signedFor = jitaiRequest(QUERY, '{"orderId": "1001", "n": 1.0}', sign);
    const sent = new Request(signedFor, { body: '{"orderId": "1001", "n": 1}' });
    expect((await json(await emulator.fetch(sent))).errcode).toBe(20005);
    const intact = jitaiRequest(QUERY, '{"orderId": "1001", "n": 1.0}', sign);
    expect((await json(await emulator.fetch(intact))).errcode).toBe(0);
  });

  it('accepts exactly 300 000 ms of clock difference and refuses 300 001 ms', async () => {
    const { emulator, sign, clock } = setup();
    const edge = jitaiRequest(QUERY, '{"orderId": "1"}', {
      ...sign,
      timestamp: clock.now() - 300_000,
    });
    expect((await json(await emulator.fetch(edge))).errcode).toBe(0);
    const old = jitaiRequest(QUERY, '{"orderId": "1"}', {
      ...sign,
      timestamp: clock.now() - 300_001,
    });
    const body = await json(await emulator.fetch(old));
    expect(body.errcode).toBe(20005);
    expect(body.errmsg).toContain('Authentication failed: timestamp expired');
    const ahead = jitaiRequest(QUERY, '{"orderId": "1"}', {
      ...sign,
      timestamp: clock.now() + 300_001,
    });
    expect((await json(await emulator.fetch(ahead))).errcode).toBe(20005);
  });

  it('refuses an unknown accessKey and an API outside the key’s apis', async () => {
    const { emulator, sign } = setup();
    const unknown = await json(
      await emulator.fetch(jitaiRequest(QUERY, '{}', { ...sign, accessKey: 'nobody' })),
    );
    expect(unknown.errcode).toBe(20005);
    expect(unknown.errmsg).toContain('apiAuths.NormalType');
    expect(unknown.errmsg).toContain('Authentication failed: unknown accessKey');
    const other = { ...sign, accessKey: 'other_key', secret: 'other_secret' };
    const denied = await json(await emulator.fetch(jitaiRequest(QUERY, '{}', other)));
    expect(denied.errcode).toBe(20005);
    expect(denied.errmsg).toContain(
      'Authentication failed: services.OrderSvc.query is not an authorized API of this accessKey',
    );
    const missing = new Request(QUERY, { method: 'POST', body: '{}' });
    const noHeaders = await json(await emulator.fetch(missing));
    expect(noHeaders.errcode).toBe(20005);
    expect(noHeaders.errmsg).toContain('missing accessKey header');
  });

  it('signs the paramStr the server builds: header timestamp wins, accessSign dropped, last duplicate wins', async () => {
    const { emulator, sign, clock } = setup();
    // Python: {**args, timestamp, accessSign}; pop accessSign; lower-case keys, later wins.
    const body = '{"orderId": "1", "OrderID": "2", "Timestamp": 5, "accessSign": "x"}';
    const request = jitaiRequest(QUERY, '{"orderid": "2"}', sign);
    const response = await emulator.fetch(new Request(request, { body }));
    expect((await json(response)).errcode).toBe(0);
    expect(emulator.calls[0]!.paramStrMasked).toBe(
      `orderid=2&secret=*********************&timestamp=${clock.now()}`,
    );
  });
});

// The emulator checks with sdk-core's canonical forms; here the requests are signed by
// the shared vectors themselves (headers taken from the files, not computed by signet), so
// a canonicalization bug in the shared code makes the kit refuse a correct request.
describe('JitAi emulator: requests signed by the shared vectors', () => {
  const vectors = readVectors<JitaiRequestVector>('jitai/requests.json').cases;
  const ECHO = `${BASE}/services/OrderSvc/echo`;
  const vectorSetup = (v: JitaiRequestVector) =>
    setup({
      now: () => v.timestamp,
      apiAuths: [
        { accessKey: 'vectorkey', accessSecret: v.secret, apis: ['services.OrderSvc.echo'] },
      ],
      services: { 'services.OrderSvc': { echo: (_args, ctx) => ctx.argsTree } },
    }).emulator;

  it.each(vectors.map((v) => [v.name, v] as const))(
    '%s: accepted with the vector accessSign, refused with another; debug shows the vector paramStr',
    async (_name, v) => {
      const emulator = vectorSetup(v);
      const signing = { accessKey: 'vectorkey', secret: v.secret, timestamp: v.timestamp };
      const sent = (extra: object) =>
        emulator.fetch(jitaiRequest(ECHO, v.argsJson, { ...signing, ...extra }));
      expect(await json(await sent({ accessSign: v.accessSign }))).toMatchObject({ errcode: 0 });
      const other = `${v.accessSign.slice(0, -1)}${v.accessSign.endsWith('0') ? '1' : '0'}`;
      expect(await json(await sent({ accessSign: other }))).toMatchObject({ errcode: 20005 });
      const debug = await json(await sent({ accessSign: v.accessSign, debug: true }));
      expect(debug).toMatchObject({
        errcode: 20005,
        respExtraData: { apiAuthDebug: { paramStr: v.paramStrMasked } },
      });
    },
  );
});

describe('JitAi emulator: debug mode', () => {
  it('returns the masked paramStr and rejects the request signed with the real secret', async () => {
    const { emulator, sign } = setup();
    const args = { orderId: '1001', qty: 2 };
    const response = await emulator.fetch(
      jitaiRequest(QUERY, JSON.stringify(args), { ...sign, debug: true }),
    );
    const body = await json(response);
    expect(body.errcode).toBe(20005);
    expect(body.respExtraData).toEqual({
      apiAuthDebug: {
        paramStr: jitaiParamStr(args, { timestamp: sign.timestamp, secret: SECRET, masked: true }),
      },
    });
  });

  it('accepts a debug request signed over the masked paramStr (the quirk)', async () => {
    const { emulator, sign, clock } = setup();
    const request = jitaiRequest(QUERY, '{"orderId": "7"}', {
      ...sign,
      debug: true,
      signMasked: true,
    });
    const text = await (await emulator.fetch(request)).text();
    expect(verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toEqual({
      orderId: '7',
      status: 'PAID',
    });
    expect(JSON.parse(text).respExtraData.apiAuthDebug.paramStr).toContain('secret=*****');
  });
});

describe('JitAi emulator: results', () => {
  it('keeps lossless results on the wire and signs them so verifyJitaiResponse accepts them', async () => {
    const { emulator, sign, clock } = setup({
      services: {
        'services.OrderSvc': {
          query: () => ({
            price: new LosslessNumber('1.0'),
            big: 12345678901234567890n,
            exact: new LosslessNumber('12345678901234567890'),
            name: '订单 😀',
          }),
        },
      },
    });
    const text = await (await emulator.fetch(jitaiRequest(QUERY, '{}', sign))).text();
    expect(text).toContain(
      '"data": {"price": 1.0, "big": 12345678901234567890, "exact": 12345678901234567890, "name": "订单 😀"}',
    );
    expect(verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toEqual({
      price: 1,
      big: 12345678901234567890n,
      exact: 12345678901234567890n,
      name: '订单 😀',
    });
  });

  it('echoes the args of a defined function without implementation, lexemes intact', async () => {
    const { emulator, sign, clock } = setup();
    const url = `${BASE}/services/OrderSvc/echo`;
    const bodyText = '{"a": 1.0, "b": 12345678901234567890, "c": 1e-05, "d": "x"}';
    const text = await (await emulator.fetch(jitaiRequest(url, bodyText, sign))).text();
    expect(text).toContain('"data": {"a": 1.0, "b": 12345678901234567890, "c": 1e-05, "d": "x"}');
    expect(verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toMatchObject({
      b: 12345678901234567890n,
    });
  });

  it('writes \\uXXXX escapes with ensureAscii, still verifiable', async () => {
    const { emulator, sign, clock } = setup({ ensureAscii: true });
    const text = await (
      await emulator.fetch(jitaiRequest(QUERY, '{"orderId": "订😀"}', sign))
    ).text();
    expect(text).toContain('"orderId": "\\u8ba2\\ud83d\\ude00"');
    expect(verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toMatchObject({
      orderId: '订😀',
    });
  });

  it('answers a JitaiBusinessError envelope and a service crash as errcode 50000', async () => {
    const { emulator, sign, clock } = setup();
    const url = `${BASE}/services/OrderSvc/fail`;
    const business = await (
      await emulator.fetch(jitaiRequest(url, '{"kind": "business"}', sign))
    ).text();
    expect(JSON.parse(business)).toMatchObject({
      errcode: 30001,
      errmsg: 'order does not exist',
      data: {},
    });
    expect(() => verifyJitaiResponse(business, { secret: SECRET, now: clock.now() })).toThrow(
      SignetApiError,
    );
    const crash = await json(await emulator.fetch(jitaiRequest(url, '{"kind": "bug"}', sign)));
    expect(crash.errcode).toBe(JITAI_ERRCODES.serviceError);
    expect(crash.errmsg).toBe(
      'services.OrderSvc【Order Service】Element exception, please check element code or parameters. Error message: division by zero',
    );
  });

  it('answers a result Python could not serialize as a service error', async () => {
    const { emulator, sign } = setup({
      services: { 'services.OrderSvc': { query: () => ({ at: new Map() }) } },
    });
    const body = await json(await emulator.fetch(jitaiRequest(QUERY, '{}', sign)));
    expect(body.errcode).toBe(50000);
  });

  it('answers getDetails for the signing key', async () => {
    const { emulator, sign, clock } = setup();
    const url = `${BASE}/apiAuths/services/ApiAuthSvc/getDetails`;
    const text = await (
      await emulator.fetch(jitaiRequest(url, '{"accessKey": "your_access_key"}', sign))
    ).text();
    expect(verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toEqual([
      {
        title: 'Order Service',
        fullName: 'services.OrderSvc',
        functionList: [
          {
            name: 'query',
            title: 'Order Query',
            args: [{ name: 'orderId', title: 'Order ID', dataType: 'Stext' }],
            returnType: 'JitDict',
            desc: 'Query order status',
          },
          { name: 'echo', title: 'Echo', args: [] },
          { name: 'fail', title: 'fail', args: [] },
        ],
      },
    ]);
  });
});

describe('JitAi emulator: routing and bad requests', () => {
  it('answers unknown elements and functions with errcode 40004, GET with 405, bad JSON with 40000', async () => {
    const { emulator, sign } = setup();
    const noElement = await json(
      await emulator.fetch(jitaiRequest(`${BASE}/services/Nope/query`, '{}', sign)),
    );
    expect(noElement).toMatchObject({
      errcode: 40004,
      errmsg: 'Element services.Nope does not exist',
    });
    const noFunction = await json(
      await emulator.fetch(jitaiRequest(`${BASE}/services/OrderSvc/nope`, '{}', sign)),
    );
    expect(noFunction).toMatchObject({
      errcode: 40004,
      errmsg: 'Function nope does not exist in services.OrderSvc',
    });
    const get = await emulator.fetch(new Request(QUERY));
    expect(get.status).toBe(405);
    expect((await json(get)).errcode).toBe(JITAI_ERRCODES.methodNotAllowed);
    const broken = new Request(jitaiRequest(QUERY, '{}', sign), { body: '{"orderId": ' });
    const invalid = await json(await emulator.fetch(broken));
    expect(invalid.errcode).toBe(40000);
    expect(invalid.errmsg).toMatch(/^Invalid request body/);
    const malformed = await emulator.fetch(
      jitaiRequest(`${BASE}/services/%E0%A4%A/query`, '{}', sign),
    );
    expect((await json(malformed)).errcode).toBe(40004);
    const outside = await emulator.fetch(new Request(`${ORIGIN}/elsewhere`, { method: 'POST' }));
    expect(outside.status).toBe(404);
  });

  it('answers functions declared ignoreSign + loginRequired: false without any auth, unsigned', async () => {
    const { emulator } = setup({
      definitions: [
        {
          fullName: 'services.Open',
          functionList: [
            { name: 'ping', ignoreSign: true, loginRequired: false },
            { name: 'session', ignoreSign: true },
          ],
        },
      ],
      bearer: { tokens: {}, functions: [] },
    });
    const open = await json(
      await emulator.fetch(
        new Request(`${BASE}/services/Open/ping`, { method: 'POST', body: '{"x": 1}' }),
      ),
    );
    expect(open).toMatchObject({ errcode: 0, data: { x: 1 } });
    expect(emulator.calls[0]!.auth).toBe('open');
    const session = await json(
      await emulator.fetch(new Request(`${BASE}/services/Open/session`, { method: 'POST' })),
    );
    expect(session).toMatchObject({ errcode: 20005 });
  });

  it('reads e.json text and refuses text that is not a service definition', () => {
    expect(jitaiDefinitionFromEJson('services.OrderSvc', orderSvcEJson)).toMatchObject({
      fullName: 'services.OrderSvc',
      title: 'Order Service',
    });
    expect(() => jitaiDefinitionFromEJson('services.X', '{"title": "x"}')).toThrow(
      /no functionList/,
    );
    expect(() => jitaiDefinitionFromEJson('services.X', '{')).toThrow(/not valid JSON/);
  });

  it('sends no CORS headers with cors: false', async () => {
    const { emulator, sign } = setup({ cors: false });
    const request = jitaiRequest(QUERY, '{}', sign, { headers: { Origin: 'http://app.test' } });
    const response = await emulator.fetch(request);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await json(response)).errcode).toBe(0);
  });

  it('refuses a bearer whitelist entry whose definition does not skip signing', () => {
    expect(() =>
      setup({ bearer: { tokens: { t: 'app' }, functions: [['services.OrderSvc', 'query']] } }),
    ).toThrow(SignetConfigError);
  });
});

describe('JitAi emulator: Bearer interceptor', () => {
  const url = `${BASE}/services/OrderSvc/bearerQuery`;
  const call = (authorization?: string) =>
    new Request(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(authorization === undefined ? {} : { Authorization: authorization }),
      },
      body: '{"orderId": "1001"}',
    });

  it('answers an unsigned envelope to a valid token', async () => {
    const { emulator, clock } = setup();
    const text = await (await emulator.fetch(call('Bearer testtoken123'))).text();
    expect(text).toMatch(
      new RegExp(
        `^\\{"errcode": 0, "errmsg": null, "requestId": "[0-9a-f]{32}", "sysTime": ${clock.now()}, "duration": 0, "data": \\{"orderId": "1001", "status": "PAID"\\}, "jitNodeValid": `,
      ),
    );
    expect(emulator.calls[0]).toMatchObject({ auth: 'bearer', ok: true });
    expect(emulator.calls[0]!.headers.authorization).toBe('Bearer ***');
    expect((await json(await emulator.fetch(call('bearer   testtoken123  ')))).errcode).toBe(0);
  });

  it.each([
    ['no header', undefined],
    ['wrong scheme', 'Basic testtoken123'],
    ['wrong token', 'Bearer nope'],
    ['empty credential', 'Bearer '],
  ])('fails with the seed’s 20005 message: %s', async (_name, authorization) => {
    const { emulator } = setup();
    const body = await json(await emulator.fetch(call(authorization)));
    expect(body.errcode).toBe(20005);
    expect(body.errmsg).toBe(
      'interceptors.BearerToken【BearerToken Authentication】Element exception, please check element code or parameters. Error message: Authentication failed',
    );
  });
});

describe('JitAi emulator: fault knobs', () => {
  it('clockOffsetMs moves the window, sysTime, data.timestamp and Date', async () => {
    const { emulator, sign, clock } = setup({ clockOffsetMs: 300_001 });
    const skewed = await json(await emulator.fetch(jitaiRequest(QUERY, '{}', sign)));
    expect(skewed.errcode).toBe(20005);
    expect(skewed.sysTime).toBe(clock.now() + 300_001);
    emulator.clockOffsetMs = 120_000;
    const response = await emulator.fetch(jitaiRequest(QUERY, '{}', sign));
    expect(response.headers.get('date')).toBe(new Date(clock.now() + 120_000).toUTCString());
    const text = await response.text();
    expect(JSON.parse(text).data.timestamp).toBe(clock.now() + 120_000);
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: clock.now() - 200_000 })).toThrow(
      SignetSignatureError,
    );
  });

  it('tamperResponseSignature makes the response signature fail', async () => {
    const { emulator, sign, clock } = setup();
    emulator.tamperResponseSignature = true;
    const text = await (await emulator.fetch(jitaiRequest(QUERY, '{"orderId": "1"}', sign))).text();
    expect(() => verifyJitaiResponse(text, { secret: SECRET, now: clock.now() })).toThrow(
      /signature does not match/,
    );
    emulator.tamperResponseSignature = false;
    const good = await (await emulator.fetch(jitaiRequest(QUERY, '{"orderId": "1"}', sign))).text();
    expect(verifyJitaiResponse(good, { secret: SECRET, now: clock.now() })).toMatchObject({
      orderId: '1',
    });
  });
});
