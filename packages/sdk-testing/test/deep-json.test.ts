// A request or a service result nested beyond MAX_JSON_DEPTH gets the platform's error
// answer from the emulators, never a stack overflow or a crash.
import { describe, expect, test } from 'vitest';
import { createDataFluxEmulator, createJitaiEmulator, pythonJsonText } from '../src';

function nest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
const deepText = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

const jitai = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [],
  definitions: [
    {
      fullName: 'services.P',
      functionList: [
        { name: 'echo', ignoreSign: true, loginRequired: false },
        { name: 'deep', ignoreSign: true, loginRequired: false },
      ],
    },
  ],
  services: { 'services.P': { echo: (args) => args, deep: () => nest(20_000) } },
});
const fixed = {
  type: 'fixedField',
  fields: [{ location: 'query', name: 't', value: 'v' }],
} as const;
const dataflux = createDataFluxEmulator({
  accessKeys: [{ akId: 'ak', akSecret: 'sk' }],
  funcs: { 'm.echo': (kwargs) => kwargs, 'm.deep': () => nest(20_000) },
  syncApis: { echo: { func: 'm.echo', auth: fixed }, deep: { func: 'm.deep', auth: fixed } },
});

async function post(
  emulator: { fetch(request: Request): Promise<Response> },
  url: string,
  body: string,
) {
  const response = await emulator.fetch(
    new Request(`http://emulator.test${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }),
  );
  return { status: response.status, text: await response.text() };
}

describe('JitAi emulator', () => {
  test('a 20 000-deep request body: errcode 40000 naming the limit', async () => {
    const { status, text } = await post(jitai, '/api/org/app/services/P/echo', deepText(20_000));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ errcode: 40000 });
    expect(text).toContain('nested deeper than 1000 levels');
  });

  test('a 20 000-deep result: the element exception of Python RecursionError', async () => {
    const { status, text } = await post(jitai, '/api/org/app/services/P/deep', '{}');
    expect(status).toBe(200);
    const envelope = JSON.parse(text);
    expect(envelope.errcode).toBe(50000);
    expect(envelope.errmsg).toContain(
      'maximum recursion depth exceeded while encoding a JSON object',
    );
  });

  test('an echo that would put the args one level past the limit fails the same way', async () => {
    // 1000 levels of args fit the request; inside the envelope's data they are 1001.
    const { text } = await post(jitai, '/api/org/app/services/P/echo', deepText(1000));
    expect(JSON.parse(text).errmsg).toContain('maximum recursion depth exceeded');
    const fits = await post(jitai, '/api/org/app/services/P/echo', deepText(999));
    expect(JSON.parse(fits.text).errcode).toBe(0);
  });
});

describe('DataFlux emulator', () => {
  test.each([
    ['a 20 000-deep body', deepText(20_000)],
    ['20 000-deep kwargs', `{"kwargs":{"x":${deepText(20_000)}}}`],
  ])('%s: 400 EClientBadRequest', async (_what, body) => {
    const { status, text } = await post(dataflux, '/api/v1/sync/echo?t=v', body);
    expect(status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ reason: 'EClientBadRequest' });
  });

  test('a 20 000-deep result: 599 EFuncFailed with RecursionError', async () => {
    const { status, text } = await post(dataflux, '/api/v1/sync/deep?t=v', '{}');
    expect(status).toBe(599);
    const envelope = JSON.parse(text);
    expect(envelope.reason).toBe('EFuncFailed');
    expect(envelope.detail.exception).toContain('RecursionError');
  });
});

describe('pythonJsonText', () => {
  test('writes depth 1000, raises RecursionError at 1001 and beyond', () => {
    expect(pythonJsonText(nest(1000))).toBe(`${'{"a": '.repeat(1000)}1${'}'.repeat(1000)}`);
    for (const n of [1001, 20_000, 100_000]) {
      expect(() => pythonJsonText(nest(n))).toThrow(
        expect.objectContaining({ name: 'RecursionError' }),
      );
    }
  });
});
