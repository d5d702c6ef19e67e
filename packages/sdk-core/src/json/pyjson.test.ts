import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { compareCodePoints } from './codepoint.js';
import { parseLossless } from './lossless.js';
import { LosslessNumber } from './lossless-number.js';
import { pyJsonDumps } from './pyjson.js';

function refusal(value: unknown, label?: string): string {
  try {
    pyJsonDumps(value, label);
  } catch (error) {
    expect(error).toBeInstanceOf(SignetConfigError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('pyJsonDumps: numbers', () => {
  test.each([
    [1, '1'],
    [-0, '0'],
    [1e20, '100000000000000000000'],
    [2 ** 53 + 2, '9007199254740994'],
    [1e21, '1e+21'],
    [-1e21, '-1e+21'],
    [1.5e300, '1.5e+300'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [1e-7, '1e-07'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123.456, '123.456'],
    [5e-324, '5e-324'],
  ])('JS %s is written as Python reads JSON.stringify’s text: %s', (n, expected) => {
    expect(pyJsonDumps(n)).toBe(expected);
  });

  test('bigint is an int of any size', () => {
    expect(pyJsonDumps(2n ** 70n)).toBe('1180591620717411303424');
    expect(pyJsonDumps(-5n)).toBe('-5');
  });

  test.each([
    ['1', '1'],
    ['-0', '0'],
    ['1.0', '1.0'],
    ['-0.0', '-0.0'],
    ['1E5', '100000.0'],
    ['12.500', '12.5'],
    ['1.25e1', '12.5'],
    ['0.10000000000000001', '0.1'],
    ['1e16', '1e+16'],
    ['1e400', 'Infinity'],
    ['-1e400', '-Infinity'],
    ['2e-400', '0.0'],
    ['12345678901234567890123', '12345678901234567890123'],
  ])('lossless lexeme %s is written as %s', (lexeme, expected) => {
    expect(pyJsonDumps(new LosslessNumber(lexeme))).toBe(expected);
  });
});

describe('pyJsonDumps: strings and keys', () => {
  test('escapes exactly as json.dumps(ensure_ascii=False)', () => {
    // json.dumps of that string in python3 3.11
    const value = '\u007f\u2028\u2029"\\\n\r\t\b\f\u0000\u001f/é😀';
    expect(pyJsonDumps(value)).toBe('"\u007f\u2028\u2029\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f/é😀"');
  });

  test('sorts keys by code point at every level, without lower-casing nested keys', () => {
    const value = { '～': 1, '😀': 2, a: { Z: 1, a: 2 }, B: 4, '': 5, '\ue000': 6 };
    // json.dumps(..., sort_keys=True) in python3
    expect(pyJsonDumps(value)).toBe('{"":5,"B":4,"a":{"Z":1,"a":2},"\ue000":6,"～":1,"😀":2}');
  });

  test('writes any key as data, __proto__ included', () => {
    const value = JSON.parse('{"__proto__":1,"constructor":2}');
    expect(pyJsonDumps(value)).toBe('{"__proto__":1,"constructor":2}');
    expect(pyJsonDumps(parseLossless('{"__proto__":1.0}'))).toBe('{"__proto__":1.0}');
  });
});

describe('pyJsonDumps: objects', () => {
  test('accepts plain, null-prototype, lossless and other-realm objects', () => {
    const bare = Object.assign(Object.create(null), { b: 1, a: [true, false, null] });
    expect(pyJsonDumps(bare)).toBe('{"a":[true,false,null],"b":1}');
    expect(pyJsonDumps(parseLossless('{"b":1.0,"a":[2]}'))).toBe('{"a":[2],"b":1.0}');
    expect(pyJsonDumps(runInNewContext('({ b: [1], a: {} })'))).toBe('{"a":{},"b":[1]}');
  });

  test('honours toJSON as JSON.stringify does, with the key', () => {
    const date = new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6));
    const keys: string[] = [];
    const spy = {
      toJSON: (key: string) => {
        keys.push(key);
        return { v: 1 };
      },
    };
    expect(pyJsonDumps({ when: date, spy, list: [spy] })).toBe(
      '{"list":[{"v":1}],"spy":{"v":1},"when":"2025-01-02T03:04:05.006Z"}',
    );
    expect(keys).toEqual(['0', 'spy']);
  });
});

describe('pyJsonDumps: refusals name the path', () => {
  test.each([
    [
      { items: [{}, {}, {}, { price: Number.NaN }] },
      'value.items[3].price is NaN: JSON cannot carry it',
    ],
    [{ a: Number.POSITIVE_INFINITY }, 'value.a is Infinity: JSON cannot carry it'],
    [
      { a: { 'odd key': undefined } },
      'value.a["odd key"] is undefined: remove it or send null (JSON.stringify would drop it)',
    ],
    [
      [1, undefined],
      'value[1] is undefined: remove it or send null (JSON.stringify would drop it)',
    ],
    [{ f: () => 1 }, 'value.f is a function: JSON cannot carry it'],
    [{ s: Symbol('x') }, 'value.s is a symbol: JSON cannot carry it'],
    [
      { s: 'ab\ud800' },
      'value.s contains a lone surrogate (U+D800 at index 2): it cannot be sent as UTF-8',
    ],
    [
      { a: { 'k\udc00': 1 } },
      'value.a["k\\udc00"] (a key) contains a lone surrogate (U+DC00 at index 1): it cannot be sent as UTF-8',
    ],
    [
      { m: new Map() },
      'value.m is a Map: convert it to a plain object or array (JSON.stringify would write {})',
    ],
    [
      { s: new Set([1]) },
      'value.s is a Set: convert it to a plain object or array (JSON.stringify would write {})',
    ],
    [
      { c: new (class Order {})() },
      'value.c is an instance of Order: pass a plain object or array, or give it a toJSON() method',
    ],
    [
      { n: Object(1) },
      'value.n is an instance of Number: pass a plain object or array, or give it a toJSON() method',
    ],
    [
      { b: new Uint8Array(2) },
      'value.b is an instance of Uint8Array: pass a plain object or array, or give it a toJSON() method',
    ],
  ])('%#', (value, message) => {
    expect(refusal(value)).toBe(message);
  });

  test('uses the label it is given', () => {
    expect(refusal(Number.NaN, 'args.price')).toBe('args.price is NaN: JSON cannot carry it');
  });

  test('names the first place a cycle closes', () => {
    const order: Record<string, unknown> = { id: 1 };
    order.self = { inner: order };
    expect(refusal({ list: [order] })).toBe('value.list[0].self.inner is a circular reference');
    const loop: unknown[] = [];
    loop.push(loop);
    expect(refusal(loop)).toBe('value[0] is a circular reference');
  });

  test('accepts 1000 levels of nesting, refuses 1001', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(pyJsonDumps(deep)).toBe(`${'['.repeat(1000)}1${']'.repeat(1000)}`);
    expect(refusal([deep])).toBe(
      `value${'[0]'.repeat(1000)} is nested deeper than 1000 levels (MAX_JSON_DEPTH)`,
    );
  });

  test('lets errors thrown by toJSON through untouched', () => {
    const boom = new Error('boom');
    expect(() =>
      pyJsonDumps({
        a: {
          toJSON() {
            throw boom;
          },
        },
      }),
    ).toThrow(boom);
  });
});

describe('pyJsonDumps: remembered object shapes', () => {
  /** Reference writer: no caches, keys sorted by code point, JSON.stringify for the rest. */
  function reference(value: Record<string, number>): string {
    const keys = Object.keys(value).sort(compareCodePoints);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${value[k]}`).join(',')}}`;
  }

  test('many shapes sharing first keys, in any order, always write the same as without cache', () => {
    const pool = ['id', 'name', 'Id', '😀', '～', 'a', 'b', 'price', '1', '10', '2'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 5000; round++) {
      const object: Record<string, number> = {};
      const size = 1 + (next() % 6);
      for (let i = 0; i < size; i++) object[pool[next() % pool.length]!] = next() % 100;
      expect(pyJsonDumps(object)).toBe(reference(object));
    }
  });

  test('a lone surrogate key is refused even after its shape-mates were cached', () => {
    expect(pyJsonDumps({ id: 1, x: 2 })).toBe('{"id":1,"x":2}');
    expect(refusal({ id: 1, 'x\ud800': 2 })).toBe(
      'value["x\\ud800"] (a key) contains a lone surrogate (U+D800 at index 1): it cannot be sent as UTF-8',
    );
  });

  test('keeps working past the cache size', () => {
    for (let i = 0; i < 3000; i++) {
      expect(pyJsonDumps({ [`k${i}`]: i, a: 1 })).toBe(`{"a":1,"k${i}":${i}}`);
    }
  });
});
