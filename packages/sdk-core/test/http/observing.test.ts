import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  SignetApiError,
  SignetConfigError,
  SignetError,
  SignetSignatureError,
} from '../../src/errors.js';
import type {
  AfterResponseState,
  BeforeErrorState,
  BeforeRequestState,
  BeforeRetryState,
} from '../../src/http/hooks.js';
import type { Logger } from '../../src/http/logger.js';
import type { ClientOptions } from '../../src/http/options.js';
import type { CallTraceContext } from '../../src/http/tracer.js';
import { createJitaiClient, type JitaiClientOptions } from '../../src/jitai/client.js';
import { type MiniJitai, startMiniJitai } from '../helpers/jitai-server.js';

// Hooks, log lines, tracers and withResponse() on real calls to a server that verifies
// like JitAi: what they see is what went out, with every credential masked.

const KEY = { accessKey: 'ak4partner01', accessSecret: '44eb2b0bf8db45baa37f489017ca942eefe9e9' };

interface OrderSvc {
  query(args: { orderId: string }): Promise<{ orderId: string; status: string }>;
}

let app: MiniJitai;
beforeAll(async () => {
  app = await startMiniJitai({
    ...KEY,
    services: {
      'services.OrderSvc.query': (args) => ({ orderId: args.orderId, status: 'PAID' }),
    },
  });
});
afterAll(() => app.close());
beforeEach(() => {
  app.clockOffsetMs = 0;
  app.tamper = false;
  app.override.length = 0;
  app.seen.length = 0;
});

const client = (extra: Partial<JitaiClientOptions> = {}) =>
  createJitaiClient<{ 'services.OrderSvc': OrderSvc }>({
    baseUrl: app.baseUrl,
    ...KEY,
    retry: { limit: 2, delay: () => 1 },
    ...extra,
  });

const unavailable = (res: ServerResponse) => {
  res.statusCode = 503;
  res.end('busy');
};

/** Every signature the server received: none may appear in what hooks or logs saw. */
const sentSignatures = () => app.seen.map((seen) => String(seen.headers.accesssign));

function expectNoCredential(seen: unknown) {
  const text = JSON.stringify(seen);
  expect(text).not.toContain(KEY.accessSecret);
  for (const sign of sentSignatures()) expect(text).not.toContain(sign);
}

describe('hooks', () => {
  test('beforeRequest sees exactly what goes out, signed, with the credentials masked', async () => {
    const states: BeforeRequestState[] = [];
    const jit = client({ hooks: { beforeRequest: [(state) => void states.push(state)] } });
    await jit.call('services.OrderSvc.query', { orderId: '1001' });
    expect(states).toHaveLength(1);
    const [state] = states;
    expect(state!.api).toBe('services.OrderSvc.query');
    expect(state!.attempt).toBe(1);
    expect(state!.request.method).toBe('POST');
    expect(state!.request.url).toBe(`${app.baseUrl}/services/OrderSvc/query`);
    // The body is the very text the server parsed; the signature header is there, masked.
    expect(state!.request.body).toBe(app.seen[0]!.body);
    expect(state!.request.headers.accesssign).toBe('***');
    expect(state!.request.headers.timestamp).toBeDefined();
    expect(state!.request.headers['content-type']).toBe('application/json');
    expect(app.seen[0]!.headers.accesssign).toMatch(/^[0-9a-f]{40}$/);
    expectNoCredential(states);
  });

  test('hooks of a kind run in order, async ones awaited, for every attempt', async () => {
    const order: string[] = [];
    const jit = client({
      hooks: {
        beforeRequest: [
          async ({ attempt }) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            order.push(`request-a:${attempt}`);
          },
          ({ attempt }) => void order.push(`request-b:${attempt}`),
        ],
        afterResponse: [
          ({ attempt, response }) => void order.push(`response:${attempt}:${response.status}`),
        ],
        beforeRetry: [
          ({ attempt, reason, retryCount }) =>
            void order.push(`retry:${attempt}:${reason}:${retryCount}`),
        ],
      },
    });
    app.override.push(unavailable);
    await jit.call('services.OrderSvc.query', { orderId: '1' }, { idempotent: true });
    expect(order).toEqual([
      'request-a:1',
      'request-b:1',
      'response:1:503',
      'retry:2:status:1',
      'request-a:2',
      'request-b:2',
      'response:2:200',
    ]);
  });

  test('afterResponse and beforeRetry get the answer, masked; a clock-skew re-send says so', async () => {
    const responses: AfterResponseState[] = [];
    const retries: BeforeRetryState[] = [];
    const jit = client({
      hooks: {
        afterResponse: [(state) => void responses.push(state)],
        beforeRetry: [(state) => void retries.push(state)],
      },
    });
    app.clockOffsetMs = 20 * 60_000; // the server's clock 20 min ahead: one re-signed re-send
    const result = await jit.call('services.OrderSvc.query', { orderId: '7' });
    expect(result).toEqual({ orderId: '7', status: 'PAID' });
    expect(retries.map((r) => [r.reason, r.attempt, r.retryCount, r.delayMs])).toEqual([
      ['clock-skew', 2, 0, 0],
    ]);
    expect(retries[0]!.response?.body).toContain('20005');
    expect(responses.map((r) => r.response.status)).toEqual([200, 200]);
    expect(responses[1]!.response.body).toMatch(/"orderId": ?"7", ?"status": ?"PAID"/);
    expect(responses[1]!.durationMs).toBeGreaterThanOrEqual(0);
    expectNoCredential([responses, retries]);
  });

  test('a network failure reaches beforeRetry as the typed error, credentials masked', async () => {
    const retries: BeforeRetryState[] = [];
    const jit = client({ hooks: { beforeRetry: [(state) => void retries.push(state)] } });
    app.override.push((res) => res.destroy());
    await jit.call('services.OrderSvc.query', { orderId: '2' }, { idempotent: true });
    expect(retries).toHaveLength(1);
    expect(retries[0]!.reason).toBe('network');
    expect(retries[0]!.response).toBeUndefined();
    expect(retries[0]!.error?.name).toBe('SignetNetworkError');
  });

  test('beforeError sees the typed error and may replace it with another SignetError', async () => {
    const seen: BeforeErrorState[] = [];
    class OrderLookupFailed extends SignetError {
      override name = 'SignetError';
    }
    const jit = client({
      hooks: {
        beforeError: [
          (state) => void seen.push(state),
          ({ error }) =>
            new OrderLookupFailed(`order lookup failed (${error.name})`, { cause: error }),
        ],
      },
    });
    app.tamper = true;
    const error = await jit.call('services.OrderSvc.query', { orderId: '3' }).catch((e) => e);
    expect(error).toBeInstanceOf(OrderLookupFailed);
    expect(error.message).toBe('order lookup failed (SignetSignatureError)');
    expect(error.cause).toBeInstanceOf(SignetSignatureError);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.error).toBeInstanceOf(SignetSignatureError);
    expect(seen[0]!.attempts).toBe(1);
    expect(seen[0]!.request?.headers.accesssign).toBe('***');
    expectNoCredential(seen);
  });

  test('beforeError returning something else keeps the one hierarchy', async () => {
    const jit = client({
      hooks: { beforeError: [() => new Error('plain') as unknown as SignetError] },
    });
    app.tamper = true;
    const error = await jit.call('services.OrderSvc.query', { orderId: '3' }).catch((e) => e);
    expect(error).toBeInstanceOf(SignetError);
    expect(error.message).toContain(
      'hooks.beforeError[0] returned something that is not a SignetError',
    );
    expect(error.cause).toBeInstanceOf(SignetSignatureError);
  });

  test('a hook that throws ends the call with a SignetError naming it; nothing is sent', async () => {
    const errors: BeforeErrorState[] = [];
    const jit = client({
      hooks: {
        beforeRequest: [
          () => {
            throw new TypeError('policy says no');
          },
        ],
        beforeError: [(state) => void errors.push(state)],
      },
    });
    const error = await jit.call('services.OrderSvc.query', { orderId: '4' }).catch((e) => e);
    expect(error).toBeInstanceOf(SignetError);
    expect(error.message).toBe('hooks.beforeRequest[0] threw: policy says no');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(app.seen).toHaveLength(0);
    expect(errors[0]!.error).toBe(error);
  });

  test('per-call options reach service proxies: headers, idempotent retries', async () => {
    const jit = client();
    app.override.push(unavailable);
    const orders = jit.service('services.OrderSvc');
    const result = await orders.query(
      { orderId: '5' },
      { idempotent: true, headers: { 'x-request-tag': 'tagged' } },
    );
    expect(result).toEqual({ orderId: '5', status: 'PAID' });
    expect(app.seen.map((seen) => seen.headers['x-request-tag'])).toEqual(['tagged', 'tagged']);
    // Without idempotent the POST is not sent twice.
    app.override.push(unavailable);
    app.seen.length = 0;
    await expect(orders.query({ orderId: '5' })).rejects.toMatchObject({ status: 503 });
    expect(app.seen).toHaveLength(1);
  });

  test('the hooks option is checked before anything is sent', () => {
    const bad = [
      { before: [] },
      { beforeRequest: () => {} },
      { beforeRetry: [1] },
      'hooks',
    ] as unknown as ClientOptions['hooks'][];
    for (const hooks of bad) {
      expect(() => client({ hooks })).toThrow(SignetConfigError);
    }
    expect(() => client({ hooks: { before: [] } as never })).toThrow(/hooks\.before is not a hook/);
  });
});

/** A logger that keeps what it is given. */
function memoryLogger() {
  const lines: { level: string; message: string; data: unknown[] }[] = [];
  const at =
    (level: string) =>
    (message: string, ...data: unknown[]) =>
      void lines.push({ level, message, data });
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { logger, lines };
}

describe('logger', () => {
  test('debug: every attempt out and back, one line per call, no credential anywhere', async () => {
    const { logger, lines } = memoryLogger();
    const jit = client({ logger, logLevel: 'debug' });
    app.override.push(unavailable);
    await jit.call('services.OrderSvc.query', { orderId: '1001' }, { idempotent: true });
    expect(lines.map((l) => `${l.level} ${l.message.replace(/\d+ ms/, 'N ms')}`)).toEqual([
      `debug signet → POST ${app.baseUrl}/services/OrderSvc/query (attempt 1)`,
      `debug signet ← 503 POST ${app.baseUrl}/services/OrderSvc/query (attempt 1, N ms)`,
      'warn signet: HTTP 503; attempt 2 of POST services.OrderSvc.query in N ms',
      `debug signet → POST ${app.baseUrl}/services/OrderSvc/query (attempt 2)`,
      `debug signet ← 200 POST ${app.baseUrl}/services/OrderSvc/query (attempt 2, N ms)`,
      'info signet: POST services.OrderSvc.query → 200 in N ms (2 attempts)',
    ]);
    const out = lines[0]!.data[0] as { headers: Record<string, string>; body: string };
    expect(out.headers.accesssign).toBe('***');
    expect(out.body).toBe(app.seen[0]!.body);
    expect(lines.at(-1)!.data[0]).toMatchObject({ ok: true, attempts: 2, status: 200 });
    expectNoCredential(lines);
  });

  test('the default level (warn) logs retries and failures, not successes', async () => {
    const { logger, lines } = memoryLogger();
    const jit = client({ logger });
    await jit.call('services.OrderSvc.query', { orderId: '1' });
    expect(lines).toEqual([]);
    app.tamper = true;
    await expect(jit.call('services.OrderSvc.query', { orderId: '1' })).rejects.toThrow(
      SignetSignatureError,
    );
    expect(lines.map((l) => l.level)).toEqual(['error']);
    expect(lines[0]!.message).toMatch(
      /^signet: POST services\.OrderSvc\.query failed: SignetSignatureError: /,
    );
    expect(lines[0]!.data[0]).toMatchObject({ ok: false, error: 'SignetSignatureError' });
    expectNoCredential(lines);
  });

  test('a platform error is logged with the platform message, credentials masked', async () => {
    const { logger, lines } = memoryLogger();
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY, logger, logLevel: 'info' });
    const error = await jit.call('services.NoSuch.api', {}).catch((e) => e);
    expect(error).toBeInstanceOf(SignetApiError);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('error');
    expect(lines[0]!.data[0]).toMatchObject({
      errcode: 40004,
      message: 'no such api services.NoSuch.api',
    });
  });

  test('a logger that throws never fails a call; off logs nothing', async () => {
    const boom = () => {
      throw new Error('disk full');
    };
    const jit = client({
      logger: { debug: boom, info: boom, warn: boom, error: boom },
      logLevel: 'debug',
    });
    await expect(jit.call('services.OrderSvc.query', { orderId: '1' })).resolves.toMatchObject({
      status: 'PAID',
    });
    const { logger, lines } = memoryLogger();
    app.tamper = true;
    await client({ logger, logLevel: 'off' })
      .call('services.OrderSvc.query', { orderId: '1' })
      .catch(() => {});
    expect(lines).toEqual([]);
  });

  test('logger and logLevel are checked', () => {
    expect(() => client({ logLevel: 'verbose' as never })).toThrow(
      /logLevel must be one of debug, info, warn, error, off/,
    );
    expect(() => client({ logger: { info() {} } as never })).toThrow(
      /logger must have debug, info, warn and error methods/,
    );
  });
});

describe('withResponse()', () => {
  test('the result with the response it came from; awaiting gives the result alone', async () => {
    const jit = client();
    app.override.push(unavailable);
    const { data, response } = await jit
      .call('services.OrderSvc.query', { orderId: '9' }, { idempotent: true })
      .withResponse();
    expect(data).toEqual({ orderId: '9', status: 'PAID' });
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    // The envelope's requestId (the mini server numbers the requests it served).
    expect(response.requestId).toMatch(/^r-\d+$/);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    await expect(jit.call('services.OrderSvc.query', { orderId: '9' })).resolves.toEqual(data);
    const proxied = await jit.service('services.OrderSvc').query({ orderId: '9' }).withResponse();
    expect(proxied.data).toEqual(data);
    expect(proxied.response.attempts).toBe(1);
  });

  test('a failure rejects withResponse() with the typed error, and only once', async () => {
    const jit = client();
    app.tamper = true;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        jit.call('services.OrderSvc.query', { orderId: '1' }).withResponse(),
      ).rejects.toThrow(SignetSignatureError);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('tracer', () => {
  test('wraps each call with a masked context that ends with the record', async () => {
    const contexts: CallTraceContext[] = [];
    const ends: string[] = [];
    const jit = client({
      tracer: async (context, run) => {
        contexts.push(context);
        try {
          return await run();
        } finally {
          ends.push(`${context.record?.status}:${context.record?.ok}`);
        }
      },
    });
    await jit.call('services.OrderSvc.query', { orderId: '1' });
    app.tamper = true;
    await jit.call('services.OrderSvc.query', { orderId: '1' }).catch(() => {});
    expect(contexts.map(({ api, method, url }) => ({ api, method, url }))).toEqual([
      {
        api: 'services.OrderSvc.query',
        method: 'POST',
        url: `${app.baseUrl}/services/OrderSvc/query`,
      },
      {
        api: 'services.OrderSvc.query',
        method: 'POST',
        url: `${app.baseUrl}/services/OrderSvc/query`,
      },
    ]);
    expect(ends).toEqual(['200:true', '200:false']);
    expect(contexts[1]!.record?.error).toBe('SignetSignatureError');
  });

  test('a tracer whose enabled() is false is skipped: no context is built, the call runs as usual', async () => {
    let listening = false;
    const wrapped: string[] = [];
    const tracer = Object.assign(
      async <T>(context: CallTraceContext, run: () => Promise<T>): Promise<T> => {
        wrapped.push(context.url);
        return run();
      },
      { enabled: () => listening },
    );
    const jit = client({ tracer });
    await expect(jit.call('services.OrderSvc.query', { orderId: '1' })).resolves.toMatchObject({
      orderId: '1',
    });
    expect(wrapped).toEqual([]);
    listening = true;
    await jit.call('services.OrderSvc.query', { orderId: '2' });
    expect(wrapped).toEqual([`${app.baseUrl}/services/OrderSvc/query`]);
  });
});
