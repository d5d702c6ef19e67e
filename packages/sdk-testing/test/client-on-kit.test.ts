import type { CallRecord } from '@signet/sdk-core';
import {
  basic,
  bearer,
  createDataFluxClient,
  createJitaiClient,
  dataflux,
  digest,
  fixedField,
  LosslessNumber,
  SignetNetworkError,
  SignetSignatureError,
} from '@signet/sdk-core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  type DataFluxEmulator,
  type JitaiEmulator,
  serveEmulator,
} from '../src';
import { emulatorHandlers } from '../src/msw.js';

// signet's own clients against the testing kit, through both adapters: a real node:http
// server on 127.0.0.1 and msw's request interception. Same scenarios, same outcomes.
const KEY = { accessKey: 'kitpartner', accessSecret: 'b0c7a1e9d2f4411a8e3c6d5f7a9b0c1d2e3f40' };
const AK = { akId: 'ak-kit', akSecret: 'sk-kit-secret' };

function makeJitai(): JitaiEmulator {
  return createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query', 'services.OrderSvc.numbers'] }],
    definitions: [
      { fullName: 'services.OrderSvc', functionList: [{ name: 'query' }, { name: 'numbers' }] },
      {
        fullName: 'services.PublicSvc',
        functionList: [{ name: 'ping', ignoreSign: true, loginRequired: false }],
      },
    ],
    services: {
      'services.OrderSvc': {
        query: (args) => ({ orderId: args.orderId, status: 'PAID' }),
        numbers: () => ({ f: new LosslessNumber('1.0'), big: 12345678901234567890n }),
      },
      'services.PublicSvc': { ping: () => 'pong' },
    },
    bearer: { tokens: { testtoken123: 'demoapp' }, functions: [['services.PublicSvc', 'ping']] },
  });
}

function makeDataFlux(): DataFluxEmulator {
  const users = [{ username: 'u', password: 'p-digest' }];
  return createDataFluxEmulator({
    accessKeys: [AK],
    funcs: { 'm.echo': (kwargs) => ({ got: kwargs }) },
    syncApis: {
      body: {
        func: 'm.echo',
        auth: { type: 'fixedField', fields: [{ location: 'body', name: 'tok', value: 'v-body' }] },
      },
      basic: {
        func: 'm.echo',
        auth: { type: 'httpBasic', users: [{ username: 'u', password: 'p-basic' }] },
      },
      digest: { func: 'm.echo', auth: { type: 'httpDigest', users } },
    },
    strictDigest: true,
  });
}

type Adapter = 'node:http' | 'msw';

for (const adapter of ['node:http', 'msw'] as Adapter[]) {
  describe(`client on the kit via ${adapter}`, () => {
    const jit = makeJitai();
    const dff = makeDataFlux();
    let jitaiBase = 'http://jitai.test';
    let dffBase = 'http://dff.test';
    let stop: () => Promise<void> | void = () => {};
    beforeAll(async () => {
      if (adapter === 'msw') {
        const server = setupServer(
          ...emulatorHandlers(jit, jitaiBase),
          ...emulatorHandlers(dff, dffBase),
        );
        server.listen({ onUnhandledFrame: 'error' });
        stop = () => server.close();
      } else {
        const [a, b] = await Promise.all([serveEmulator(jit), serveEmulator(dff)]);
        jitaiBase = a.url;
        dffBase = b.url;
        stop = () => Promise.all([a.close(), b.close()]).then(() => undefined);
      }
    });
    afterAll(() => stop());

    // msw intercepts a non-loopback host: plain http is allowed on purpose there.
    const common = { allowInsecureHttp: true, retry: { limit: 1, delay: () => 1 } };
    const jitai = (extra: object = {}) =>
      createJitaiClient({ baseUrl: `${jitaiBase}${jit.basePath}`, ...KEY, ...common, ...extra });

    test('signed calls verified, lossless numbers exact', async () => {
      await expect(jitai().call('services.OrderSvc.query', { orderId: 'A' })).resolves.toEqual({
        orderId: 'A',
        status: 'PAID',
      });
      await expect(jitai().call('services.OrderSvc.numbers')).resolves.toEqual({
        f: 1,
        big: 12345678901234567890n,
      });
    });

    test('skewed server clock corrected once; tampered signature refused', async () => {
      jit.clockOffsetMs = 420_000;
      const records: CallRecord[] = [];
      try {
        await expect(
          jitai({ onCall: (r: CallRecord) => records.push(r) }).call('services.OrderSvc.query', {
            orderId: 'B',
          }),
        ).resolves.toMatchObject({ orderId: 'B' });
        expect(records[0]!.attempts).toBe(2);
      } finally {
        jit.clockOffsetMs = 0;
      }
      jit.tamperResponseSignature = true;
      try {
        await expect(
          jitai().call('services.OrderSvc.query', { orderId: 'C' }),
        ).rejects.toBeInstanceOf(SignetSignatureError);
      } finally {
        jit.tamperResponseSignature = false;
      }
    });

    test('diagnose and bearer', async () => {
      const report = await jitai().diagnose('services.OrderSvc.query', { orderId: 'D', n: 1.5 });
      expect(report).toMatchObject({ identical: true, errcode: 20005 });
      const pub = createJitaiClient({
        baseUrl: `${jitaiBase}${jit.basePath}`,
        auth: bearer('testtoken123'),
        ...common,
      });
      await expect(pub.call('services.PublicSvc.ping')).resolves.toBe('pong');
    });

    test('DataFlux AK/SK, body fixed field, Basic, strict Digest', async () => {
      const signed = createDataFluxClient({ baseUrl: dffBase, auth: dataflux(AK), ...common });
      await expect(signed.callFunc('m.echo', { a: 1 })).resolves.toEqual({ got: { a: 1 } });
      const field = createDataFluxClient({
        baseUrl: dffBase,
        auth: fixedField({ in: 'body', name: 'tok', value: 'v-body' }),
        ...common,
      });
      await expect(field.sync('body', { a: 2 })).resolves.toEqual({ got: { a: 2 } });
      const b = createDataFluxClient({
        baseUrl: dffBase,
        auth: basic({ username: 'u', password: 'p-basic' }),
        ...common,
      });
      await expect(b.sync('basic', { a: 3 })).resolves.toEqual({ got: { a: 3 } });
      const d = createDataFluxClient({
        baseUrl: dffBase,
        auth: digest({ username: 'u', password: 'p-digest' }),
        ...common,
      });
      await expect(d.sync('digest', { a: 4 })).resolves.toEqual({ got: { a: 4 } });
      await expect(d.sync('digest', { a: 5 }, { method: 'GET' })).resolves.toEqual({
        got: { a: 5 },
      });
    });

    test('faults: 503 burst retried for GET, dropped connection is a SignetNetworkError', async () => {
      dff.failNext(1, { status: 503, body: 'html' });
      const open = createDataFluxClient({
        baseUrl: dffBase,
        auth: basic({ username: 'u', password: 'p-basic' }),
        ...common,
      });
      await expect(open.sync('basic', { a: 6 }, { method: 'GET' })).resolves.toEqual({
        got: { a: 6 },
      });
      dff.dropNext(2);
      await expect(open.sync('basic', { a: 7 }, { method: 'GET' })).rejects.toBeInstanceOf(
        SignetNetworkError,
      );
    });
  });
}
