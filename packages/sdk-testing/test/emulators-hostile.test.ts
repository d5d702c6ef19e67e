// The emulators are servers partners point their own code at: whatever request arrives
// (any method, path, headers, body), they answer with an HTTP response as the platform
// would (an envelope, a 4xx/5xx), never an exception or a 500 about themselves.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createDataFluxEmulator, createJitaiEmulator } from '../src';

const jitai = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [{ accessKey: 'ak01', accessSecret: 'sek', apis: ['services.S.f'] }],
  definitions: [
    {
      fullName: 'services.P',
      functionList: [{ name: 'g', ignoreSign: true, loginRequired: false }],
    },
  ],
  services: { 'services.S': { f: (args) => ({ got: args }) }, 'services.P': { g: () => 1 } },
  bearer: { tokens: { tok: 'app' }, functions: [['services.P', 'g']] },
});
const dataflux = createDataFluxEmulator({
  accessKeys: [{ akId: 'ak', akSecret: 'sk' }],
  funcs: { 'm.f': (kwargs) => kwargs },
  syncApis: {
    d: { func: 'm.f', auth: { type: 'httpDigest', users: [{ username: 'u', password: 'p' }] } },
    b: { func: 'm.f', auth: { type: 'httpBasic', users: [{ username: 'u', password: 'p' }] } },
    x: {
      func: 'm.f',
      auth: { type: 'fixedField', fields: [{ location: 'query', name: 't', value: 'v' }] },
    },
  },
});

const segment = fc.oneof(
  fc.constantFrom('api', 'org', 'app', 'services', 'S', 'f', 'v1', 'func', 'sync', 'async'),
  fc.constantFrom('m.f', 'd', 'b', 'x', '..', '%2e%2e', '%00', '%E4%BD%A0', '', 'a%'),
  fc.string({ maxLength: 6 }).map(encodeURIComponent),
);
const path = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
const query = fc.constantFrom('', '?t=v', '?format=simplified', '?kwargs=%7B', '?a=1&a=2');
const headerValue = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom(
    'ak01',
    String(Date.now()),
    'Bearer tok',
    'Basic dTpw',
    'Digest username="u", realm="r", nonce="n", uri="/", response="00"',
    'Digest username=',
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
  ),
);
const headers = fc.dictionary(
  fc.constantFrom(
    'content-type',
    'accesskey',
    'timestamp',
    'accesssign',
    'debug',
    'authorization',
    'x-dff-ak-id',
    'x-dff-ak-timestamp',
    'x-dff-ak-nonce',
    'x-dff-ak-sign',
    'origin',
    'access-control-request-method',
  ),
  headerValue,
  { maxKeys: 5 },
);
const body = fc.oneof(
  fc.json(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '{', '{"kwargs":', '{"kwargs":[]}', '{"a":1e999}', 'a=1&b=2', '[]', 'null'),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'OPTIONS', 'HEAD', 'DELETE'),
  path,
  query,
  headers,
  body,
});

describe('emulators on hostile requests', () => {
  test.each([
    ['JitAi', jitai, '/api/org/app/services/S/f'],
    ['DataFlux Func', dataflux, '/api/v1/sync/x'],
  ] as const)('%s answers every request with an HTTP response', async (_name, emulator, known) => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), async (r, useKnownPath) => {
        const url = `http://emulator.test${useKnownPath ? known : r.path}${r.query}`;
        const init: RequestInit = { method: r.method, headers: r.headers };
        if (r.method !== 'GET' && r.method !== 'HEAD') init.body = r.body;
        const response = await emulator.fetch(new Request(url, init));
        expect(response).toBeInstanceOf(Response);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        await response.text();
        // A 500 is the emulator failing, not the platform answering.
        expect(response.status).not.toBe(500);
      }),
      { numRuns: 400 },
    );
    expect(statuses.size).toBeGreaterThan(1);
  });
});
