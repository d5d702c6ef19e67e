import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { dataFluxMac } from '../../../../test/reference/dataflux.js';
import { type DataFluxVector, readVectors } from '../../../../test/vectors/load.js';
import { basic } from '../../src/auth/basic.js';
import { customAuth } from '../../src/auth/custom.js';
import { fixedField } from '../../src/auth/fixed-field.js';
import { createDataFluxClient } from '../../src/dataflux/client.js';
import { dataflux } from '../../src/dataflux/strategy.js';
import { digest } from '../../src/digest/strategy.js';
import { SignetApiError, SignetConfigError, SignetHttpError } from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import type { CallRecord } from '../../src/http/records.js';
import { type MiniDataFlux, startMiniDataFlux } from '../helpers/dataflux-server.js';

const AK = { akId: 'ak-demo', akSecret: 'sk-test-secret-value' };
let dff: MiniDataFlux;

beforeAll(async () => {
  dff = await startMiniDataFlux({
    ...AK,
    funcs: {
      'demo__main.hello': (kwargs) => ({ hello: kwargs.name ?? 'world', kwargs }),
      'demo__main.answer': () => 42,
      'demo__main.big': () => 1.5,
      'demo__main.echoValue': (kwargs) => kwargs.value,
      'demo__main.boom': () => {
        throw new Error('ZeroDivisionError');
      },
    },
    syncApis: {
      open: { func: 'demo__main.hello' },
      answer: { func: 'demo__main.answer' },
      value: { func: 'demo__main.echoValue' },
      boom: { func: 'demo__main.boom' },
      header: {
        func: 'demo__main.hello',
        auth: {
          type: 'fixedField',
          location: 'header',
          name: 'x-auth-token',
          value: 'fixed-token-1',
        },
      },
      query: {
        func: 'demo__main.hello',
        auth: { type: 'fixedField', location: 'query', name: 'token', value: 'fixed-token-2' },
      },
      body: {
        func: 'demo__main.hello',
        auth: { type: 'fixedField', location: 'body', name: 'token', value: 'fixed-token-3' },
      },
      basic: {
        func: 'demo__main.hello',
        auth: { type: 'httpBasic', username: 'u1', password: 'basic-pass' },
      },
      digest: {
        func: 'demo__main.hello',
        auth: { type: 'httpDigest', username: 'u2', password: 'digest-pass' },
      },
      digestLatin1: {
        func: 'demo__main.hello',
        auth: { type: 'httpDigest', username: 'zoë', password: 'digest-pass' },
      },
    },
  });
});
afterAll(() => dff.close());
beforeEach(() => {
  dff.seen.length = 0;
  dff.akChecks.length = 0;
  dff.override.length = 0;
  dff.clockOffsetMs = 0;
  dff.frozenNow = undefined;
  dff.akSecret = AK.akSecret;
});

const signed = (extra: Record<string, unknown> = {}) =>
  createDataFluxClient({ baseUrl: dff.url, auth: dataflux(AK), ...extra });

describe('DataFlux AK/SK OpenAPI', () => {
  test('callFunc returns data.result; every request has a fresh CSPRNG nonce', async () => {
    const client = signed();
    await expect(client.callFunc('demo__main.hello', { name: 'x' })).resolves.toEqual({
      hello: 'x',
      kwargs: { name: 'x' },
    });
    await expect(client.callFunc('demo__main.hello')).resolves.toMatchObject({ hello: 'world' });
    const [a, b] = dff.seen;
    expect(a!.headers['x-dff-ak-nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(a!.headers['x-dff-ak-nonce']).not.toBe(b!.headers['x-dff-ak-nonce']);
    expect(b!.body).toBe('{"kwargs":{}}');
    expect(b!.headers['content-type']).toBe('application/json');
  });

  test('async returns the task id', async () => {
    const { taskId } = await signed().async('open', { a: 1 });
    expect(taskId).toMatch(/^task-[0-9a-f]+$/);
  });

  test('a wrong secret → SignetApiError EUserAuth 401.14, secret nowhere', async () => {
    const records: CallRecord[] = [];
    const client = createDataFluxClient({
      baseUrl: dff.url,
      auth: dataflux({ ...AK, akSecret: 'bad-secret-xyz' }),
      onCall: (r) => records.push(r),
    });
    const error = (await client
      .callFunc('demo__main.hello')
      .catch((e: unknown) => e)) as SignetApiError;
    expect(error).toBeInstanceOf(SignetApiError);
    expect(error).toMatchObject({
      status: 401,
      errcode: 401.14,
      reason: 'EUserAuth',
      platformMessage: 'Invalid Access Key sign',
    });
    expect(error.traceId).toMatch(/^TRACE-/);
    expect(records[0]).toMatchObject({ reason: 'EUserAuth', errcode: 401.14, ok: false });
    expect(`${error.message}${error.stack}${JSON.stringify(records)}`).not.toContain(
      'bad-secret-xyz',
    );
  });

  test('a server clock 20 minutes ahead: rejected once for the timestamp, re-signed with a fresh nonce', async () => {
    dff.clockOffsetMs = 1_200_000;
    const records: CallRecord[] = [];
    const client = signed({
      maxClockSkewMs: 1_800_000,
      onCall: (r: CallRecord) => records.push(r),
    });
    await expect(client.callFunc('demo__main.answer')).resolves.toBe(42);
    expect(records[0]!.attempts).toBe(2);
    const [first, second] = dff.seen;
    expect(first!.headers['x-dff-ak-nonce']).not.toBe(second!.headers['x-dff-ak-nonce']);
    expect(
      Number(second!.headers['x-dff-ak-timestamp']) - Number(first!.headers['x-dff-ak-timestamp']),
    ).toBeGreaterThan(1190);
  });

  test('X-Trace-Id goes out and comes back in the record', async () => {
    const records: CallRecord[] = [];
    await signed({ onCall: (r: CallRecord) => records.push(r) }).callFunc(
      'demo__main.answer',
      {},
      { traceId: 'my-trace-1' },
    );
    expect(dff.seen[0]!.headers['x-trace-id']).toBe('my-trace-1');
    expect(records[0]!.traceId).toBe('my-trace-1');
  });

  test('429 exposes waitSeconds; a 404 names the reason', async () => {
    dff.override.push((res) => {
      res.statusCode = 429;
      res.setHeader('content-type', 'application/json');
      res.end(
        '{"ok":false,"error":429.46,"reason":"EClientRateLimit","message":"Rate limit","detail":{"waitSeconds":3},"traceId":"t"}',
      );
    });
    await expect(signed({ retry: 0 }).callFunc('demo__main.answer')).rejects.toMatchObject({
      status: 429,
      waitSeconds: 3,
      reason: 'EClientRateLimit',
    });
    await expect(signed().callFunc('nope.nope')).rejects.toMatchObject({
      status: 404,
      reason: 'EClientNotFound',
      platformMessage: 'No such Func',
    });
  });
});

describe('DataFlux Sync APIs', () => {
  test('success is not wrapped: objects, numbers, and jsonDumps text', async () => {
    const open = createDataFluxClient({ baseUrl: dff.url });
    await expect(open.sync('open', { name: 'a' })).resolves.toEqual({
      hello: 'a',
      kwargs: { name: 'a' },
    });
    // A number comes back as text/html "42": the wire cannot tell it from '42'.
    await expect(open.sync('answer')).resolves.toBe('42');
    await expect(open.sync('open', { name: 'a' }, { method: 'GET' })).resolves.toMatchObject({
      hello: 'a',
    });
    await expect(open.sync('answer', {}, { options: { returnType: 'jsonDumps' } })).resolves.toBe(
      '42',
    );
    expect(dff.seen[2]!.url).toBe(
      `/api/v1/sync/open?kwargs=${encodeURIComponent('{"name":"a"}').replace(/%20/g, '+')}`,
    );
  });

  test.each([
    ['a dict', { a: [1, 2] }, { a: [1, 2] }],
    ['a list', [1, 'x'], [1, 'x']],
    ['True', true, true],
    ['a number', 1.5, '1.5'],
    ['a string', 'hello', 'hello'],
    ['a string that looks like JSON', '{"a":1}', '{"a":1}'],
    ['None', null, null],
    ['False', false, null],
    ['0', 0, null],
    ["''", '', null],
  ])(
    'a function returning %s: sync() gives what the flattened wire can say',
    async (_n, value, expected) => {
      const open = createDataFluxClient({ baseUrl: dff.url });
      await expect(open.sync('value', { value })).resolves.toEqual(expected);
    },
  );

  test('simplified format, POST and GET', async () => {
    const open = createDataFluxClient({ baseUrl: dff.url });
    await expect(open.sync('open', { name: 'b' }, { format: 'simplified' })).resolves.toMatchObject(
      { kwargs: { name: 'b' } },
    );
    await expect(
      open.sync('open', { name: 'c' }, { format: 'simplified', method: 'GET' }),
    ).resolves.toMatchObject({ kwargs: { name: 'c' } });
    await expect(
      open.sync('open', { n: 1 }, { format: 'simplified', method: 'GET' }),
    ).rejects.toThrow(/query strings/);
  });

  test('a function failure is SignetApiError EFuncFailed 599.1 with its detail', async () => {
    const error = (await createDataFluxClient({ baseUrl: dff.url, retry: 0 })
      .sync('boom')
      .catch((e: unknown) => e)) as SignetApiError;
    expect(error).toMatchObject({ status: 599, errcode: 599.1, reason: 'EFuncFailed' });
    expect((error.detail as { exception: string }).exception).toContain('ZeroDivisionError');
  });

  test.each([
    ['header', 'normal', { in: 'header', name: 'x-auth-token', value: 'fixed-token-1' }],
    ['query', 'normal', { in: 'query', name: 'token', value: 'fixed-token-2' }],
    ['body', 'simplified', { in: 'body', name: 'token', value: 'fixed-token-3' }],
  ] as const)(
    'fixed field in the %s: picks the %s format and the server strips it',
    async (api, format, field) => {
      const client = createDataFluxClient({ baseUrl: dff.url, auth: fixedField(field) });
      await expect(client.sync(api, { name: 'z' })).resolves.toEqual({
        hello: 'z',
        kwargs: { name: 'z' },
      });
      expect(/\/s(\?|$)/.test(dff.seen[0]!.url)).toBe(format === 'simplified');
    },
  );

  test('a query field with GET switches to the simplified format; asking for normal is refused', async () => {
    const client = createDataFluxClient({
      baseUrl: dff.url,
      auth: fixedField({ in: 'query', name: 'token', value: 'fixed-token-2' }),
    });
    await expect(client.sync('query', { name: 'q' }, { method: 'GET' })).resolves.toMatchObject({
      hello: 'q',
    });
    expect(dff.seen[0]!.url).toMatch(/^\/api\/v1\/sync\/query\/s\?/);
    const body = createDataFluxClient({
      baseUrl: dff.url,
      auth: fixedField({ in: 'body', name: 'token', value: 'x' }),
    });
    await expect(body.sync('body', {}, { format: 'normal' })).rejects.toBeInstanceOf(
      SignetConfigError,
    );
    expect(dff.seen).toHaveLength(1);
  });

  test('several fixed fields: exactly one goes, the first that the chosen format carries', async () => {
    const client = createDataFluxClient({
      baseUrl: dff.url,
      auth: fixedField([
        { in: 'body', name: 'token', value: 'fixed-token-3' },
        { in: 'header', name: 'x-auth-token', value: 'fixed-token-1' },
      ]),
    });
    // The header fits the normal format, so the normal format it is, with the header only.
    await expect(client.sync('header', { name: 'h' })).resolves.toEqual({
      hello: 'h',
      kwargs: { name: 'h' },
    });
    expect(dff.seen[0]!.url).toBe('/api/v1/sync/header');
    expect(JSON.parse(dff.seen[0]!.body)).toEqual({ kwargs: { name: 'h' } });
    // Simplified: the body field is the first that fits, and the header stays home.
    await expect(client.sync('body', { name: 'b' }, { format: 'simplified' })).resolves.toEqual({
      hello: 'b',
      kwargs: { name: 'b' },
    });
    expect(JSON.parse(dff.seen[1]!.body)).toEqual({ name: 'b', token: 'fixed-token-3' });
    expect(dff.seen[1]!.headers['x-auth-token']).toBeUndefined();
    // The Async API takes the normal format: a body-only credential is refused before sending.
    const bodyOnly = createDataFluxClient({
      baseUrl: dff.url,
      auth: fixedField({ in: 'body', name: 'token', value: 'fixed-token-3' }),
    });
    await expect(bodyOnly.async('header', {})).rejects.toThrow(
      /none of the configured fields \(body "token"\) can travel on this request \(POST, normal format\)/,
    );
    expect(dff.seen).toHaveLength(2);
  });

  test('the server really is strict: an unexpected body field → 400 EClientBadRequest', async () => {
    const client = createDataFluxClient({
      baseUrl: dff.url,
      auth: customAuth(({ body }) => {
        (body as Record<string, unknown>).token = 'x';
      }),
    });
    await expect(client.sync('open', {})).rejects.toMatchObject({
      status: 400,
      reason: 'EClientBadRequest',
      detail: 'Found unexpected field `token`',
    });
  });

  test('a wrong fixed field → EAPIAuth 401.99', async () => {
    const client = createDataFluxClient({
      baseUrl: dff.url,
      auth: fixedField({ in: 'header', name: 'x-auth-token', value: 'nope-value' }),
    });
    await expect(client.sync('header')).rejects.toMatchObject({
      reason: 'EAPIAuth',
      errcode: 401.99,
      platformMessage: 'Fixed Field Auth failed',
    });
  });

  test('HTTP Basic ok and failed', async () => {
    await expect(
      createDataFluxClient({
        baseUrl: dff.url,
        auth: basic({ username: 'u1', password: 'basic-pass' }),
      }).sync('basic', { name: 'b' }),
    ).resolves.toMatchObject({ hello: 'b' });
    await expect(
      createDataFluxClient({
        baseUrl: dff.url,
        auth: basic({ username: 'u1', password: 'nope' }),
      }).sync('basic'),
    ).rejects.toMatchObject({ platformMessage: 'HTTP Basic Auth failed' });
  });

  test('HTTP Digest: challenge answered, then preemptive; a wrong password stops', async () => {
    const records: CallRecord[] = [];
    const client = createDataFluxClient({
      baseUrl: dff.url,
      auth: digest({ username: 'u2', password: 'digest-pass' }),
      onCall: (r) => records.push(r),
    });
    await expect(client.sync('digest', { name: 'd' })).resolves.toMatchObject({ hello: 'd' });
    await expect(client.sync('digest', { name: 'e' })).resolves.toMatchObject({ hello: 'e' });
    expect(records.map((r) => r.attempts)).toEqual([2, 1]);
    const wrong = createDataFluxClient({
      baseUrl: dff.url,
      auth: digest({ username: 'u2', password: 'bad' }),
    });
    await expect(wrong.sync('digest')).rejects.toMatchObject({
      status: 401,
      platformMessage: 'HTTP Digest Auth failed',
    });
  });

  test('HTTP Digest with a Latin-1 user name: the DataFlux client quotes it as Latin-1', async () => {
    const auth = digest({ username: 'zoë', password: 'digest-pass' });
    expect(auth.usernameEncoding).toBe('rfc7616'); // left open: the client decides
    await expect(
      createDataFluxClient({ baseUrl: dff.url, auth }).sync('digestLatin1', { name: 'z' }),
    ).resolves.toMatchObject({ hello: 'z' });
    // node:http reads header bytes as Latin-1: one byte 0xEB for the ë.
    expect(dff.seen[1]!.headers.authorization).toContain('username="zo\u00eb"');
    // The RFC 7616 form, asked for explicitly, is what this server never reads.
    const rfc = digest({ username: 'zoë', password: 'digest-pass', usernameEncoding: 'rfc7616' });
    await expect(
      createDataFluxClient({ baseUrl: dff.url, auth: rfc }).sync('digestLatin1'),
    ).rejects.toMatchObject({ status: 401, platformMessage: 'HTTP Digest Auth failed' });
    expect(dff.seen[3]!.headers.authorization).toContain(`username*=UTF-8''zo%C3%AB`);
  });

  test('a Digest user name beyond Latin-1 cannot pass DataFlux Func: refused, nothing sent', () => {
    const auth = digest({ username: 'Łukasz', password: 'digest-pass' });
    expect(() => createDataFluxClient({ baseUrl: dff.url, auth })).toThrow(SignetConfigError);
    expect(() => createDataFluxClient({ baseUrl: dff.url, auth })).toThrow(
      'digest: the user name holds "Ł" (U+0141), beyond Latin-1. DataFlux Func decodes Digest headers as Latin-1 and never reads RFC 7616 username*, so no client can send this name to it: use a user name within Latin-1 there',
    );
    expect(dff.seen).toHaveLength(0);
  });

  test('an HTML 502 from a proxy is SignetHttpError', async () => {
    dff.override.push((res) => {
      res.statusCode = 502;
      res.setHeader('content-type', 'text/html');
      res.end('<html>bad gateway</html>');
    });
    await expect(
      createDataFluxClient({ baseUrl: dff.url, retry: 0 }).sync('open'),
    ).rejects.toBeInstanceOf(SignetHttpError);
  });
});

// The calls above are checked by a server written apart from signet (test/reference);
// these compare the X-Dff-Ak-Sign that goes over the wire with the shared vectors. The
// vectors' own nonces (`ノンス`, `0.7704…`) cannot all travel in a header, and signet's
// nonce is always 32 hex digits, so the expected sign is the vector's string to sign with
// the nonce actually sent in its place: method, target, timestamp and, above all, the
// bodyMd5 (the vector's jsonDumps, DataFlux's own serializer) are the vector's.
describe('the shared vectors as calls', () => {
  const vectors = readVectors<DataFluxVector>('dataflux/requests.json').cases;
  /** A random source that makes the nonce `seed` repeated: distinct per call. */
  const nonceOf = (seed: number) => (n: number) => new Uint8Array(n).fill(seed);
  const expectedSign = (v: DataFluxVector, target: string, nonce: string) => {
    const method = v.method.toUpperCase();
    // The derivation is the vector's own: with its nonce it gives its stringToSign and sign.
    expect([method, v.pathWithQuery, v.timestamp, v.nonce, v.bodyMd5].join('&')).toBe(
      v.stringToSign,
    );
    expect(dataFluxMac(v.akSecret, v.stringToSign)).toBe(v.sign);
    return dataFluxMac(v.akSecret, [method, target, v.timestamp, nonce, v.bodyMd5].join('&'));
  };
  const atVectorTime = (v: DataFluxVector) => {
    dff.akSecret = v.akSecret;
    dff.frozenNow = Number(v.timestamp) * 1000;
  };

  // signet refuses an empty akSecret before anything is sent (a guessable key).
  const sendable = vectors.filter((v) => v.akSecret !== '');

  test('40 cases: 13 plain func calls; the 5 with an empty akSecret are refused', () => {
    expect(vectors).toHaveLength(40);
    expect(sendable.filter(isFuncCall)).toHaveLength(13);
    const empty = vectors.filter((v) => v.akSecret === '');
    expect(empty.map((v) => v.name)).toEqual([
      'path-with-trailing-slash',
      'random-001',
      'random-004',
      'random-007',
      'random-016',
    ]);
    expect(() => dataflux({ akId: AK.akId, akSecret: '' })).toThrow(SignetConfigError);
  });

  test.each(sendable.filter(isFuncCall).map((v, i) => [v.name, v, i] as const))(
    'callFunc %s: X-Dff-Ak-Sign carries the vector bodyMd5, the server accepts it',
    async (_name, v, i) => {
      atVectorTime(v);
      const client = createDataFluxClient({
        baseUrl: dff.url,
        auth: dataflux({ akId: AK.akId, akSecret: v.akSecret }),
        now: () => Number(v.timestamp) * 1000,
        random: nonceOf(i + 1),
      });
      const kwargs = (v.body as { kwargs: Record<string, unknown> }).kwargs;
      await expect(client.callFunc(funcId(v), kwargs)).rejects.toMatchObject({
        status: 404,
        platformMessage: 'No such Func',
      });
      const sent = dff.seen.at(-1)!;
      expect(sent.url).toBe(v.pathWithQuery);
      expect(sent.headers['x-dff-ak-timestamp']).toBe(v.timestamp);
      const nonce = sent.headers['x-dff-ak-nonce'] as string;
      expect(nonce).toBe(Buffer.alloc(16, i + 1).toString('hex'));
      expect(sent.headers['x-dff-ak-sign']).toBe(expectedSign(v, sent.url, nonce));
      expect(dff.akChecks).toEqual([{ url: v.pathWithQuery, verdict: 'ok' }]);
    },
  );

  test.each(sendable.map((v, i) => [v.name, v, i] as const))(
    'createClient + dataflux() %s: the request as the vector signs it',
    async (_name, v, i) => {
      atVectorTime(v);
      const api = createClient({
        baseUrl: dff.url,
        auth: dataflux({ akId: AK.akId, akSecret: v.akSecret }),
        now: () => Number(v.timestamp) * 1000,
        random: nonceOf(100 + i),
        retry: 0,
      });
      const options = v.body === null ? {} : { json: v.body };
      const outcome = await api.request(v.method, v.pathWithQuery, options).then(
        (res) => res.status,
        (e: unknown) => (e as SignetHttpError).status,
      );
      const sent = dff.seen.at(-1)!;
      expect(sent.url).toBe(v.pathWithQuery);
      expect(sent.method).toBe(v.method.toUpperCase());
      const nonce = sent.headers['x-dff-ak-nonce'] as string;
      expect(sent.headers['x-dff-ak-sign']).toBe(expectedSign(v, sent.url, nonce));
      expect(dff.akChecks).toEqual([{ url: sent.url, verdict: 'ok' }]);
      expect([200, 404]).toContain(outcome);
    },
  );
});

function isFuncCall(v: DataFluxVector): boolean {
  const body = v.body as { kwargs?: unknown } | null;
  return (
    v.method.toUpperCase() === 'POST' &&
    /^\/api\/v1\/func\/[^/?]+$/.test(v.pathWithQuery) &&
    body !== null &&
    typeof body === 'object' &&
    Object.keys(body).join() === 'kwargs' &&
    typeof body.kwargs === 'object' &&
    body.kwargs !== null &&
    !Array.isArray(body.kwargs)
  );
}

function funcId(v: DataFluxVector): string {
  return decodeURIComponent(v.pathWithQuery.slice('/api/v1/func/'.length));
}
