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
  type LosslessObject,
  losslessToValue,
  parseLossless,
  SignetNetworkError,
  SignetSignatureError,
} from '@signet/sdk-core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataFluxMac } from '../../../test/reference/dataflux.js';
import {
  type DataFluxVector,
  type JitaiRequestVector,
  readVectors,
} from '../../../test/vectors/load.js';
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
    apiAuths: [
      {
        ...KEY,
        apis: ['services.OrderSvc.query', 'services.OrderSvc.numbers', 'services.OrderSvc.echo'],
      },
    ],
    definitions: [
      {
        fullName: 'services.OrderSvc',
        functionList: [{ name: 'query' }, { name: 'numbers' }, { name: 'echo' }],
      },
      {
        fullName: 'services.PublicSvc',
        functionList: [{ name: 'ping', ignoreSign: true, loginRequired: false }],
      },
    ],
    services: {
      'services.OrderSvc': {
        query: (args) => ({ orderId: args.orderId, status: 'PAID' }),
        numbers: () => ({ f: new LosslessNumber('1.0'), big: 12345678901234567890n }),
        echo: (args) => args,
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

// The kit verifies with sdk-core's own canonical forms (see its README, "What the kit
// shares with signet"), so a client and kit that agree prove the wiring, not the bytes.
// The vector cases below pin the bytes: the signature each call puts on the wire is
// compared with the shared vectors' value.
const JITAI_VECTORS = readVectors<JitaiRequestVector>('jitai/requests.json').cases;
const DATAFLUX_VECTORS = readVectors<DataFluxVector>('dataflux/requests.json').cases.filter(
  (v) =>
    v.akSecret !== '' &&
    v.method.toUpperCase() === 'POST' &&
    v.pathWithQuery === '/api/v1/func/demo__basic.echo' &&
    Object.keys(v.body as object).join() === 'kwargs',
);
const vectorKey = (i: number) => `vectorkey${String(i).padStart(3, '0')}`;

/** One emulator per platform holding every vector's secret, on a settable frozen clock. */
function makeVectorEmulators(clock: { ms: number }) {
  const jit = createJitaiEmulator({
    orgId: 'org',
    appName: 'vec',
    now: () => clock.ms,
    apiAuths: JITAI_VECTORS.map((v, i) => ({
      accessKey: vectorKey(i),
      accessSecret: v.secret,
      apis: ['services.VecSvc.echo'],
    })),
    definitions: [{ fullName: 'services.VecSvc', functionList: [{ name: 'echo' }] }],
    services: { 'services.VecSvc': { echo: (_args, ctx) => ctx.argsTree } },
  });
  const dff = createDataFluxEmulator({
    now: () => clock.ms,
    accessKeys: DATAFLUX_VECTORS.map((v, i) => ({ akId: `ak-${i}`, akSecret: v.akSecret })),
    funcs: { 'demo__basic.echo': (kwargs) => kwargs },
  });
  return { jit, dff };
}

/** A fetch that records each request's headers as they go out, then sends it. */
function recordingFetch(sent: Headers[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    sent.push(new Headers(request.headers));
    return globalThis.fetch(request);
  };
}

for (const adapter of ['node:http', 'msw'] as Adapter[]) {
  describe(`client on the kit via ${adapter}`, () => {
    const jit = makeJitai();
    const dff = makeDataFlux();
    const clock = { ms: 0 };
    const vec = makeVectorEmulators(clock);
    let jitaiBase = 'http://jitai.test';
    let dffBase = 'http://dff.test';
    let vecJitaiBase = 'http://jitai-vectors.test';
    let vecDffBase = 'http://dff-vectors.test';
    let stop: () => Promise<void> | void = () => {};
    beforeAll(async () => {
      if (adapter === 'msw') {
        const server = setupServer(
          ...emulatorHandlers(jit, jitaiBase),
          ...emulatorHandlers(dff, dffBase),
          ...emulatorHandlers(vec.jit, vecJitaiBase),
          ...emulatorHandlers(vec.dff, vecDffBase),
        );
        server.listen({ onUnhandledFrame: 'error' });
        stop = () => server.close();
      } else {
        const served = await Promise.all([jit, dff, vec.jit, vec.dff].map((e) => serveEmulator(e)));
        [jitaiBase, dffBase, vecJitaiBase, vecDffBase] = served.map((s) => s.url) as [
          string,
          string,
          string,
          string,
        ];
        stop = () => Promise.all(served.map((s) => s.close())).then(() => undefined);
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

    test('big bodies, signed and verified in chunks, both ways', async () => {
      // Several 64 Ki chunks, with pairs and multibyte characters across their boundaries:
      // the kit checks the request on the whole paramStr (and the whole jsonDumps), the
      // client signs it and checks the echoed, signed answer chunk by chunk.
      const items = Array.from({ length: 6000 }, (_, i) => ({
        sku: `A-${i}`,
        t: 'é😀抹'.repeat(i % 9),
        n: i + 0.5,
      }));
      await expect(
        jitai().call('services.OrderSvc.echo', { orderId: 'BIG', items }),
      ).resolves.toEqual({
        orderId: 'BIG',
        items,
      });
      const signed = createDataFluxClient({ baseUrl: dffBase, auth: dataflux(AK), ...common });
      await expect(signed.callFunc('m.echo', { items })).resolves.toEqual({ got: { items } });
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

    test.each(JITAI_VECTORS.map((v, i) => [v.name, v, i] as const))(
      "JitAi vector %s: the accessSign sent is the vector's; the kit accepts it",
      async (_name, v, i) => {
        clock.ms = v.timestamp;
        const sent: Headers[] = [];
        const client = createJitaiClient({
          baseUrl: `${vecJitaiBase}${vec.jit.basePath}`,
          accessKey: vectorKey(i),
          accessSecret: v.secret,
          now: () => v.timestamp,
          fetch: recordingFetch(sent),
          ...common,
        });
        const args = parseLossless(v.argsJson) as LosslessObject;
        await expect(client.call('services.VecSvc.echo', args)).resolves.toEqual(
          losslessToValue(args),
        );
        expect(sent).toHaveLength(1);
        expect(sent[0]!.get('timestamp')).toBe(String(v.timestamp));
        expect(sent[0]!.get('accessSign')).toBe(v.accessSign);
      },
    );

    test.each(DATAFLUX_VECTORS.map((v, i) => [v.name, v, i] as const))(
      'DataFlux vector %s: X-Dff-Ak-Sign carries the vector bodyMd5; the kit accepts it',
      async (_name, v, i) => {
        clock.ms = Number(v.timestamp) * 1000;
        const sent: Headers[] = [];
        const client = createDataFluxClient({
          baseUrl: vecDffBase,
          auth: dataflux({ akId: `ak-${i}`, akSecret: v.akSecret }),
          now: () => clock.ms,
          fetch: recordingFetch(sent),
          ...common,
        });
        const kwargs = (v.body as { kwargs: Record<string, unknown> }).kwargs;
        // Back through Node's JSON, then signet's decoding (big integers as bigint).
        await expect(client.callFunc('demo__basic.echo', kwargs)).resolves.toEqual(
          losslessToValue(parseLossless(JSON.stringify(kwargs))),
        );
        expect(sent).toHaveLength(1);
        const nonce = sent[0]!.get('X-Dff-Ak-Nonce')!;
        // The vector's string to sign with the nonce actually sent in place of its own.
        const stringToSign = ['POST', v.pathWithQuery, v.timestamp, nonce, v.bodyMd5].join('&');
        expect(sent[0]!.get('X-Dff-Ak-Timestamp')).toBe(v.timestamp);
        expect(sent[0]!.get('X-Dff-Ak-Sign')).toBe(dataFluxMac(v.akSecret, stringToSign));
      },
    );

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
