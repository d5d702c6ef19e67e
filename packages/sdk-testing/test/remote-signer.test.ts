import type { LosslessObject, RemoteSignerPayload } from '@signet/sdk-core';
import {
  createJitaiClient,
  jitaiSign,
  LosslessNumber,
  parseLossless,
  type RemoteSignerOptions,
  remoteSigner,
  SignetConfigError,
  SignetDecodeError,
  SignetHttpError,
  SignetNetworkError,
  SignetSignatureError,
  SignetTimeoutError,
  verifyJitaiData,
} from '@signet/sdk-core';
import { describe, expect, test } from 'vitest';
import { createJitaiEmulator } from '../src';

/** The rejection of a call that must fail. */
async function failure<E = Error & Record<string, unknown>>(call: Promise<unknown>): Promise<E> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as E,
  );
}

const KEY = { accessKey: 'ak_browser_01', accessSecret: 'browser-facing-secret-0123456789' };
const ENDPOINT = 'https://partner.test/sign';

function setup(signerOverride?: (payload: RemoteSignerPayload) => Response | undefined) {
  const app = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query', 'services.OrderSvc.numbers'] }],
    services: {
      'services.OrderSvc': {
        query: ({ orderId }) => ({ orderId, status: 'PAID' }),
        numbers: () => ({ ratio: new LosslessNumber('1.0'), big: 12345678901234567890n }),
      },
    },
  });
  const asked: RemoteSignerPayload[] = [];
  // The partner backend, reduced to the two operations (sdk-node's handler is tested there).
  const signer = async (_input: unknown, init?: RequestInit): Promise<Response> => {
    const payload = JSON.parse(String(init?.body)) as RemoteSignerPayload;
    asked.push(payload);
    const override = signerOverride?.(payload);
    if (override) return override;
    if (payload.op === 'sign') {
      const timestamp = app.now();
      const args = parseLossless(payload.bodyText) as LosslessObject;
      let accessSign: string;
      try {
        accessSign = jitaiSign(args, { timestamp, secret: KEY.accessSecret });
      } catch (error) {
        // What sdk-node's handler answers for args jitaiSign refuses.
        const { name, message } = error as Error;
        return Response.json({ error: { name, message } }, { status: 400 });
      }
      return Response.json({
        headers: { accessKey: KEY.accessKey, timestamp: String(timestamp), accessSign },
      });
    }
    try {
      verifyJitaiData(parseLossless(payload.dataText), {
        secret: KEY.accessSecret,
        now: app.now(),
      });
      return Response.json({ ok: true });
    } catch (error) {
      const e = error as SignetSignatureError;
      return Response.json({
        ok: false,
        error: { name: e.name, message: e.message, problem: e.problem },
      });
    }
  };
  const client = (options: Partial<RemoteSignerOptions> = {}) =>
    createJitaiClient({
      baseUrl: 'https://jitai.test/api/org/app',
      accessKey: KEY.accessKey,
      fetch: app.asFetch(),
      retry: 0,
      auth: remoteSigner({ endpoint: ENDPOINT, fetch: signer as typeof fetch, ...options }),
    });
  return { app, asked, client };
}

describe('remoteSigner: delegated JitAi signing', () => {
  test('signs through the backend and returns the remotely verified result', async () => {
    const { app, asked, client } = setup();
    await expect(client().call('services.OrderSvc.query', { orderId: '1001' })).resolves.toEqual({
      orderId: '1001',
      status: 'PAID',
    });
    expect(asked.map((p) => p.op)).toEqual(['sign', 'verify']);
    expect(asked[0]).toEqual({
      op: 'sign',
      profile: 'jitai',
      api: 'services.OrderSvc.query',
      method: 'POST',
      path: '/api/org/app/services/OrderSvc/query',
      bodyText: '{"orderId":"1001"}',
    });
    expect(app.calls[0]).toMatchObject({ auth: 'signed', ok: true, accessKey: KEY.accessKey });
  });

  test('the verify payload keeps number lexemes: 1.0 and 20-digit integers survive', async () => {
    const { asked, client } = setup();
    await expect(client().call('services.OrderSvc.numbers')).resolves.toEqual({
      ratio: 1,
      big: 12345678901234567890n,
    });
    const verify = asked.find((p) => p.op === 'verify');
    const dataText = verify?.op === 'verify' ? verify.dataText : '';
    expect(dataText).toMatch(/"big":12345678901234567890[,}]/);
    expect(dataText).toMatch(/"ratio":1\.0[,}]/);
  });

  test('a tampered response fails with the signer verdict as SignetSignatureError', async () => {
    const { app, client } = setup();
    app.tamperResponseSignature = true;
    const error = await failure(client().call('services.OrderSvc.query', { orderId: '1' }));
    expect(error).toBeInstanceOf(SignetSignatureError);
    expect(error).toMatchObject({ name: 'SignetSignatureError', problem: 'bad-signature' });
    expect(error.message).toContain('signer rejected the response');
  });

  test("verify: 'none' skips the check (the page then trusts TLS alone)", async () => {
    const { app, asked, client } = setup();
    app.tamperResponseSignature = true;
    const jit = client({ verify: 'none' });
    await expect(jit.call('services.OrderSvc.query', { orderId: '1' })).resolves.toEqual({
      orderId: '1',
      status: 'PAID',
    });
    expect(asked.map((p) => p.op)).toEqual(['sign']);
  });

  test('a verify answer other than {ok: true} fails closed', async () => {
    const { client } = setup((p) => (p.op === 'verify' ? Response.json({}) : undefined));
    await expect(client().call('services.OrderSvc.query', {})).rejects.toBeInstanceOf(
      SignetDecodeError,
    );
  });

  test('a refusing signer is a SignetHttpError naming its status and reason', async () => {
    const { app, client } = setup(() =>
      Response.json(
        { error: { name: 'Forbidden', message: 'authorize refused this request' } },
        { status: 403 },
      ),
    );
    const error = await failure(client().call('services.OrderSvc.query', {}));
    expect(error).toBeInstanceOf(SignetHttpError);
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      `remoteSigner: the signer ${ENDPOINT} answered 403: Forbidden: authorize refused this request`,
    );
    expect(app.calls).toHaveLength(0);
  });

  test('an HTML error page is excerpted, not dumped', async () => {
    const page = `<html>${'x'.repeat(500)}</html>`;
    const { client } = setup(() => new Response(page, { status: 502 }));
    const error = await failure(client().call('services.OrderSvc.query', {}));
    expect(error).toBeInstanceOf(SignetHttpError);
    expect(error.message.length).toBeLessThan(320);
  });

  test('a 200 without valid headers is a SignetDecodeError', async () => {
    const { client } = setup(() => Response.json({ headers: { accessKey: 'k' } }));
    await expect(client().call('services.OrderSvc.query', {})).rejects.toBeInstanceOf(
      SignetDecodeError,
    );
  });

  test('an unreachable signer is a SignetNetworkError, a silent one a SignetTimeoutError', async () => {
    const down = setup().client({
      fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch,
    });
    await expect(down.call('services.OrderSvc.query', {})).rejects.toBeInstanceOf(
      SignetNetworkError,
    );
    const silent = setup().client({
      timeout: 50,
      fetch: ((_: unknown, init?: RequestInit) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        )) as typeof fetch,
    });
    await expect(silent.call('services.OrderSvc.query', {})).rejects.toBeInstanceOf(
      SignetTimeoutError,
    );
  });

  test('ambiguous args are refused by the signer: a SignetConfigError naming the keys, JitAi never asked', async () => {
    const { app, asked, client } = setup();
    const error = await failure(
      client().call('services.OrderSvc.query', { orderId: '1', orderid: '2' }),
    );
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error.message).toMatch(
      /^remoteSigner: the signer refused the request: args has keys "orderId" and "orderid"/,
    );
    expect(asked.map((p) => p.op)).toEqual(['sign']);
    expect(app.calls).toHaveLength(0);
  });

  test('what JSON cannot carry is refused in the page, before the signer is asked', async () => {
    const { asked, client } = setup();
    const error = await failure(
      client().call('services.OrderSvc.query', { order: { price: Number.NaN } }),
    );
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(error.message).toMatch(/args\.order\.price is NaN/);
    expect(asked).toHaveLength(0);
  });

  test("diagnose(): the server's masked paramStr; no local one, the backend canonicalises", async () => {
    const { client } = setup();
    const report = await client().diagnose('services.OrderSvc.query', { orderId: '7' });
    expect(report.ours).toBeUndefined();
    expect(report.theirs).toMatch(/^orderid=7&secret=\*+&timestamp=\d+$/);
    expect(report.summary).toMatch(/signet call --diagnose/);
  });

  test('the headers option is sent to the signer, a function read per call', async () => {
    const seen: (string | null)[] = [];
    let n = 0;
    const { client } = setup();
    const jit = client({
      headers: () => ({ 'X-CSRF-Token': `t${++n}` }),
      fetch: ((_input: unknown, init?: RequestInit) => {
        seen.push(new Headers(init?.headers).get('x-csrf-token'));
        return Promise.resolve(Response.json({}, { status: 401 }));
      }) as typeof fetch,
    });
    await jit.call('services.OrderSvc.query', {}).catch(() => undefined);
    await jit.call('services.OrderSvc.query', {}).catch(() => undefined);
    expect(seen).toEqual(['t1', 't2']);
  });

  test('options are checked up front', () => {
    expect(() => remoteSigner({ endpoint: '/sign' })).toThrow(SignetConfigError);
    expect(() => remoteSigner({ endpoint: ENDPOINT, verify: 'local' as 'none' })).toThrow(
      SignetConfigError,
    );
    const strategy = remoteSigner({ endpoint: new URL(ENDPOINT) });
    expect(strategy).toMatchObject({ kind: 'remoteSigner', timestamped: true, verify: 'remote' });
    expect(strategy.endpoint).toBe(ENDPOINT);
  });

  test('a path outside /api/{orgId}/{appName}/ cannot name its api', async () => {
    const { app } = setup();
    const jit = createJitaiClient({
      baseUrl: 'https://jitai.test/custom',
      fetch: app.asFetch(),
      auth: remoteSigner({ endpoint: ENDPOINT, fetch: (() => Promise.reject()) as typeof fetch }),
    });
    await expect(jit.call('services.OrderSvc.query', {})).rejects.toThrow(
      /cannot tell the JitAi api/,
    );
  });
});
