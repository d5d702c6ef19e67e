import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { pyFloat } from '../../../../test/reference/python-json.js';
import {
  type JitaiRequestVector,
  type JitaiResponseVector,
  readVectors,
} from '../../../../test/vectors/load.js';
import { bearer } from '../../src/auth/bearer.js';
import {
  SignetApiError,
  SignetConfigError,
  SignetDecodeError,
  SignetHttpError,
  SignetSignatureError,
} from '../../src/errors.js';
import type { CallRecord } from '../../src/http/records.js';
import { createJitaiClient } from '../../src/jitai/client.js';
import {
  LosslessNumber,
  type LosslessObject,
  losslessToValue,
  parseLossless,
} from '../../src/json/lossless.js';
import { type MiniJitai, startMiniJitai } from '../helpers/jitai-server.js';

const KEY = { accessKey: 'ak4partner01', accessSecret: '44eb2b0bf8db45baa37f489017ca942eefe9e9' };

interface OrderSvc {
  query(args: { orderId: string }): Promise<{ orderId: string; status: string }>;
}

let app: MiniJitai;
beforeAll(async () => {
  app = await startMiniJitai({
    ...KEY,
    services: {
      'services.OrderSvc.query': (args) => ({
        orderId: args.orderId,
        status: 'PAID',
        amount: 12.5,
      }),
      'services.OrderSvc.numbers': () => ({
        ratio: pyFloat('1.0'),
        big: 12345678901234567890n,
        tiny: pyFloat('1e-07'),
        tags: ['a', 'ü', '😀'],
      }),
      'services.OrderSvc.echo': (args) => args,
      'services.OrderSvc.text': () => 'plain string result: a=b&c "q"',
      'services.PublicSvc.hello': () => ({ hi: true }),
      'apiAuths.services.ApiAuthSvc.getDetails': (args) => [
        {
          title: 'Orders',
          fullName: 'services.OrderSvc',
          functionList: [
            {
              name: 'query',
              title: 'Query',
              args: [{ name: 'orderId', title: 'Id', dataType: 'Stext' }],
              returnType: 'JitDict',
              desc: `for ${args.accessKey}`,
            },
          ],
        },
      ],
    },
    bearer: { token: 'testtoken123', apis: ['services.PublicSvc.hello'] },
  });
});
afterAll(() => app.close());
beforeEach(() => {
  app.clockOffsetMs = 0;
  app.frozenNow = undefined;
  app.accessSecret = KEY.accessSecret;
  app.tamper = false;
  app.override.length = 0;
  app.seen.length = 0;
});

const client = (extra: Record<string, unknown> = {}) =>
  createJitaiClient({ baseUrl: app.baseUrl, ...KEY, ...extra });

describe('createJitaiClient against a verifying JitAi app', () => {
  test('a signed call returns the verified, unwrapped data.data', async () => {
    const jit = client();
    await expect(jit.call('services.OrderSvc.query', { orderId: '1001' })).resolves.toEqual({
      orderId: '1001',
      status: 'PAID',
      amount: 12.5,
    });
    const sent = app.seen[0]!;
    expect(sent.url).toBe('/api/org/app/services/OrderSvc/query');
    expect(sent.headers.accesskey).toBe(KEY.accessKey);
    expect(sent.headers.accesssign).toMatch(/^[0-9a-f]{40}$/);
    expect(Number(sent.headers.timestamp)).toBeGreaterThan(1.7e12);
  });

  test('floats and big integers verify from the wire text and come back exact', async () => {
    const result = await client().call('services.OrderSvc.numbers');
    expect(result).toEqual({
      ratio: 1,
      big: 12345678901234567890n,
      tiny: 1e-7,
      tags: ['a', 'ü', '😀'],
    });
    const asString = await client({ bigint: 'string' }).call('services.OrderSvc.numbers');
    expect((asString as { big: unknown }).big).toBe('12345678901234567890');
  });

  test('args with every tricky shape are signed exactly as the server computes', async () => {
    const args = {
      Mixed: 'raw & = "quoted"',
      nested: { b: 1, a: [1.5, 1e21, 1e-7, -0, null, true], ключ: '😀', z: { Upper: 'x' } },
      big: 2n ** 70n,
      int: 100,
      when: new Date(Date.UTC(2026, 0, 1)),
    };
    const echoed = await client().call('services.OrderSvc.echo', args);
    expect(echoed).toMatchObject({
      Mixed: args.Mixed,
      big: 2n ** 70n,
      int: 100,
      when: '2026-01-01T00:00:00.000Z',
    });
  });

  test('a LosslessNumber arg goes out exactly (1.0 stays a float for the server and the signature)', async () => {
    const echoed = await client().call('services.OrderSvc.echo', {
      ratio: new LosslessNumber('1.0'),
      n: 1,
    });
    expect(app.seen[0]!.body).toBe('{"ratio":1.0,"n":1}');
    expect(echoed).toEqual({ ratio: 1, n: 1 });
  });

  test('string results and the typed service proxy', async () => {
    const jit = client();
    await expect(jit.call('services.OrderSvc.text')).resolves.toBe(
      'plain string result: a=b&c "q"',
    );
    const orders = jit.service<OrderSvc>('services.OrderSvc');
    await expect(orders.query({ orderId: 'X' })).resolves.toMatchObject({ orderId: 'X' });
    expect((orders as { then?: unknown }).then).toBeUndefined();
  });

  test('getAuthDetails returns the typed list', async () => {
    const details = await client().getAuthDetails();
    expect(details[0]).toMatchObject({ fullName: 'services.OrderSvc', title: 'Orders' });
    expect(details[0]!.functionList[0]).toMatchObject({
      name: 'query',
      desc: `for ${KEY.accessKey}`,
    });
  });

  test('a wrong secret → SignetApiError 20005 with requestId, secret nowhere', async () => {
    const records: CallRecord[] = [];
    const jit = client({
      accessSecret: 'wrong-secret-value',
      onCall: (r: CallRecord) => records.push(r),
    });
    const error = (await jit
      .call('services.OrderSvc.query', { orderId: '1' })
      .catch((e: unknown) => e)) as SignetApiError;
    expect(error).toBeInstanceOf(SignetApiError);
    expect(error).toMatchObject({
      errcode: 20005,
      status: 200,
      platformMessage: 'Authentication failed',
    });
    expect(error.requestId).toMatch(/^r-\d+$/);
    expect(error.message).toContain('check accessKey/accessSecret');
    expect(records[0]).toMatchObject({
      ok: false,
      errcode: 20005,
      error: 'SignetApiError',
      requestId: error.requestId,
      attempts: 1,
    });
    expect(`${error.message}${error.stack}${JSON.stringify(records)}`).not.toContain(
      'wrong-secret-value',
    );
  });

  test('a tampered response signature → SignetSignatureError bad-signature', async () => {
    app.tamper = true;
    const error = await client()
      .call('services.OrderSvc.query', { orderId: '1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect((error as SignetSignatureError).problem).toBe('bad-signature');
  });

  test('a stripped signature is not "unsigned": missing-signature', async () => {
    app.override.push((res) => {
      res.setHeader('content-type', 'application/json');
      res.end(`{"errcode":0,"errmsg":null,"data":{"data":{"ok":true},"timestamp":${Date.now()}}}`);
    });
    const error = await client()
      .call('services.OrderSvc.query', { orderId: '1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignetSignatureError', problem: 'missing-signature' });
  });

  test('a server 10 minutes ahead: one rejection, clock corrected, re-signed once, response verified', async () => {
    app.clockOffsetMs = 600_000;
    const records: CallRecord[] = [];
    const jit = client({ onCall: (r: CallRecord) => records.push(r) });
    await expect(jit.call('services.OrderSvc.query', { orderId: '1' })).resolves.toMatchObject({
      status: 'PAID',
    });
    expect(records[0]!.attempts).toBe(2);
    const [first, second] = app.seen;
    expect(Number(second!.headers.timestamp) - Number(first!.headers.timestamp)).toBeGreaterThan(
      590_000,
    );
    expect(Math.abs(jit.clockOffsetMs - 600_000)).toBeLessThan(2_000);
  });

  test('a server clock two hours away is refused (unsigned sysTime), not followed', async () => {
    app.clockOffsetMs = 7_200_000;
    const error = await client()
      .call('services.OrderSvc.query', { orderId: '1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignetSignatureError', problem: 'clock-skew' });
  });

  test('clockSkew: false → the 20005 comes back as is', async () => {
    app.clockOffsetMs = 600_000;
    await expect(
      client({ clockSkew: false }).call('services.OrderSvc.query', { orderId: '1' }),
    ).rejects.toMatchObject({
      name: 'SignetApiError',
      errcode: 20005,
    });
    expect(app.seen).toHaveLength(1);
  });

  test('ambiguous args are refused before anything is sent', async () => {
    const jit = client();
    await expect(
      jit.call('services.OrderSvc.query', { orderId: '1', orderid: '2' }),
    ).rejects.toBeInstanceOf(SignetConfigError);
    await expect(jit.call('services.OrderSvc.query', { Timestamp: 1 })).rejects.toThrow(
      /Timestamp/,
    );
    await expect(jit.call('services.OrderSvc.query', { x: Number.NaN })).rejects.toBeInstanceOf(
      SignetConfigError,
    );
    await expect(jit.call('services/OrderSvc/query', {})).rejects.toThrow(/dotted name/);
    expect(app.seen).toHaveLength(0);
  });

  test('diagnose(): the server paramStr matches ours, and the call is rejected as the platform does', async () => {
    const report = await client().diagnose('services.OrderSvc.query', { orderId: 'A-1', n: 1.5 });
    expect(report.identical).toBe(true);
    expect(report.ours).toContain('secret=*********************');
    expect(report.summary).toContain('paramStr identical');
    expect(report.errcode).toBe(20005);
    expect(app.seen[0]!.headers.debug).toBe('1');
  });

  test('bearer mode (interceptor): unsigned results returned as is; a bad token → 20005', async () => {
    const pub = createJitaiClient({ baseUrl: app.baseUrl, auth: bearer('testtoken123') });
    await expect(pub.call('services.PublicSvc.hello')).resolves.toEqual({ hi: true });
    expect(app.seen[0]!.headers.authorization).toBe('Bearer testtoken123');
    const bad = createJitaiClient({ baseUrl: app.baseUrl, auth: bearer('nope-token') });
    await expect(bad.call('services.PublicSvc.hello')).rejects.toMatchObject({ errcode: 20005 });
  });

  test('non-envelope answers: HTML 502, truncated JSON, empty 200', async () => {
    app.override.push((res) => {
      res.statusCode = 502;
      res.setHeader('content-type', 'text/html');
      res.end('<h1>Bad Gateway</h1>');
    });
    await expect(client().call('services.OrderSvc.query', { orderId: '1' })).rejects.toBeInstanceOf(
      SignetHttpError,
    );
    app.override.push((res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode": 0, "data": {"da');
    });
    await expect(client().call('services.OrderSvc.query', { orderId: '1' })).rejects.toBeInstanceOf(
      SignetDecodeError,
    );
    app.override.push((res) => res.end(''));
    await expect(client().call('services.OrderSvc.query', { orderId: '1' })).rejects.toBeInstanceOf(
      SignetDecodeError,
    );
  });

  test('options are checked: both auth and accessSecret is ambiguous', () => {
    expect(() => createJitaiClient({ baseUrl: app.baseUrl, ...KEY, auth: bearer('abcd') })).toThrow(
      SignetConfigError,
    );
    expect(() => createJitaiClient({ baseUrl: app.baseUrl, accessKey: 'k' })).toThrow(
      /accessSecret/,
    );
  });
});

// The calls above are checked by a server written apart from signet (test/reference);
// these compare what goes over the wire with the shared vectors themselves.
describe('the shared vectors as calls', () => {
  const requests = readVectors<JitaiRequestVector>('jitai/requests.json').cases;
  const responses = readVectors<JitaiResponseVector>('jitai/responses.json').cases;

  test('there are 60 request and 30 response cases', () => {
    expect([requests.length, responses.length]).toEqual([60, 30]);
  });

  test.each(requests.map((v) => [v.name, v] as const))(
    "request %s: the accessSign sent is the vector's, and the server accepts it",
    async (_name, v) => {
      app.accessSecret = v.secret;
      app.frozenNow = v.timestamp;
      const jit = client({ accessSecret: v.secret, now: () => v.timestamp });
      const args = parseLossless(v.argsJson) as LosslessObject;
      const echoed = await jit.call('services.OrderSvc.echo', args);
      const sent = app.seen.at(-1)!;
      expect(sent.headers.timestamp).toBe(String(v.timestamp));
      expect(sent.headers.accesssign).toBe(v.accessSign);
      expect(echoed).toEqual(losslessToValue(args));
    },
  );

  test.each(responses.map((v) => [v.name, v] as const))(
    "response %s: the call gets the vector's verdict",
    async (_name, v) => {
      app.override.push((res) => {
        res.setHeader('content-type', 'application/json');
        res.end(v.bodyText);
      });
      const outcome = await client({ accessSecret: v.secret, now: () => v.now, retry: 0 })
        .call('services.OrderSvc.query', { orderId: '1' })
        .then(
          () => 'ok',
          (e: unknown) => (e instanceof SignetSignatureError ? e.problem : String(e)),
        );
      expect(outcome).toBe(v.expect);
    },
  );
});
