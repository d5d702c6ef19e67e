// sdk-node's observability: SIGNET_LOG turns logging on (redacted like records), and
// every call is published on node:diagnostics_channel (tracingChannel('signet:call')),
// against the kit's emulators on 127.0.0.1.
import diagnostics_channel from 'node:diagnostics_channel';
import { type CallTraceContext, type Logger, SignetConfigError } from '@signet/sdk-core';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  type ServedEmulator,
  serveEmulator,
} from '@signet/sdk-testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createDataFluxClient, createJitaiClient } from '../src/clients.js';
import { diagnosticsTracer, SIGNET_CALL_CHANNEL } from '../src/diagnostics.js';

const KEY = { accessKey: 'ak4partner01', accessSecret: 'observing-secret-0123456789abcdef' };
const AK = { akId: 'ak-observing', akSecret: 'dff-observing-secret-0123456789' };

const jitaiApp = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query'] }],
  services: { 'services.OrderSvc': { query: ({ orderId }) => ({ orderId, status: 'PAID' }) } },
});
const dffApp = createDataFluxEmulator({
  accessKeys: [AK],
  funcs: { 'demo__main.hello': (kwargs) => ({ hi: kwargs.name }) },
});
let jitaiServer: ServedEmulator;
let dffServer: ServedEmulator;
beforeAll(async () => {
  jitaiServer = await serveEmulator(jitaiApp);
  dffServer = await serveEmulator(dffApp);
});
afterAll(async () => {
  await jitaiServer.close();
  await dffServer.close();
});

const baseUrl = () => `${jitaiServer.url}${jitaiApp.basePath}`;

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

/** No secret, no signature the emulator received, in what was logged or published. */
function expectClean(text: string) {
  expect(text).not.toContain(KEY.accessSecret);
  expect(text).not.toContain(AK.akSecret);
  for (const call of jitaiApp.calls) {
    const sign = (call as { headers?: Record<string, string> }).headers?.accesssign;
    if (sign && sign !== '***') expect(text).not.toContain(sign);
  }
}

describe('SIGNET_LOG', () => {
  test('sets the level of a logger given in the options', async () => {
    const { logger, lines } = memoryLogger();
    const jit = createJitaiClient({
      baseUrl: baseUrl(),
      ...KEY,
      logger,
      env: { SIGNET_LOG: 'info' },
    });
    await jit.call('services.OrderSvc.query', { orderId: '1' });
    expect(lines.map((l) => l.level)).toEqual(['info']);
    expect(lines[0]!.message).toMatch(
      /^signet: POST services\.OrderSvc\.query → 200 in \d+ ms \(1 attempt\)$/,
    );
  });

  test('without a logger, writes to standard error (stdout stays the program’s), masked', async () => {
    const err: string[] = [];
    const out: string[] = [];
    const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const jit = createJitaiClient({ baseUrl: baseUrl(), ...KEY, env: { SIGNET_LOG: 'debug' } });
      await jit.call('services.OrderSvc.query', { orderId: '2' });
    } finally {
      errSpy.mockRestore();
      outSpy.mockRestore();
    }
    const text = err.join('');
    expect(text).toContain(`signet → POST ${baseUrl()}/services/OrderSvc/query (attempt 1)`);
    expect(text).toContain("accesssign: '***'");
    expect(text).toContain('signet: POST services.OrderSvc.query → 200');
    expect(out).toEqual([]);
    expectClean(text);
  });

  test('an explicit logLevel wins; env: false reads nothing; a bad value is refused', async () => {
    const { logger, lines } = memoryLogger();
    const quiet = createJitaiClient({
      baseUrl: baseUrl(),
      ...KEY,
      logger,
      logLevel: 'error',
      env: { SIGNET_LOG: 'debug' },
    });
    await quiet.call('services.OrderSvc.query', { orderId: '3' });
    expect(lines).toEqual([]);
    expect(() =>
      createJitaiClient({ baseUrl: baseUrl(), ...KEY, env: { SIGNET_LOG: 'verbose' } }),
    ).toThrow(SignetConfigError);
    expect(() =>
      createJitaiClient({ baseUrl: baseUrl(), ...KEY, env: { SIGNET_LOG: 'loud' } }),
    ).toThrow('SIGNET_LOG must be one of debug, info, warn, error, off, got "loud"');
    expect(() =>
      createJitaiClient({ baseUrl: baseUrl(), ...KEY, env: false, logLevel: 'error' }),
    ).not.toThrow();
  });
});

describe('node:diagnostics_channel', () => {
  interface Published {
    event: string;
    context: CallTraceContext & { result?: unknown; error?: unknown };
  }

  async function published(run: () => Promise<unknown>): Promise<Published[]> {
    const events: Published[] = [];
    const channel = diagnostics_channel.tracingChannel<unknown, Published['context']>(
      SIGNET_CALL_CHANNEL,
    );
    const handlers = {
      start: (context: Published['context']) => void events.push({ event: 'start', context }),
      end: () => {},
      asyncStart: () => {},
      asyncEnd: (context: Published['context']) => void events.push({ event: 'asyncEnd', context }),
      error: (context: Published['context']) => void events.push({ event: 'error', context }),
    };
    channel.subscribe(handlers);
    try {
      await run();
    } catch {
      // the events tell
    } finally {
      channel.unsubscribe(handlers);
    }
    return events;
  }

  test('start, then the end with the result and the record', async () => {
    const jit = createJitaiClient({ baseUrl: baseUrl(), ...KEY, env: false });
    const events = await published(() => jit.call('services.OrderSvc.query', { orderId: '7' }));
    expect(events.map((e) => e.event)).toEqual(['start', 'asyncEnd']);
    const { context } = events[1]!;
    expect(context).toMatchObject({
      api: 'services.OrderSvc.query',
      method: 'POST',
      url: `${baseUrl()}/services/OrderSvc/query`,
      record: { ok: true, status: 200, attempts: 1, keyId: KEY.accessKey },
      result: { data: { orderId: '7', status: 'PAID' }, response: { status: 200, attempts: 1 } },
    });
    expectClean(JSON.stringify(events));
  });

  test('a failing call publishes error with the typed error, masked', async () => {
    const jit = createJitaiClient({
      baseUrl: baseUrl(),
      accessKey: KEY.accessKey,
      accessSecret: 'not-the-secret-of-this-key-0123456789',
      env: false,
    });
    const events = await published(() => jit.call('services.OrderSvc.query', { orderId: '8' }));
    expect(events.map((e) => e.event)).toEqual(['start', 'error', 'asyncEnd']);
    const error = events[1]!.context.error as Error;
    expect(error.name).toBe('SignetApiError');
    expect(events[1]!.context.record).toMatchObject({ ok: false, error: 'SignetApiError' });
    expect(JSON.stringify(events)).not.toContain('not-the-secret-of-this-key-0123456789');
  });

  test('DataFlux calls are published too; nothing is published without subscribers', async () => {
    const dff = createDataFluxClient({ baseUrl: dffServer.url, ...AK, env: false });
    const events = await published(() => dff.callFunc('demo__main.hello', { name: 'x' }));
    expect(events.map((e) => [e.event, e.context.api])).toEqual([
      ['start', 'func:demo__main.hello'],
      ['asyncEnd', 'func:demo__main.hello'],
    ]);
    expectClean(JSON.stringify(events));
    expect(diagnostics_channel.tracingChannel(SIGNET_CALL_CHANNEL).hasSubscribers).toBe(false);
    // Without subscribers the tracer says so: the call builds no masked context or record.
    expect(diagnosticsTracer.enabled?.()).toBe(false);
    await expect(dff.callFunc('demo__main.hello', { name: 'y' })).resolves.toEqual({ hi: 'y' });
  });

  test('a tracer given in the options replaces the channel', async () => {
    const seen: string[] = [];
    const jit = createJitaiClient({
      baseUrl: baseUrl(),
      ...KEY,
      env: false,
      tracer: (context, run) => {
        seen.push(context.method);
        return run();
      },
    });
    const events = await published(() => jit.call('services.OrderSvc.query', { orderId: '9' }));
    expect(seen).toEqual(['POST']);
    expect(events).toEqual([]);
  });
});
