// signet's attempt loop on both transports (fetch and undici), against real servers on
// 127.0.0.1: redirects carry nothing away, stalled bodies time out, big bodies are
// refused while they are read, resets are network errors, retries follow the policy.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bearer,
  createClient,
  createDataFluxClient,
  createJitaiClient,
  customAuth,
  dataflux,
  digest,
  fetchTransport,
  fixedField,
  hmacSignature,
  SignetAbortError,
  SignetDecodeError,
  SignetHttpError,
  SignetNetworkError,
  SignetTimeoutError,
  type Transport,
  verifyHmacRequest,
} from '@signet/sdk-core';
import { afterEach, describe, expect, test } from 'vitest';
import { nodeTransport } from '../src/transport.js';

interface Served {
  url: string;
  /** Requests received: method, target, headers, body. */
  seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

const open: Served[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A server on 127.0.0.1 whose handler sees the whole request body first. */
async function serve(
  handler: (req: Served['seen'][number], res: ServerResponse, raw: IncomingMessage) => void,
): Promise<Served> {
  const seen: Served['seen'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      handler(entry, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const served: Served = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(served);
  return served;
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );

const SECRET = 'loop-secret-never-in-any-error-42';
const TOKEN = 'tok-never-forwarded-0123456789';

const transports: [string, () => Transport][] = [
  ['fetch', () => fetchTransport()],
  ['undici', () => nodeTransport()],
];

describe.each(transports)('the attempt loop over the %s transport', (_name, transport) => {
  describe('redirects never carry credentials away', () => {
    test.each([301, 302, 303, 307, 308])(
      'a %i to another origin is not followed, whatever the strategy; the other origin sees nothing',
      async (status) => {
        const elsewhere = await serve((_req, res) => json(res, 200, { stolen: true }));
        const origin = await serve((req, res) => {
          res.writeHead(status, { location: `${elsewhere.url}/steal${req.url}` });
          res.end();
        });
        const clients = [
          () =>
            createJitaiClient({
              baseUrl: `${origin.url}/api/org/app`,
              accessKey: 'ak-loop',
              accessSecret: SECRET,
              transport: transport(),
            }).call('services.OrderSvc.query', { orderId: '1' }),
          () =>
            createDataFluxClient({
              baseUrl: origin.url,
              auth: dataflux({ akId: 'ak-dff', akSecret: SECRET }),
              transport: transport(),
            }).callFunc('demo.f', {}),
          () =>
            createClient({
              baseUrl: origin.url,
              auth: bearer(TOKEN),
              transport: transport(),
            }).request('GET', '/x'),
          () =>
            createClient({
              baseUrl: origin.url,
              auth: fixedField({ in: 'query', name: 'token', value: TOKEN }),
              transport: transport(),
            }).request('POST', '/x', { json: { a: 1 } }),
          () =>
            createClient({
              baseUrl: origin.url,
              auth: hmacSignature({ keyId: 'k', secret: SECRET }),
              redirect: 'same-origin', // opting in to same-origin hops changes nothing here
              transport: transport(),
            }).request('PUT', '/x', { json: { a: 1 } }),
        ];
        for (const call of clients) {
          const error = await failure(call());
          expect(error).toBeInstanceOf(SignetHttpError);
          expect(error.status).toBe(status);
          expect(error.message).toContain(`redirect to ${elsewhere.url}`);
          expect(error.message).toContain('not followed');
          for (const text of [error.message, String(error.location), JSON.stringify(error)]) {
            expect(text).not.toContain(SECRET);
            expect(text).not.toContain(TOKEN);
          }
        }
        expect(elsewhere.seen).toHaveLength(0);
        expect(origin.seen).toHaveLength(clients.length);
        // The fixed-field query credential that the server echoed into Location is masked.
        expect(origin.seen[3]!.url).toContain(`token=${TOKEN}`);
      },
    );

    test('a same-origin redirect is not followed by default; the error says how to opt in', async () => {
      const server = await serve((req, res) => {
        if (req.url === '/old') {
          res.writeHead(307, { location: '/new' });
          res.end();
        } else json(res, 200, { at: req.url });
      });
      const api = createClient({
        baseUrl: server.url,
        auth: bearer(TOKEN),
        transport: transport(),
      });
      const error = await failure(api.request('GET', '/old'));
      expect(error).toBeInstanceOf(SignetHttpError);
      expect(error.message).toContain(`redirect: 'same-origin'`);
      expect(error.location).toBe(`${server.url}/new`);
      expect(server.seen.map((r) => r.url)).toEqual(['/old']);
    });

    test("redirect: 'same-origin' follows, re-signing every hop for its own URL and method", async () => {
      const key = { keyId: 'k-hops', secret: SECRET };
      const server = await serve((req, res) => {
        const verdict = verifyHmacRequest(
          {
            method: req.method,
            pathWithQuery: req.url,
            headers: req.headers as Record<string, string>,
            body: req.body,
            now: Date.now(),
          },
          { secret: key.secret },
        );
        if (!verdict.ok) return json(res, 401, { problem: verdict.problem });
        if (req.url === '/a') {
          res.writeHead(307, { location: '/b?x=1' });
          return res.end();
        }
        if (req.url === '/b?x=1') {
          res.writeHead(303, { location: '/c' });
          return res.end();
        }
        json(res, 200, { method: req.method, url: req.url, body: req.body });
      });
      const api = createClient({
        baseUrl: server.url,
        auth: hmacSignature(key),
        redirect: 'same-origin',
        transport: transport(),
      });
      const { data } = await api.request('POST', '/a', { json: { n: 1 } });
      // 307 keeps method and body; 303 turns the request into a bodiless GET.
      expect(server.seen.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
        'POST /a {"n":1}',
        'POST /b?x=1 {"n":1}',
        'GET /c ',
      ]);
      expect(data).toEqual({ method: 'GET', url: '/c', body: '' });
      const nonces = server.seen.map((r) => r.headers['x-signet-nonce']);
      expect(new Set(nonces).size).toBe(3);
    });

    test('at most 5 hops', async () => {
      const server = await serve((req, res) => {
        const n = Number(req.url.slice(1));
        res.writeHead(302, { location: `/${n + 1}` });
        res.end();
      });
      const api = createClient({
        baseUrl: server.url,
        redirect: 'same-origin',
        transport: transport(),
      });
      const error = await failure(api.request('GET', '/0'));
      expect(error).toBeInstanceOf(SignetHttpError);
      expect(error.message).toContain('already 5 redirects');
      expect(server.seen).toHaveLength(6);
    });
  });

  describe('timeouts cover the whole attempt', () => {
    test('headers at once, then a body at 1 byte/s: the attempt timeout ends it', async () => {
      let timer: ReturnType<typeof setInterval> | undefined;
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        timer = setInterval(() => res.write(' '), 1000);
        res.on('close', () => clearInterval(timer));
      });
      const api = createClient({
        baseUrl: server.url,
        timeout: 400,
        retry: 0,
        transport: transport(),
      });
      const started = Date.now();
      const error = await failure(api.request('GET', '/slow'));
      clearInterval(timer);
      expect(error).toBeInstanceOf(SignetTimeoutError);
      expect(error.message).toContain('while the body was read');
      expect(error.message).toContain('400 ms');
      // Ended by the 400 ms timer, not by the body (which would never end): generous bound.
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    test('totalTimeout bounds every attempt and wait together', async () => {
      const server = await serve((_req, res) => json(res, 503, { busy: true }));
      const api = createClient({
        baseUrl: server.url,
        totalTimeout: 300,
        retry: { limit: 20, delay: () => 120 },
        transport: transport(),
      });
      const error = await failure(api.request('GET', '/busy'));
      expect(error).toBeInstanceOf(SignetTimeoutError);
      expect(error.message).toContain('totalTimeout (300 ms)');
      expect(server.seen.length).toBeGreaterThanOrEqual(2);
      expect(server.seen.length).toBeLessThan(20);
    });

    test("the caller's abort, mid-body, is a SignetAbortError", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
      });
      const controller = new AbortController();
      const api = createClient({ baseUrl: server.url, transport: transport() });
      const pending = failure(api.request('GET', '/x', { signal: controller.signal }));
      setTimeout(() => controller.abort(new Error('user left the page')), 100);
      const error = await pending;
      expect(error).toBeInstanceOf(SignetAbortError);
      expect(error.message).toContain('while the body was read');
      expect((error.cause as Error).message).toBe('user left the page');
    });
  });

  describe('bounded responses', () => {
    test('a chunked body past maxResponseBytes: reading stops there, a typed error names the limit', async () => {
      let written = 0;
      let closed = false;
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.on('close', () => {
          closed = true;
        });
        const pump = () => {
          while (!closed && written < 512 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        pump();
      });
      const api = createClient({
        baseUrl: server.url,
        maxResponseBytes: 1024 * 1024,
        transport: transport(),
      });
      const error = await failure(api.request('GET', '/huge'));
      expect(error).toBeInstanceOf(SignetDecodeError);
      expect(error.message).toContain('maxResponseBytes (1048576 bytes;');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closed).toBe(true);
      // Far less than the 512 MiB the server was ready to send (socket buffers aside).
      expect(written).toBeLessThan(64 * 1024 * 1024);
    });

    test('a Content-Length beyond the limit is refused before the body is read', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(2 ** 30),
        });
        res.write('{"a":');
      });
      const api = createClient({ baseUrl: server.url, transport: transport() });
      const error = await failure(api.request('GET', '/gib'));
      expect(error).toBeInstanceOf(SignetDecodeError);
      expect(error.message).toContain(`maxResponseBytes (${32 * 1024 * 1024} bytes; ${2 ** 30}`);
    });

    test('maxResponseBytes: false lifts the limit', async () => {
      const big = 'x'.repeat(40 * 1024 * 1024);
      const server = await serve((_req, res) => json(res, 200, { big }));
      const api = createClient({
        baseUrl: server.url,
        maxResponseBytes: false,
        transport: transport(),
      });
      const { data } = await api.request<{ big: string }>('GET', '/big');
      expect(data.big.length).toBe(big.length);
    });
  });

  describe('failures after sending are network errors, never config errors', () => {
    test('a reset after the headers', async () => {
      const server = await serve((_req, res, raw) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"partial":', () => raw.socket.destroy());
      });
      const api = createClient({ baseUrl: server.url, retry: 0, transport: transport() });
      const error = await failure(api.request('GET', '/reset'));
      expect(error).toBeInstanceOf(SignetNetworkError);
      expect(error.message).toContain('broke while the response body was read');
      expect(error.cause).toBeDefined();
    });

    test('a reset before any answer: a POST is not sent twice, a GET is retried', async () => {
      const server = await serve((_req, _res, raw) => raw.socket.destroy());
      const api = createClient({
        baseUrl: server.url,
        retry: { limit: 2, delay: () => 1 },
        transport: transport(),
      });
      expect(await failure(api.request('POST', '/p', { json: {} }))).toBeInstanceOf(
        SignetNetworkError,
      );
      expect(server.seen).toHaveLength(1);
      expect(await failure(api.request('GET', '/g'))).toBeInstanceOf(SignetNetworkError);
      expect(server.seen).toHaveLength(4);
      // A POST the caller knows is safe to repeat.
      await failure(api.request('POST', '/q', { json: {}, idempotent: true }));
      expect(server.seen).toHaveLength(7);
    });

    test('a connection that never opened is retried whatever the method', async () => {
      const server = await serve(() => {});
      const url = server.url;
      await server.close();
      open.splice(open.indexOf(server), 1);
      const records: number[] = [];
      const api = createClient({
        baseUrl: url,
        retry: { limit: 2, delay: () => 1 },
        onCall: (record) => records.push(record.attempts),
        transport: transport(),
      });
      const error = await failure(api.request('POST', '/p', { json: {} }));
      expect(error).toBeInstanceOf(SignetNetworkError);
      expect(error.message).toContain('could not be opened');
      expect(error.message).toContain('ECONNREFUSED');
      expect(records).toEqual([3]);
    });
  });

  describe('SignetConfigError only before anything was sent', () => {
    test('a Digest challenge signet cannot answer is the server’s 401, not a config error', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(401, {
          'www-authenticate': 'Digest realm="r", nonce="n1", qop="auth", algorithm=SHA-1024',
        });
        res.end();
      });
      const api = createClient({
        baseUrl: server.url,
        auth: digest({ username: 'u', password: SECRET }),
        transport: transport(),
      });
      const error = await failure(api.request('GET', '/d'));
      expect(error).toBeInstanceOf(SignetHttpError);
      expect(error.name).toBe('SignetHttpError');
      expect(error.status).toBe(401);
      expect(error.message).toContain('challenge cannot be answered');
      expect(server.seen).toHaveLength(1);
    });

    test('a callback failing on a retry says an earlier attempt was sent', async () => {
      const server = await serve((_req, res) => json(res, 503, {}));
      let calls = 0;
      const api = createClient({
        baseUrl: server.url,
        retry: { limit: 2, delay: () => 1 },
        auth: customAuth(() => {
          if (++calls > 1) throw new Error('token refresh failed');
        }),
        transport: transport(),
      });
      const error = await failure(api.request('GET', '/r'));
      expect(error.name).toBe('SignetError');
      expect(error.message).toContain('Attempt 2 was not sent (an earlier one was)');
      expect(error.message).toContain('token refresh failed');
      expect(server.seen).toHaveLength(1);
    });
  });

  describe('retry policy', () => {
    test('a 503 POST is not retried, unless idempotent: true; Retry-After is clamped', async () => {
      const seenBefore = new Set<string>();
      const server = await serve((req, res) => {
        // The first attempt at each path is refused with an hour's Retry-After.
        if (!seenBefore.has(req.url)) {
          seenBefore.add(req.url);
          json(res, 503, { busy: true }, { 'retry-after': '3600' });
        } else json(res, 200, { n: server.seen.length });
      });
      const api = createClient({
        baseUrl: server.url,
        retry: { limit: 2, maxRetryAfter: 20 },
        transport: transport(),
      });
      expect(await failure(api.request('POST', '/x', { json: {} }))).toBeInstanceOf(
        SignetHttpError,
      );
      expect(server.seen).toHaveLength(1);
      const started = Date.now();
      const { data } = await api.request('POST', '/y', { json: {}, idempotent: true });
      expect(data).toEqual({ n: 3 });
      // Retry-After: 3600 waited 20 ms, not an hour.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(server.seen).toHaveLength(3);
    });

    test('per-call retry overrides the client policy', async () => {
      const server = await serve((_req, res) => json(res, 500, {}));
      const api = createClient({ baseUrl: server.url, retry: 0, transport: transport() });
      await failure(api.request('GET', '/x', { retry: { limit: 3, delay: () => 1 } }));
      expect(server.seen).toHaveLength(4);
    });
  });
});
