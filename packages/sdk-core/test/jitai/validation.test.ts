import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { responseSign } from '../../../../test/reference/jitai.js';
import { pyFloat } from '../../../../test/reference/python-json.js';
import { createDataFluxClient } from '../../src/dataflux/client.js';
import { isSignetError, SignetConfigError, SignetValidationError } from '../../src/errors.js';
import type { CallRecord } from '../../src/http/records.js';
import { createJitaiClient } from '../../src/jitai/client.js';
import { type MiniDataFlux, startMiniDataFlux } from '../helpers/dataflux-server.js';
import { type MiniJitai, startMiniJitai } from '../helpers/jitai-server.js';

// Result validation on verified results: Standard Schema validators (real zod and
// valibot), and the shapes `signet gen` emits. A signed "42" verifies as 42 (the JitAi
// signature covers the text, not its type): declaring the shape closes that gap.

const KEY = { accessKey: 'ak4partner01', accessSecret: '44eb2b0bf8db45baa37f489017ca942eefe9e9' };

let app: MiniJitai;
let dff: MiniDataFlux;
beforeAll(async () => {
  app = await startMiniJitai({
    ...KEY,
    services: {
      'services.OrderSvc.query': (args) => ({
        orderId: args.orderId,
        status: 'PAID',
        amount: 12.5,
      }),
      'services.OrderSvc.bad': () => ({ orderId: 1001, status: 'LOST' }),
      'services.OrderSvc.count': () => 42,
      'services.OrderSvc.label': () => 'forty-two',
      'services.OrderSvc.list': () => [{ id: 'a' }, { id: 'b' }, 'c', [1]],
      'services.OrderSvc.matrix': () => [
        [1, 2],
        [3, 12345678901234567890n],
      ],
      'services.OrderSvc.flags': () => [0, 1, 1, 2],
      'services.OrderSvc.ratio': () => pyFloat('1.0'),
    },
  });
  dff = await startMiniDataFlux({
    akId: 'ak-dff',
    akSecret: 'dff-secret-0123456789',
    funcs: {
      'demo__main.user': (kwargs) => ({ name: kwargs.name, age: 'forty' }),
      'demo__main.hello': (kwargs) => ({ greeting: `hi ${kwargs.name}` }),
    },
    syncApis: { 'api-user': { func: 'demo__main.user' } },
  });
});
afterAll(async () => {
  await app.close();
  await dff.close();
});

/** The error a call rejects with (the test fails if it resolves). */
async function failure(promise: Promise<unknown>): Promise<SignetValidationError> {
  try {
    await promise;
  } catch (error) {
    return error as SignetValidationError;
  }
  throw new Error('expected the call to fail');
}

describe('the JitAi type gap and result shapes', () => {
  test('"42" and 42 verify alike; the declared shape tells them apart', async () => {
    // Whoever sits on the path swaps a signed string "42" for the number 42: the
    // signature covers `data=42` either way (PROTOCOLS §1), so it still verifies.
    const forged = () =>
      app.override.push((res) => {
        const now = Date.now();
        const sign = responseSign('42', now, KEY.accessSecret);
        res.setHeader('content-type', 'application/json');
        res.end(
          `{"errcode":0,"errmsg":null,"requestId":"r","sysTime":${now},"data":{"data":42,"timestamp":${now},"accessSign":"${sign}"}}`,
        );
      });
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY });
    forged();
    await expect(jit.call('services.OrderSvc.label')).resolves.toBe(42);
    const records: CallRecord[] = [];
    const typed = createJitaiClient({
      baseUrl: app.baseUrl,
      ...KEY,
      shapes: { 'services.OrderSvc.label': 'string', 'services.OrderSvc.count': 'number' },
      onCall: (record) => void records.push(record),
    });
    await expect(typed.call('services.OrderSvc.count')).resolves.toBe(42);
    await expect(typed.call('services.OrderSvc.label')).resolves.toBe('forty-two');
    forged();
    const error = await failure(typed.call('services.OrderSvc.label'));
    expect(error).toBeInstanceOf(SignetValidationError);
    expect(isSignetError(error)).toBe(true);
    expect(error.name).toBe('SignetValidationError');
    expect(error.message).toBe(
      'services.OrderSvc.label: the verified result does not pass the shape string: expected a string, got number 42',
    );
    expect(error.issues).toEqual([{ message: 'expected a string, got number 42', path: [] }]);
    expect(error.value).toBe(42);
    expect(error.vendor).toBe('signet');
    expect(records.map((r) => [r.ok, r.error])).toEqual([
      [true, undefined],
      [true, undefined],
      [false, 'SignetValidationError'],
    ]);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'SignetValidationError',
      value: 42,
    });
  });

  test('array shapes name the element at fault; big integers fit number', async () => {
    const jit = createJitaiClient({
      baseUrl: app.baseUrl,
      ...KEY,
      shapes: {
        'services.OrderSvc.list': 'object[]',
        'services.OrderSvc.matrix': 'number[][]',
        'services.OrderSvc.flags': '0|1[]',
        'services.OrderSvc.ratio': 'number',
      },
    });
    const error = await failure(jit.call('services.OrderSvc.list'));
    expect(error).toBeInstanceOf(SignetValidationError);
    expect(error.issues).toEqual([
      { message: 'expected an object, got the string "c"', path: [2] },
      { message: 'expected an object, got an array', path: [3] },
    ]);
    expect(error.message).toContain('at [2]: expected an object, got the string "c"; at [3]:');
    await expect(jit.call('services.OrderSvc.matrix')).resolves.toEqual([
      [1, 2],
      [3, 12345678901234567890n],
    ]);
    await expect(jit.call('services.OrderSvc.ratio')).resolves.toBe(1);
    await expect(jit.call('services.OrderSvc.flags')).rejects.toMatchObject({
      issues: [{ message: 'expected 0 or 1, got number 2', path: [3] }],
    });
    // With bigint: 'string', an integer beyond 2^53 arrives as its digits: still a number.
    const asText = createJitaiClient({
      baseUrl: app.baseUrl,
      ...KEY,
      bigint: 'string',
      shapes: { 'services.OrderSvc.matrix': 'number[][]' },
    });
    await expect(asText.call('services.OrderSvc.matrix')).resolves.toEqual([
      [1, 2],
      [3, '12345678901234567890'],
    ]);
  });

  test('a shape that is none is refused when the client is created', () => {
    for (const shape of ['String', 'object[', 'list', 'number[]x', 42]) {
      expect(() =>
        createJitaiClient({
          baseUrl: app.baseUrl,
          ...KEY,
          shapes: { 'services.OrderSvc.count': shape as string },
        }),
      ).toThrow(SignetConfigError);
    }
    expect(() =>
      createJitaiClient({ baseUrl: app.baseUrl, ...KEY, shapes: { 'services.X.y': 'text' } }),
    ).toThrow(/shapes\["services\.X\.y"\] shape "text" is not a result shape/);
  });
});

describe('Standard Schema validators', () => {
  const Order = z.object({
    orderId: z.string(),
    status: z.enum(['PAID', 'OPEN']),
    amount: z.number(),
  });

  test('zod: a passing result is the schema output (transforms applied)', async () => {
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY });
    const order = await jit.call(
      'services.OrderSvc.query',
      { orderId: '1' },
      { schema: Order.transform((o) => ({ ...o, cents: Math.round(o.amount * 100) })) },
    );
    expect(order).toEqual({ orderId: '1', status: 'PAID', amount: 12.5, cents: 1250 });
  });

  test('zod: a failing result throws SignetValidationError with each issue and its path', async () => {
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY });
    const error = await failure(jit.call('services.OrderSvc.bad', {}, { schema: Order }));
    expect(error).toBeInstanceOf(SignetValidationError);
    expect(error.vendor).toBe('zod');
    expect(error.issues.map((i: { path: unknown }) => i.path)).toEqual([
      ['orderId'],
      ['status'],
      ['amount'],
    ]);
    expect(error.message).toMatch(
      /^services\.OrderSvc\.bad: the verified result does not pass the zod schema: at orderId: .+; at status: .+; at amount: .+$/,
    );
    expect(error.value).toEqual({ orderId: 1001, status: 'LOST' });
  });

  test('valibot, attached per service; a per-call schema takes precedence', async () => {
    interface OrderSvc {
      query(args: { orderId: string }): Promise<{ orderId: string; status: string }>;
      bad(): Promise<{ orderId: string; status: string }>;
    }
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY });
    const Valid = v.object({ orderId: v.string(), status: v.picklist(['PAID', 'OPEN']) });
    const orders = jit.service<OrderSvc>('services.OrderSvc', {
      schemas: { query: Valid, bad: Valid },
    });
    await expect(orders.query({ orderId: '2' })).resolves.toEqual({ orderId: '2', status: 'PAID' });
    const error = await failure(orders.bad());
    expect(error).toBeInstanceOf(SignetValidationError);
    expect(error.vendor).toBe('valibot');
    expect(error.issues.map((i: { path: unknown }) => i.path)).toEqual([['orderId'], ['status']]);
    // The call's own schema replaces the service's.
    const loose = v.object({ orderId: v.union([v.string(), v.number()]), status: v.string() });
    await expect(orders.bad({}, { schema: loose as never })).resolves.toEqual({
      orderId: 1001,
      status: 'LOST',
    });
  });

  test('an async validator is awaited', async () => {
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY });
    const slow = Order.refine(async (o) => o.status === 'OPEN', { message: 'not open' });
    await expect(
      jit.call('services.OrderSvc.query', { orderId: '1' }, { schema: slow }),
    ).rejects.toMatchObject({
      name: 'SignetValidationError',
      issues: [{ message: 'not open', path: [] }],
    });
  });

  test('something that is not a validator is refused before anything is sent', async () => {
    const jit = createJitaiClient({ baseUrl: app.baseUrl, ...KEY });
    const before = app.seen.length;
    await expect(
      jit.call('services.OrderSvc.query', { orderId: '1' }, { schema: { parse() {} } as never }),
    ).rejects.toThrow(/schema must be a Standard Schema validator/);
    expect(() =>
      jit.service('services.OrderSvc', { schemas: { query: 'Order' as never } }),
    ).toThrow(SignetConfigError);
    expect(app.seen.length).toBe(before);
  });

  test('DataFlux: callFunc and sync validate their results too', async () => {
    const client = createDataFluxClient({
      baseUrl: dff.url,
      akId: 'ak-dff',
      akSecret: 'dff-secret-0123456789',
    });
    const User = z.object({ name: z.string(), age: z.number() });
    await expect(
      client.callFunc(
        'demo__main.hello',
        { name: 'x' },
        { schema: z.object({ greeting: z.string() }) },
      ),
    ).resolves.toEqual({ greeting: 'hi x' });
    const viaFunc = await failure(
      client.callFunc('demo__main.user', { name: 'x' }, { schema: User }),
    );
    expect(viaFunc).toBeInstanceOf(SignetValidationError);
    expect(viaFunc.message).toMatch(
      /^func:demo__main\.user: the verified result does not pass the zod schema: at age: /,
    );
    const viaSync = await failure(client.sync('api-user', { name: 'y' }, { schema: User }));
    expect(viaSync).toBeInstanceOf(SignetValidationError);
    expect(viaSync.value).toEqual({ name: 'y', age: 'forty' });
  });
});
