import { describe, expect, test } from 'vitest';
import { dataFluxSign } from '../dataflux/sign.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { hmacBodyHash } from '../hmac/body-hash.js';
import { assertJitaiArgs } from '../jitai/params.js';
import { jitaiSign } from '../jitai/sign.js';
import { dfJsonDumps } from './dfjson.js';
import { jcsCanonicalize } from './jcs.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './limits.js';
import { losslessToValue, parseLossless } from './lossless.js';
import { pyJsonDumps } from './pyjson.js';
import { toWireJson } from './wire-json.js';

// One limit for every writer and reader: a value of depth 1000 (the top-level container
// is depth 1) passes everywhere, 1001 is refused everywhere with a typed error naming the
// limit and the path, and no depth makes a RangeError escape.

/** `{"a":{"a":…1…}}`, `n` objects deep (built without recursion). */
function nest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
const nestText = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const path = (root: string, n: number) => root + '.a'.repeat(n);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

const writers: [string, (v: unknown) => unknown, string][] = [
  ['toWireJson', (v) => toWireJson(v), 'body'],
  ['pyJsonDumps', (v) => pyJsonDumps(v), 'value'],
  ['dfJsonDumps', (v) => dfJsonDumps(v), 'body'],
  ['jcsCanonicalize', (v) => jcsCanonicalize(v), 'value'],
  [
    'dataFluxSign',
    (v) =>
      dataFluxSign({
        method: 'POST',
        pathWithQuery: '/',
        timestamp: '1',
        nonce: 'n',
        body: v,
        akSecret: 's',
      }),
    'body',
  ],
  // The args object is depth 1 in the body sent: its values count from there.
  ['assertJitaiArgs', (v) => assertJitaiArgs(v), 'args'],
  [
    'jitaiSign',
    (v) => jitaiSign(v as Record<string, unknown>, { timestamp: 1, secret: 's' }),
    'args',
  ],
];

describe.each(writers)('%s', (_name, write, root) => {
  test(`depth ${MAX_JSON_DEPTH} is written`, () => {
    expect(() => write(nest(1000))).not.toThrow();
  });

  test.each([1001, 20_000, 100_000])(
    'depth %i is a SignetConfigError naming the limit and path',
    (n) => {
      const error = thrown(() => write(nest(n)));
      expect(error).toBeInstanceOf(SignetConfigError);
      // The 1001st container is the one refused: 1000 keys lead to it.
      expect((error as Error).message).toBe(
        `${path(root, 1000)} is nested deeper than 1000 levels (MAX_JSON_DEPTH)`,
      );
    },
  );
});

describe('JitAi args agree with the wire text at the boundary', () => {
  test('{ a: <999 levels> } is 1000 deep on the wire and passes both', () => {
    const args = { a: nest(999) };
    expect(() => assertJitaiArgs(args)).not.toThrow();
    expect(() => toWireJson(args, 'args')).not.toThrow();
  });

  test('{ a: <1000 levels> } is 1001 deep and both refuse it with the same path', () => {
    const args = { a: nest(1000) };
    const fromArgs = thrown(() => assertJitaiArgs(args)) as Error;
    const fromWire = thrown(() => toWireJson(args, 'args')) as Error;
    expect(fromArgs).toBeInstanceOf(SignetConfigError);
    expect(fromArgs.message).toBe(fromWire.message);
  });
});

describe('readers', () => {
  test(`parseLossless reads depth ${MAX_JSON_DEPTH}`, () => {
    expect(() => parseLossless(nestText(1000))).not.toThrow();
  });

  test.each([1001, 20_000, 100_000])(
    'parseLossless refuses depth %i naming the limit and path',
    (n) => {
      const error = thrown(() => parseLossless(nestText(n)));
      expect(error).toBeInstanceOf(SignetDecodeError);
      expect((error as SignetDecodeError).message).toBe(
        `JSON nested deeper than 1000 levels (MAX_JSON_DEPTH) at ${path('$', 1000)}, position 5000 (line 1, column 5001)`,
      );
      expect((error as SignetDecodeError).position).toBe(5000);
    },
  );

  test('maxDepth can lower the limit, never raise it (the parser recurses)', () => {
    const tooDeep = thrown(() => parseLossless(nestText(20_000), { maxDepth: 1_000_000 }));
    expect((tooDeep as Error).message).toContain('nested deeper than 1000 levels');
    const lowered = thrown(() => parseLossless('[[[]]]', { maxDepth: 2 }));
    expect((lowered as Error).message).toBe(
      'JSON nested deeper than 2 levels at $[0][0], position 2 (line 1, column 3)',
    );
  });

  test('the path names object keys and array indexes as they were read', () => {
    const text = `{"x":[1,{"b":"]"},{"k\\"ey":[[${'['.repeat(998)}]]]}]}`;
    const error = thrown(() => parseLossless(text)) as Error;
    expect(error.message).toContain(`at $.x[2]["k\\"ey"][0]${'[0]'.repeat(996)}, position`);
  });

  test(`losslessToValue converts depth ${MAX_JSON_DEPTH}`, () => {
    expect(losslessToValue(parseLossless(nestText(1000)) as never)).toEqual(nest(1000));
  });

  test.each([1001, 20_000, 100_000])('losslessToValue refuses a tree of depth %i', (n) => {
    const error = thrown(() => losslessToValue(nest(n) as never));
    expect(error).toBeInstanceOf(SignetDecodeError);
    expect((error as Error).message).toBe(
      `${path('value', 1000)} is nested deeper than 1000 levels (MAX_JSON_DEPTH)`,
    );
  });

  test.each([1001, 20_000])(
    "hmacBodyHash 'jcs' reads a body of depth %i as a SignetDecodeError",
    (n) => {
      expect(hmacBodyHash(nestText(1000), 'jcs')).toMatch(/^[0-9a-f]{64}$/);
      const error = thrown(() => hmacBodyHash(nestText(n), 'jcs'));
      expect(error).toBeInstanceOf(SignetDecodeError);
      expect((error as Error).message).toContain(
        `${path('value', 1000)} is nested deeper than 1000 levels`,
      );
    },
  );
});

describe('exceedsJsonDepth', () => {
  test('counts the top-level container as depth 1, iteratively', () => {
    expect(exceedsJsonDepth(1)).toBe(false);
    expect(exceedsJsonDepth([[]], 2)).toBe(false);
    expect(exceedsJsonDepth([[[]]], 2)).toBe(true);
    expect(exceedsJsonDepth(nest(1000))).toBe(false);
    expect(exceedsJsonDepth(nest(1001))).toBe(true);
    expect(exceedsJsonDepth(nest(100_000))).toBe(true);
    const loop: unknown[] = [];
    loop.push(loop);
    expect(exceedsJsonDepth(loop)).toBe(true);
  });
});
