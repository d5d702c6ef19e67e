// Clock-skew recovery with default options (issue 14, item 4): a server clock off by up to
// an hour either way is recovered with one re-signed retry on both platforms; beyond
// maxClockSkewMs (90 min by default) the unsigned server time is refused.
import {
  type CallRecord,
  createDataFluxClient,
  createJitaiClient,
  SignetSignatureError,
} from '@signet/sdk-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  type ServedEmulator,
  serveEmulator,
} from '../src/index.js';

const KEY = { accessKey: 'skewkey01', accessSecret: 'skew-secret-0123456789' };
const AK = { akId: 'ak-skew', akSecret: 'sk-skew' };
const jit = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [{ ...KEY, apis: ['services.T.now'] }],
  services: { 'services.T': { now: () => ({ ok: true }) } },
});
const dff = createDataFluxEmulator({ accessKeys: [AK], funcs: { 'm.f': () => ({ ok: true }) } });
let jitServer: ServedEmulator;
let dffServer: ServedEmulator;
beforeAll(async () => {
  [jitServer, dffServer] = await Promise.all([serveEmulator(jit), serveEmulator(dff)]);
});
afterAll(async () => {
  await Promise.all([jitServer.close(), dffServer.close()]);
});

const HOUR = 3_600_000;

describe.each([HOUR, -HOUR, 20 * 60_000])('server clock off by %i ms', (offset) => {
  test('JitAi, default options: one re-signed retry, then every call passes', async () => {
    jit.clockOffsetMs = offset;
    const records: CallRecord[] = [];
    const client = createJitaiClient({
      baseUrl: `${jitServer.url}${jit.basePath}`,
      ...KEY,
      onCall: (r) => records.push(r),
    });
    expect(await client.call('services.T.now', {})).toEqual({ ok: true });
    expect(records[0]).toMatchObject({ ok: true, attempts: 2 });
    expect(Math.abs(client.clockOffsetMs - offset)).toBeLessThan(60_000);
    await client.call('services.T.now', {});
    expect(records[1]).toMatchObject({ ok: true, attempts: 1 });
  });

  test('DataFlux, default options: one re-signed retry, then every call passes', async () => {
    dff.clockOffsetMs = offset;
    const records: CallRecord[] = [];
    const client = createDataFluxClient({
      baseUrl: dffServer.url,
      ...AK,
      onCall: (r) => records.push(r),
    });
    expect(await client.callFunc('m.f')).toEqual({ ok: true });
    expect(records[0]).toMatchObject({ ok: true, attempts: 2 });
    await client.callFunc('m.f');
    expect(records[1]).toMatchObject({ ok: true, attempts: 1 });
  });
});

describe('beyond the bound', () => {
  test.each([2 * HOUR, -2 * HOUR])(
    'a server %i ms off is refused: clock-skew, one attempt',
    async (offset) => {
      jit.clockOffsetMs = offset;
      dff.clockOffsetMs = offset;
      const jitClient = createJitaiClient({ baseUrl: `${jitServer.url}${jit.basePath}`, ...KEY });
      const dffClient = createDataFluxClient({ baseUrl: dffServer.url, ...AK });
      for (const call of [
        () => jitClient.call('services.T.now', {}),
        () => dffClient.callFunc('m.f'),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SignetSignatureError);
        expect(error).toMatchObject({ problem: 'clock-skew' });
        expect((error as Error).message).toContain('maxClockSkewMs');
      }
      expect(jitClient.clockOffsetMs).toBe(0);
    },
  );
});
