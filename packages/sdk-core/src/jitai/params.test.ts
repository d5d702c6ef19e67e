import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { parseLossless } from '../json/lossless.js';
import type { LosslessObject } from '../json/lossless-number.js';
import { jitaiParamStr } from './param-str.js';
import { assertJitaiArgs } from './params.js';
import { jitaiSign } from './sign.js';

const SECRET = 'S3cr3t-value-that-must-never-leak';
const options = { timestamp: 1764000000000, secret: SECRET };

function refusal(args: unknown): string {
  let message: string | undefined;
  try {
    assertJitaiArgs(args);
  } catch (error) {
    expect(error).toBeInstanceOf(SignetConfigError);
    message = (error as Error).message;
  }
  // jitaiParamStr and jitaiSign refuse the same args with the same message, secret-free.
  for (const run of [
    () => jitaiParamStr(args as Record<string, unknown>, options),
    () => jitaiSign(args as Record<string, unknown>, options),
  ]) {
    let again: unknown;
    try {
      run();
    } catch (error) {
      again = error;
    }
    expect(again).toBeInstanceOf(SignetConfigError);
    expect((again as Error).message).toBe(message);
    expect(String((again as Error).stack)).not.toContain(SECRET);
  }
  if (message === undefined) throw new Error('not refused');
  expect(message).not.toContain(SECRET);
  return message;
}

describe('assertJitaiArgs', () => {
  test('refuses keys equal after lower-casing, naming both', () => {
    expect(refusal({ orderId: 1, orderid: 2 })).toBe(
      'args has keys "orderId" and "orderid", equal after lower-casing: JitAi signs only one',
    );
    expect(refusal({ ΟΔΟΣ: 1, οδος: 2 })).toContain('"ΟΔΟΣ" and "οδος"');
  });

  test.each(['timestamp', 'Timestamp', 'SECRET', 'secret', 'accessSign', 'ACCESSSIGN'])(
    'refuses the reserved key %s',
    (key) => {
      expect(refusal({ a: 1, [key]: 'x' })).toBe(
        `args.${key} is reserved: JitAi signs its own "${key.toLowerCase()}", not yours`,
      );
    },
  );

  test('refuses what JSON cannot carry, naming the path', () => {
    expect(refusal({ items: [{}, {}, {}, { price: Number.NaN }] })).toBe(
      'args.items[3].price is NaN: JSON cannot carry it',
    );
    expect(refusal({ total: Number.NEGATIVE_INFINITY })).toBe(
      'args.total is -Infinity: JSON cannot carry it',
    );
    expect(refusal({ 'page size': undefined })).toContain('args["page size"] is undefined');
    expect(refusal({ list: [1, undefined] })).toContain('args.list[1] is undefined');
    expect(refusal({ cb: () => 1 })).toBe('args.cb is a function: JSON cannot carry it');
    expect(refusal({ s: Symbol('x') })).toBe('args.s is a symbol: JSON cannot carry it');
    expect(refusal({ m: new Map() })).toContain('args.m is a Map');
  });

  test('refuses lone surrogates in top-level strings, keys and nested values', () => {
    expect(refusal({ name: 'a\ud800' })).toBe(
      'args.name contains a lone surrogate: it cannot be sent as UTF-8',
    );
    expect(refusal({ 'k\udfff': 1 })).toBe(
      'args["k\\udfff"] (a key) contains a lone surrogate: it cannot be sent',
    );
    expect(refusal({ o: { v: ['\udc00'] } })).toContain('args.o.v[0] contains a lone surrogate');
  });

  test('refuses args that are not a plain object', () => {
    expect(refusal([1])).toBe('args must be a plain object, got an array');
    expect(refusal(null)).toBe('args must be a plain object, got null');
    expect(refusal('x=1')).toBe('args must be a plain object, got a string');
    expect(refusal(new Map())).toBe('args must be a plain object, got a Map');
  });

  test('accepts plain, null-prototype and lossless objects', () => {
    expect(() => assertJitaiArgs({ a: 1 })).not.toThrow();
    expect(() => assertJitaiArgs(Object.create(null))).not.toThrow();
    expect(() => assertJitaiArgs(parseLossless('{"a":1.0}') as LosslessObject)).not.toThrow();
  });
});

describe('jitaiParamStr details', () => {
  test('a top-level Date goes in raw, as the string JSON.stringify sends', () => {
    const when = new Date(Date.UTC(2025, 10, 22, 10, 0, 0));
    expect(jitaiParamStr({ when, nested: { when } }, options)).toBe(
      `nested={"when":"2025-11-22T10:00:00.000Z"}&secret=${SECRET}&timestamp=1764000000000&when=2025-11-22T10:00:00.000Z`,
    );
  });

  test('bigint args go in as exact integers', () => {
    expect(jitaiParamStr({ id: 2n ** 64n }, { ...options, masked: true })).toBe(
      'id=18446744073709551616&secret=*********************&timestamp=1764000000000',
    );
  });

  test('masks only the secret part, as the server does: an arg value holding &secret= stays', () => {
    expect(jitaiParamStr({ q: 'a&secret=x', z: 'secret' }, { ...options, masked: true })).toBe(
      'q=a&secret=x&secret=*********************&timestamp=1764000000000&z=secret',
    );
  });

  test('refuses bad timestamps and secrets without showing the secret', () => {
    for (const timestamp of [1.5, -1, Number.NaN, 2 ** 60]) {
      expect(() => jitaiParamStr({}, { timestamp, secret: SECRET })).toThrow(SignetConfigError);
    }
    expect(() => jitaiParamStr({}, { timestamp: 1, secret: '' })).toThrow(
      'accessSecret must be a non-empty string',
    );
    const lone = `${SECRET}\ud800`;
    expect(() => jitaiParamStr({}, { timestamp: 1, secret: lone })).toThrow(
      'accessSecret contains a lone surrogate: it cannot be UTF-8 encoded',
    );
  });
});
