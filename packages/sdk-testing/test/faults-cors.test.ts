import { describe, expect, it } from 'vitest';
import { createDataFluxEmulator, createJitaiEmulator } from '../src';
import { jitaiRequest, json, postJson, testClock } from './helpers.js';

const JIT = 'http://jitai.test/api/org/app';
const DFF = 'http://dff.test';

function emulators() {
  const clock = testClock();
  const jit = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    now: clock.now,
    apiAuths: [{ accessKey: 'ak', accessSecret: 'secret', apis: ['services.Svc.f'] }],
    services: { 'services.Svc': { f: () => ({ ok: true }) } },
  });
  const dff = createDataFluxEmulator({
    now: clock.now,
    funcs: { 'm.f': () => 'r' },
    syncApis: { api: { func: 'm.f' } },
  });
  const jitCall = () =>
    jitaiRequest(`${JIT}/services/Svc/f`, '{}', {
      accessKey: 'ak',
      secret: 'secret',
      timestamp: clock.now(),
    });
  const dffCall = () => postJson(`${DFF}/api/v1/sync/api`, { kwargs: {} });
  return { clock, jit, dff, jitCall, dffCall };
}

describe('fault knobs', () => {
  it('failNext answers the queued failures, in order, then recovers', async () => {
    const { jit, jitCall } = emulators();
    jit.failNext(2, { status: 502 });
    jit.failNext(1, { status: 503, body: 'empty', retryAfterSeconds: 7 });
    expect(jit.pendingFaults).toBe(3);
    for (let i = 0; i < 2; i++) {
      const page = await jit.fetch(jitCall());
      expect(page.status).toBe(502);
      expect(page.headers.get('content-type')).toBe('text/html');
      expect(await page.text()).toContain('<title>502 Bad Gateway</title>');
    }
    const empty = await jit.fetch(jitCall());
    expect(empty.status).toBe(503);
    expect(empty.headers.get('retry-after')).toBe('7');
    expect(await empty.text()).toBe('');
    expect((await json(await jit.fetch(jitCall()))).errcode).toBe(0);
    expect(jit.calls).toHaveLength(1);
  });

  it('failNext truncated: a JSON envelope cut in the middle', async () => {
    const { jit, dff, jitCall, dffCall } = emulators();
    jit.failNext(1, { status: 200, body: 'truncated' });
    dff.failNext(1, { status: 200, body: 'truncated' });
    for (const text of [
      await (await jit.fetch(jitCall())).text(),
      await (await dff.fetch(dffCall())).text(),
    ]) {
      expect(text.startsWith('{')).toBe(true);
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    }
  });

  it('failNext envelope: the platform’s own error envelope (DataFlux 429 with waitSeconds)', async () => {
    const { jit, dff, jitCall, dffCall } = emulators();
    dff.failNext(1, { status: 429, body: 'envelope', retryAfterSeconds: 3 });
    const limited = await dff.fetch(dffCall());
    expect(limited.status).toBe(429);
    const text = await limited.text();
    expect(text).toContain(
      '"ok":false,"error":429.46,"reason":"EClientRateLimit.APIThrottling","message":"Maximum calling rate exceeded"',
    );
    expect(JSON.parse(text).detail).toEqual({ waitSeconds: 3 });
    dff.failNext(1, { status: 500, body: 'envelope' });
    expect(await json(await dff.fetch(dffCall()))).toMatchObject({
      ok: false,
      status: 500,
      reason: 'ESys',
    });
    jit.failNext(1, { status: 500, body: 'envelope' });
    const jitFailure = await jit.fetch(jitCall());
    expect(jitFailure.status).toBe(500);
    expect(await json(jitFailure)).toMatchObject({
      errcode: 50000,
      errmsg: 'Internal Server Error',
    });
  });

  it('dropNext: the in-process fetch core answers Response.error(), asFetch rejects', async () => {
    const { dff, dffCall } = emulators();
    dff.dropNext(2);
    expect((await dff.fetch(dffCall())).type).toBe('error');
    await expect(dff.asFetch()(dffCall())).rejects.toThrow(TypeError);
    // A string result is sent as text/html, as the server flattens it.
    expect(await (await dff.asFetch()(`${DFF}/api/v1/sync/api/s`)).text()).toBe('r');
  });

  it('latencyMs delays every answer; an aborted request is answered without waiting', async () => {
    const { dff, dffCall } = emulators();
    dff.latencyMs = 120;
    const started = performance.now();
    await dff.fetch(dffCall());
    // A lower bound only: a loaded machine makes it later, never earlier.
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    // An hour of latency: only the abort can end this wait before the 10 s verdict.
    dff.latencyMs = 3_600_000;
    const controller = new AbortController();
    const pending = dff.fetch(new Request(dffCall(), { signal: controller.signal }));
    controller.abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const verdict = await Promise.race([
      pending.then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still waiting after 10 s'), 10_000);
      }),
    ]);
    clearTimeout(timer);
    expect(verdict).toBe('settled');
  });

  it('clockOffsetMs moves DataFlux respTime, the AK/SK window and Date; resetFaults clears it', async () => {
    const { dff, dffCall, clock } = emulators();
    dff.clockOffsetMs = -5_000;
    const response = await dff.fetch(new Request(`${DFF}/api/v1/sync/none`, { method: 'POST' }));
    expect(response.headers.get('date')).toBe(new Date(clock.now() - 5_000).toUTCString());
    expect((await json(response)).respTime).toBe(new Date(clock.now() - 5_000).toISOString());
    dff.failNext(3);
    dff.resetFaults();
    expect(dff.clockOffsetMs).toBe(0);
    expect(dff.pendingFaults).toBe(0);
    expect((await dff.fetch(dffCall())).status).toBe(200);
  });

  it('refuses nonsense knob values', () => {
    const { jit } = emulators();
    expect(() => jit.failNext(-1)).toThrow(RangeError);
    expect(() => jit.failNext(1, { status: 99 })).toThrow(RangeError);
    expect(() => {
      jit.latencyMs = -1;
    }).toThrow(RangeError);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin = 'http://app.test') =>
    new Request(url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'accesskey, timestamp, accesssign, content-type',
      },
    });

  it('answers preflights with the asked headers allowed, even while faults are queued', async () => {
    const { jit } = emulators();
    jit.failNext(1);
    const response = await jit.fetch(preflight(`${JIT}/services/Svc/f`));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'accesskey, timestamp, accesssign, content-type',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(jit.pendingFaults).toBe(1);
  });

  it('JitAi exposes its signature headers; DataFlux exposes * with credentials', async () => {
    const { jit, dff, jitCall, dffCall } = emulators();
    const withOrigin = (request: Request) => {
      request.headers.set('Origin', 'http://app.test');
      return request;
    };
    const jitResponse = await jit.fetch(withOrigin(jitCall()));
    expect(jitResponse.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(jitResponse.headers.get('access-control-expose-headers')).toBe(
      'accessKey, timestamp, accessSign, X-Trace-Id, X-Request-Cost, Date, WWW-Authenticate, Authentication-Info',
    );
    const dffResponse = await dff.fetch(withOrigin(dffCall()));
    expect(dffResponse.headers.get('access-control-expose-headers')).toBe('*');
    expect(dffResponse.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('sends no CORS headers to origins that are not allowed', async () => {
    const dff = createDataFluxEmulator({
      cors: { origins: ['http://good.test'], exposeHeaders: ['X-Trace-Id'] },
    });
    const bad = await dff.fetch(preflight(`${DFF}/api/v1/sync/x`, 'http://evil.test'));
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const good = await dff.fetch(preflight(`${DFF}/api/v1/sync/x`, 'http://good.test'));
    expect(good.headers.get('access-control-allow-origin')).toBe('http://good.test');
    const plain = await dff.fetch(
      new Request(`${DFF}/api/v1/sync/x`, { headers: { Origin: 'http://good.test' } }),
    );
    expect(plain.headers.get('access-control-expose-headers')).toBe('X-Trace-Id');
  });
});
