import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SignetConfigError } from '../errors.js';
import { LosslessNumber } from './lossless-number.js';
import { toWireJson } from './wire-json.js';

describe('toWireJson', () => {
  test('is JSON.stringify for every JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toWireJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  test('signet’s own writer (taken as soon as a bigint is in the value) writes what JSON.stringify does', () => {
    // Plain data goes to JSON.stringify itself; one bigint anywhere sends the whole value
    // through the JS writer, which must agree with it on everything else.
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toWireJson([value, 7n])).toBe(JSON.stringify([value, 7]));
        expect(toWireJson({ value, big: 7n })).toBe(JSON.stringify({ value, big: 7 }));
      }),
      { numRuns: 500 },
    );
  });

  test('what is not plain data goes to the writer: holes, class instances, null-prototype objects', () => {
    const holey: unknown[] = [1];
    holey[2] = 3; // index 1 is a hole
    expect(() => toWireJson(holey)).toThrow('body[1] is undefined');
    class Point {
      constructor(readonly x = 1) {}
    }
    expect(toWireJson({ p: new Point() })).toBe('{"p":{"x":1}}');
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(toWireJson({ bare })).toBe('{"bare":{"a":1}}');
    const inherited = Object.assign(Object.create({ hidden: 1 }), { own: 2 });
    expect(toWireJson(inherited)).toBe(JSON.stringify(inherited));
  });

  test('writes bigint as a JSON integer, exactly', () => {
    expect(toWireJson({ big: 12345678901234567890n, neg: -(2n ** 70n) })).toBe(
      '{"big":12345678901234567890,"neg":-1180591620717411303424}',
    );
  });

  test('writes LosslessNumber lexemes exactly, so 1.0 stays a float on the wire', () => {
    expect(toWireJson({ f: new LosslessNumber('1.0'), e: new LosslessNumber('1e-07') })).toBe(
      '{"f":1.0,"e":1e-07}',
    );
  });

  test('honours toJSON like JSON.stringify (Date)', () => {
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(toWireJson({ d })).toBe('{"d":"2026-01-02T03:04:05.006Z"}');
  });

  test.each([
    [{ a: undefined }, 'body.a is undefined'],
    [{ a: [1, undefined] }, 'body.a[1] is undefined'],
    [{ n: Number.NaN }, 'body.n is NaN'],
    [{ n: Number.POSITIVE_INFINITY }, 'body.n is Infinity'],
    [{ f: () => 1 }, 'body.f is a function'],
    [{ s: Symbol('x') }, 'body.s is a symbol'],
    [{ m: new Map() }, 'body.m is a Map'],
    [{ 'odd key': { x: new Set() } }, 'body["odd key"].x is a Set'],
  ])('refuses %o, naming the path', (value, message) => {
    expect(() => toWireJson(value)).toThrow(SignetConfigError);
    expect(() => toWireJson(value)).toThrow(message);
  });

  test('refuses cycles but allows shared references', () => {
    const shared = { x: 1 };
    expect(toWireJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toWireJson(cyclic)).toThrow('body.self is a circular reference');
  });
});

describe('toWireJson edge cases shared with JSON.stringify', () => {
  test('toJSON receives the property key; boxed primitives unwrap', () => {
    const keyed = { toJSON: (key: string) => `key:${key}` };
    const value = {
      a: keyed,
      list: [keyed],
      n: new Number(5),
      s: new String('x'),
      b: new Boolean(false),
    };
    expect(toWireJson(value)).toBe(JSON.stringify(value));
  });
});

describe('toWireJson limits', () => {
  test('a toJSON that returns its own object is called once (no endless loop)', () => {
    const loop = {
      toJSON() {
        return loop;
      },
    };
    // JSON.stringify would then drop the toJSON member silently; signet refuses it.
    expect(() => toWireJson({ loop })).toThrow('body.loop.toJSON is a function');
  });

  test('nesting: 1000 levels go out, 1001 are refused naming the limit (no stack overflow)', () => {
    const nest = (n: number): unknown => {
      let v: unknown = 0;
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    expect(toWireJson(nest(1000))).toBe(`${'['.repeat(1000)}0${']'.repeat(1000)}`);
    expect(() => toWireJson(nest(1001))).toThrow('is nested deeper than 1000 levels');
    expect(() => toWireJson(nest(20_000))).toThrow(SignetConfigError);
  });
});
