import { request as httpRequest } from 'node:http';
import {
  computeDigestResponse,
  dataFluxHeaders,
  dataFluxSign,
  parseWwwAuthenticate,
  verifyJitaiResponse,
} from '@signet/sdk-core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  type ServedEmulator,
  serveEmulator,
} from '../src';
import { emulatorHandlers } from '../src/msw.js';
import { dataFluxRequest, jitaiRequest, testClock } from './helpers.js';

const clock = testClock(Date.now());

function makeEmulators() {
  const jit = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    now: clock.now,
    apiAuths: [{ accessKey: 'ak', accessSecret: 'secret', apis: ['services.Svc.f'] }],
    services: { 'services.Svc': { f: (args) => ({ got: args }) } },
  });
  const dff = createDataFluxEmulator({
    now: clock.now,
    accessKeys: [{ akId: 'ak-1', akSecret: 'sk-1' }],
    funcs: { 'm.f': (kwargs) => kwargs },
    syncApis: {
      dig: { func: 'm.f', auth: { type: 'httpDigest', users: [{ username: 'u', password: 'p' }] } },
    },
  });
  return { jit, dff };
}

type Outcome = unknown;

/** One scenario, run against an adapter; returns what a client could observe. */
async function scenario(
  jitBase: string,
  dffBase: string,
  emulators: ReturnType<typeof makeEmulators>,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const { jit, dff } = emulators;
  const sign = { accessKey: 'ak', secret: 'secret', timestamp: clock.now() };
  const signed = await fetch(
    jitaiRequest(`${jitBase}/api/org/app/services/Svc/f`, '{"orderId": "订单", "n": 1.0}', sign),
  );
  out.push([
    'jit',
    signed.status,
    verifyJitaiResponse(await signed.text(), { secret: 'secret', now: clock.now() }),
  ]);
  const debug = await fetch(
    jitaiRequest(`${jitBase}/api/org/app/services/Svc/f`, '{"a": 1}', { ...sign, debug: true }),
  );
  const debugBody = await debug.json();
  out.push(['debug', debugBody.errcode, debugBody.respExtraData]);

  const target = '/api/v1/func/m.f?z=1&a=%7E';
  const signing = {
    akId: 'ak-1',
    akSecret: 'sk-1',
    timestamp: Math.floor(clock.now() / 1000),
    nonce: 'n-1',
  };
  const first = await fetch(dataFluxRequest(dffBase, target, { kwargs: { x: 1 } }, signing));
  out.push(['aksk', first.status, (await first.json()).data]);
  const replay = await fetch(dataFluxRequest(dffBase, target, { kwargs: { x: 1 } }, signing));
  out.push(['replay', replay.status, (await replay.json()).message]);

  const digestTarget = '/api/v1/sync/dig/s?q=1';
  const challenged = await fetch(dffBase + digestTarget);
  const params = parseWwwAuthenticate(challenged.headers.get('www-authenticate')!)[0]!.params;
  const response = computeDigestResponse({
    algorithm: 'MD5',
    username: 'u',
    password: 'p',
    realm: params.realm!,
    nonce: params.nonce!,
    method: 'GET',
    uri: digestTarget,
    qop: 'auth',
    nc: '00000001',
    cnonce: 'abc',
  });
  const authorization = `Digest username="u", realm="${params.realm}", nonce="${params.nonce}", uri="${digestTarget}", response="${response}", qop=auth, nc=00000001, cnonce="abc"`;
  const digest = await fetch(dffBase + digestTarget, { headers: { Authorization: authorization } });
  out.push(['digest', challenged.status, digest.status, await digest.text()]);

  dff.failNext(1, { status: 503, body: 'envelope' });
  const failed = await fetch(`${dffBase}/api/v1/sync/dig`, { method: 'POST' });
  out.push(['fail', failed.status, (await failed.json()).reason]);
  jit.dropNext(1);
  const dropped = await fetch(`${jitBase}/api/org/app/services/Svc/f`, {
    method: 'POST',
    body: '{}',
  }).then(
    () => 'answered',
    (error: unknown) => (error instanceof TypeError ? 'TypeError' : String(error)),
  );
  out.push(['drop', dropped]);

  const preflight = await fetch(`${jitBase}/api/org/app/services/Svc/f`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://app.test',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'accesskey',
    },
  });
  out.push(['preflight', preflight.status, preflight.headers.get('access-control-allow-headers')]);
  return out;
}

const expected = [
  ['jit', 200, { got: { orderId: '订单', n: 1 } }],
  [
    'debug',
    20005,
    { apiAuthDebug: { paramStr: `a=1&secret=*********************&timestamp=${clock.now()}` } },
  ],
  ['aksk', 200, { result: { x: 1 } }],
  ['replay', 401, 'Invalid Access Key nonce'],
  ['digest', 401, 200, '{"q":"1"}'],
  ['fail', 503, 'ESys'],
  ['drop', 'TypeError'],
  ['preflight', 204, 'accesskey'],
];

describe('adapters: the same scenario over node:http and msw', () => {
  describe('node:http server on 127.0.0.1', () => {
    const emulators = makeEmulators();
    let jitServer: ServedEmulator;
    let dffServer: ServedEmulator;
    beforeAll(async () => {
      jitServer = await serveEmulator(emulators.jit);
      dffServer = await serveEmulator(emulators.dff);
    });
    afterAll(async () => {
      await jitServer.close();
      await dffServer.close();
    });

    it('behaves as the platform', async () => {
      expect(jitServer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await scenario(jitServer.url, dffServer.url, emulators)).toEqual(expected);
    });

    it('hands the emulator the request target exactly as sent, not normalised', async () => {
      const target = '/api/v1/func/m.f?q="x"&b=%7e';
      const signing = {
        akId: 'ak-1',
        akSecret: 'sk-1',
        timestamp: String(Math.floor(clock.now() / 1000)),
        nonce: 'raw-1',
      };
      const body = { kwargs: { s: 'ä"\\' } };
      const { sign } = dataFluxSign({ method: 'POST', pathWithQuery: target, body, ...signing });
      const headers = {
        ...dataFluxHeaders({ ...signing, sign }),
        'Content-Type': 'application/json',
      };
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const where = { host: '127.0.0.1', port: dffServer.port, path: target };
        const req = httpRequest({ ...where, method: 'POST', headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
      expect(answer.text).toContain('"ok":true');
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).data.result).toEqual({ s: 'ä"\\' });
      expect(emulators.dff.calls.at(-1)!.target).toBe(target);
    });
  });

  describe('msw setupServer', () => {
    const emulators = makeEmulators();
    const server = setupServer(
      ...emulatorHandlers(emulators.jit, 'http://jitai.test'),
      ...emulatorHandlers(emulators.dff, 'http://dff.test/'),
    );
    beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
    afterAll(() => server.close());

    it('behaves exactly as over node:http', async () => {
      expect(await scenario('http://jitai.test', 'http://dff.test', emulators)).toEqual(expected);
    });
  });

  it('emulatorHandlers refuses a relative base URL', () => {
    expect(() => emulatorHandlers(makeEmulators().jit, '/api')).toThrow(TypeError);
  });
});
