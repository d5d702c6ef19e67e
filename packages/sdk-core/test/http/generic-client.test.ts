import { afterEach, describe, expect, test } from 'vitest';
import { bearer } from '../../src/auth/bearer.js';
import {
  SignetAbortError,
  SignetConfigError,
  SignetDecodeError,
  SignetHttpError,
  SignetNetworkError,
  SignetTimeoutError,
} from '../../src/errors.js';
import { createClient } from '../../src/http/generic-client.js';
import type { CallRecord } from '../../src/http/records.js';
import { closedPort, json, startServer } from '../helpers/http-server.js';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startServer>[0]) {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

const fastRetry = { limit: 2, delay: () => 5 };

describe('createClient().request', () => {
  test('sends the JSON text once-serialized and decodes big integers losslessly', async () => {
    const server = await serve((req, res) =>
      json(res, 200, `{"echo":${req.body},"big":12345678901234567890,"f":1.0}`),
    );
    const api = createClient({ baseUrl: server.url });
    const { status, data } = await api.request('POST', '/orders', {
      json: { id: 1, n: 2n ** 64n },
    });
    expect(status).toBe(200);
    expect(server.seen[0]!.body).toBe('{"id":1,"n":18446744073709551616}');
    expect(server.seen[0]!.headers['content-type']).toBe('application/json');
    expect(data).toEqual({
      echo: { id: 1, n: 18446744073709551616n },
      big: 12345678901234567890n,
      f: 1,
    });
  });

  test('bigint: "string" and "number" modes', async () => {
    const server = await serve((_req, res) => json(res, 200, '{"big":12345678901234567890}'));
    const asString = createClient({ baseUrl: server.url, bigint: 'string' });
    expect((await asString.request('GET', 'x')).data).toEqual({ big: '12345678901234567890' });
    const asNumber = createClient({ baseUrl: server.url, bigint: 'number' });
    expect((await asNumber.request('GET', 'x')).data).toEqual({ big: 12345678901234567000 });
  });

  test('non-2xx throws SignetHttpError with status, headers and decoded body', async () => {
    const server = await serve((_req, res) => json(res, 404, { error: 'nope' }));
    const api = createClient({ baseUrl: server.url });
    const error = await api.request('GET', 'missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    expect(error).toMatchObject({ name: 'SignetHttpError', status: 404, body: { error: 'nope' } });
    expect((error as SignetHttpError).headers.get('content-type')).toBe('application/json');
  });

  test('an HTML 502 page is a SignetHttpError, never a crash', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 502;
      res.setHeader('content-type', 'text/html');
      res.end('<html><body>Bad gateway</body></html>');
    });
    const api = createClient({ baseUrl: server.url, retry: 0 });
    const error = await api.request('GET', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetHttpError);
    expect((error as SignetHttpError).body).toBe('<html><body>Bad gateway</body></html>');
  });

  test('a truncated JSON body is a SignetDecodeError with a position', async () => {
    const server = await serve((_req, res) => json(res, 200, '{"a":[1,2'));
    const error = await createClient({ baseUrl: server.url })
      .request('GET', 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetDecodeError);
    expect((error as SignetDecodeError).position).toBeTypeOf('number');
  });

  test('GET is retried on 503, every attempt re-signed', async () => {
    let n = 0;
    const server = await serve((_req, res) =>
      ++n < 3 ? json(res, 503, {}) : json(res, 200, { n }),
    );
    let token = 0;
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: server.url,
      auth: bearer(() => `t${++token}`),
      retry: fastRetry,
      onCall: (r) => records.push(r),
    });
    expect((await api.request('GET', 'x')).data).toEqual({ n: 3 });
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      'Bearer t1',
      'Bearer t2',
      'Bearer t3',
    ]);
    expect(records[0]).toMatchObject({ attempts: 3, status: 200, ok: true, auth: 'bearer' });
  });

  test('POST is not retried after an answer unless opted in', async () => {
    const server = await serve((_req, res) => json(res, 503, { busy: true }));
    const api = createClient({ baseUrl: server.url, retry: fastRetry });
    await expect(api.request('POST', 'x', { json: {} })).rejects.toBeInstanceOf(SignetHttpError);
    expect(server.seen).toHaveLength(1);
    const optIn = createClient({
      baseUrl: server.url,
      retry: { ...fastRetry, retryNonIdempotent: true },
    });
    await expect(optIn.request('POST', 'x', { json: {} })).rejects.toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(4);
  });

  test('a refused connection is retried even for POST (nothing was sent) and ends as SignetNetworkError', async () => {
    const port = await closedPort();
    const records: CallRecord[] = [];
    const api = createClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retry: fastRetry,
      onCall: (r) => records.push(r),
    });
    const error = await api.request('POST', 'x', { json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetNetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(records[0]).toMatchObject({
      attempts: 3,
      ok: false,
      error: 'SignetNetworkError',
      status: undefined,
    });
  });

  test('per-attempt timeout → SignetTimeoutError', async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => json(res, 200, {}), 1000);
    });
    const api = createClient({ baseUrl: server.url, timeout: 100, retry: 0 });
    await expect(api.request('GET', 'slow')).rejects.toBeInstanceOf(SignetTimeoutError);
  });

  test('an AbortSignal aborts the call', async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => json(res, 200, {}), 1000);
    });
    const controller = new AbortController();
    const pending = createClient({ baseUrl: server.url, retry: 0 }).request('GET', 'x', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    // The caller asked to stop: not a network failure, not a timeout.
    expect(error).toBeInstanceOf(SignetAbortError);
    expect(error).toMatchObject({ name: 'SignetAbortError' });
    expect((error as Error).message).toContain('aborted by its AbortSignal');
    expect((error as Error).cause).toBe(controller.signal.reason);
  });

  test('refuses bad input before sending', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const api = createClient({ baseUrl: server.url });
    await expect(api.request('GET', 'x', { json: {} })).rejects.toBeInstanceOf(SignetConfigError);
    await expect(api.request('POST', 'x', { json: { a: undefined } })).rejects.toThrow(
      'body.a is undefined',
    );
    await expect(api.request('BAD METHOD', 'x')).rejects.toBeInstanceOf(SignetConfigError);
    expect(server.seen).toHaveLength(0);
  });

  test('refuses credentials over plain http to a remote host', async () => {
    const api = createClient({ baseUrl: 'http://api.example.com', auth: bearer('abcdefgh') });
    await expect(api.request('GET', 'x')).rejects.toThrow(/plain http/);
  });

  test('http://*.localhost is not loopback: refused before anything is sent, unless opted in', async () => {
    const sent: string[] = [];
    const fetch = async (input: Request | string | URL) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const api = createClient({
      baseUrl: 'http://evil.localhost:9',
      auth: bearer('abcdefgh'),
      fetch,
    });
    const error = await api.request('GET', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignetConfigError);
    expect(String(error)).toMatch(/evil\.localhost:9.*'localhost-subdomains'/);
    expect(sent).toHaveLength(0);
    const optedIn = createClient({
      baseUrl: 'http://evil.localhost:9',
      auth: bearer('abcdefgh'),
      fetch,
      allowInsecureHttp: 'localhost-subdomains',
    });
    await optedIn.request('GET', 'x');
    expect(sent).toEqual(['http://evil.localhost:9/x']);
    expect(() =>
      createClient({ baseUrl: 'http://h', allowInsecureHttp: 'yes' as unknown as boolean }),
    ).toThrow(/allowInsecureHttp must be true, false or 'localhost-subdomains'/);
  });

  test('onCall never breaks a call and never sees the token', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const seen: string[] = [];
    const api = createClient({
      baseUrl: server.url,
      auth: bearer('super-secret-token'),
      onCall: (r) => {
        seen.push(JSON.stringify(r));
        throw new Error('logger broke');
      },
    });
    await expect(api.request('GET', 'x?token=super-secret-token')).resolves.toMatchObject({
      status: 200,
    });
    expect(seen[0]).not.toContain('super-secret-token');
    expect(seen[0]).toContain('***');
  });
});
