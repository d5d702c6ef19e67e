// The ky integration (@signet/sdk-core/ky) against the kit's emulators over real HTTP:
// ky's own retry loop, re-signed on every retry; Digest through ky.retry; JitAi
// responses verified; redirects not followed with credentials.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  customAuth,
  dataflux,
  digest,
  fixedField,
  jitai,
  SignetConfigError,
  SignetSignatureError,
} from '@signet/sdk-core';
import { withSignet } from '@signet/sdk-core/ky';
import ky, { HTTPError } from 'ky';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  type ServedEmulator,
  serveEmulator,
} from '../src/index.js';

const KEY = { accessKey: 'kypartner01', accessSecret: 'ky-secret-0123456789abcdef' };
const AK = { akId: 'ak-ky', akSecret: 'sk-ky-secret' };

const jit = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query'] }],
  definitions: [{ fullName: 'services.OrderSvc', functionList: [{ name: 'query' }] }],
  services: { 'services.OrderSvc': { query: (args) => ({ orderId: args.orderId, ok: true }) } },
});
const dff = createDataFluxEmulator({
  accessKeys: [AK],
  funcs: { 'm.echo': (kwargs) => ({ got: kwargs }) },
  syncApis: {
    digest: {
      func: 'm.echo',
      auth: { type: 'httpDigest', users: [{ username: 'u', password: 'p' }] },
    },
    query: {
      func: 'm.echo',
      auth: { type: 'fixedField', fields: [{ location: 'query', name: 'tok', value: 'v-query' }] },
    },
    func: {
      func: 'm.echo',
      auth: {
        type: 'func',
        check: (request) => {
          if (request.headers['x-from-hook'] !== 'yes') throw new Error('no hook header');
        },
      },
    },
  },
});

let jitaiServer: ServedEmulator;
let dffServer: ServedEmulator;
beforeAll(async () => {
  [jitaiServer, dffServer] = await Promise.all([serveEmulator(jit), serveEmulator(dff)]);
});
afterAll(async () => {
  await Promise.all([jitaiServer.close(), dffServer.close()]);
});

const retry = { limit: 2, methods: ['post', 'get'], statusCodes: [503], delay: () => 1 };

describe('withSignet(ky)', () => {
  test('a JitAi call: signed, its response verified', async () => {
    const api = withSignet(ky.create({ prefix: `${jitaiServer.url}${jit.basePath}/` }), {
      auth: jitai(KEY),
    });
    const envelope = await api
      .post('services/OrderSvc/query', { json: { orderId: 'A-1' } })
      .json<{ errcode: number; data: { data: unknown } }>();
    expect(envelope.errcode).toBe(0);
    expect(envelope.data.data).toEqual({ orderId: 'A-1', ok: true });
  });

  test('a forged JitAi response signature fails the ky call', async () => {
    jit.tamperResponseSignature = true;
    try {
      const api = withSignet(ky.create({ prefix: `${jitaiServer.url}${jit.basePath}/` }), {
        auth: jitai(KEY),
      });
      await expect(
        api.post('services/OrderSvc/query', { json: { orderId: 'A-1' } }).json(),
      ).rejects.toBeInstanceOf(SignetSignatureError);
    } finally {
      jit.tamperResponseSignature = false;
    }
  });

  test("ky's own retries are re-signed: a fresh nonce per attempt, each accepted", async () => {
    // The first two attempts reach the emulator (which spends their nonces), then the
    // answer is swapped for a 503: a retry that reused a nonce would be refused.
    let swapped = 0;
    const front = await serveEmulator({
      fetch: async (request: Request) => {
        const answer = await dff.fetch(request);
        if (swapped++ < 2) return new Response('busy', { status: 503 });
        return answer;
      },
    });
    try {
      const api = withSignet(ky.create({ prefix: `${front.url}/`, retry }), { auth: dataflux(AK) });
      const before = dff.calls.length;
      const envelope = await api
        .post('api/v1/func/m.echo', { json: { kwargs: { n: 1 } } })
        .json<{ data: { result: unknown } }>();
      expect(envelope.data.result).toEqual({ got: { n: 1 } });
      const calls = dff.calls.slice(before);
      expect(calls).toHaveLength(3);
      expect(calls.every((c) => c.ok && c.akId === AK.akId)).toBe(true);
      expect(new Set(calls.map((c) => c.headers['x-dff-ak-nonce'])).size).toBe(3);
    } finally {
      await front.close();
    }
  });

  test('Digest: the challenge is answered through ky.retry', async () => {
    const api = withSignet(ky.create({ prefix: `${dffServer.url}/`, retry }), {
      auth: digest({ username: 'u', password: 'p' }),
    });
    const result = await api.post('api/v1/sync/digest', { json: { kwargs: { a: 1 } } }).json();
    expect(result).toEqual({ got: { a: 1 } });
  });

  test('prepare runs: a query credential and a custom header', async () => {
    const viaQuery = withSignet(ky.create({ prefix: `${dffServer.url}/` }), {
      auth: fixedField({ in: 'query', name: 'tok', value: 'v-query' }),
    });
    expect(await viaQuery.post('api/v1/sync/query', { json: { kwargs: {} } }).json()).toEqual({
      got: {},
    });
    const seen: string[] = [];
    const viaFn = withSignet(ky.create({ prefix: `${dffServer.url}/` }), {
      auth: customAuth(({ headers, body }) => {
        seen.push(JSON.stringify(body));
        headers.set('x-from-hook', 'yes');
      }),
    });
    await viaFn.post('api/v1/sync/func', { json: { kwargs: { z: 2 } } }).text();
    expect(seen).toEqual(['{"kwargs":{"z":2}}']);
    expect(dff.calls.at(-1)?.headers['x-from-hook']).toBe('yes');
  });

  test('a redirect to another origin is not followed: ky sees the 307, the other origin nothing', async () => {
    let stolen = 0;
    const elsewhere = createServer((_req, res) => {
      stolen++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal`;
    const origin = createServer((_req, res) => {
      res.writeHead(307, { location: target });
      res.end();
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    try {
      const api = withSignet(
        ky.create({
          prefix: `http://127.0.0.1:${(origin.address() as AddressInfo).port}/`,
          retry: 0,
        }),
        { auth: jitai(KEY) },
      );
      const error = await api.post('x', { json: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HTTPError);
      expect((error as HTTPError).response.status).toBe(307);
      expect(stolen).toBe(0);
    } finally {
      origin.close();
      elsewhere.close();
    }
  });

  test('a JSON-signing strategy refuses a body that is not JSON, before sending', async () => {
    const api = withSignet(ky.create({ prefix: `${dffServer.url}/` }), { auth: dataflux(AK) });
    await expect(
      api.post('api/v1/func/m.echo', { body: 'not json' }).text(),
    ).rejects.toBeInstanceOf(SignetConfigError);
  });
});
