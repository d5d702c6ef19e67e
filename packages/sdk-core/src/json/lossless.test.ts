import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SignetDecodeError } from '../errors.js';
import {
  type LosslessJson,
  LosslessNumber,
  type LosslessObject,
  losslessToValue,
  parseLossless,
} from './lossless.js';

/** JSON.parse reads `-0` as -0; Python (and signet) read it as the int 0. */
function withoutNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  }
  return value;
}

function decodeError(text: string, options = {}): SignetDecodeError {
  try {
    parseLossless(text, options);
  } catch (error) {
    if (error instanceof SignetDecodeError) return error;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseLossless', () => {
  test('keeps number lexemes and Python int/float kinds', () => {
    const tree = parseLossless('[1, 1.0, -0, -0.0, 1E5, 12.500, 12345678901234567890, 1e400]');
    const numbers = tree as LosslessNumber[];
    expect(numbers.map((n) => n.lexeme)).toEqual([
      '1',
      '1.0',
      '-0',
      '-0.0',
      '1E5',
      '12.500',
      '12345678901234567890',
      '1e400',
    ]);
    expect(numbers.map((n) => n.isInteger)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(numbers.every((n) => n instanceof LosslessNumber)).toBe(true);
  });

  test('reads every other kind of value', () => {
    const tree = parseLossless(
      ' {"s":"a\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00","t":true,"f":false,"n":null,"a":[[],{}]}\r\n',
    );
    expect(losslessToValue(tree)).toEqual({
      s: 'a"b\\c/\b\f\n\r\té😀',
      t: true,
      f: false,
      n: null,
      a: [[], {}],
    });
  });

  test('keeps lone surrogate escapes as they are (Python accepts them)', () => {
    expect(parseLossless('"\\ud800x\\uDC00"')).toBe('\ud800x\udc00');
  });

  test('objects inherit nothing, so any key is plain data', () => {
    const tree = parseLossless(
      '{"__proto__":{"x":1},"constructor":2,"hasOwnProperty":3}',
    ) as LosslessObject;
    expect(Object.keys(tree)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(tree, '__proto__')?.value).toBeTypeOf('object');
    expect(({} as { x?: unknown }).x).toBeUndefined(); // Object.prototype not polluted
    const empty = parseLossless('{}') as LosslessObject;
    expect(empty.toString).toBeUndefined();
    expect('constructor' in empty).toBe(false);
  });

  test('duplicate keys: the last one wins, as in Python and JSON.parse', () => {
    expect(losslessToValue(parseLossless('{"a":1,"b":2,"a":3}'))).toEqual({ a: 3, b: 2 });
  });

  test.each([
    ['', 'Unexpected end of JSON input'],
    ['   ', 'Unexpected end of JSON input'],
    ['{"a":', 'Unexpected end of JSON input'],
    ['"abc', 'Unexpected end of JSON input'],
    ['[1,2', 'Unexpected end of JSON input'],
    ['{"a":1,}', "Unexpected character '}' at position 7 (line 1, column 8)"],
    ['[1,]', "Unexpected character ']' at position 3 (line 1, column 4)"],
    ['{"a":1,\n "b":}', "Unexpected character '}' at position 13 (line 2, column 6)"],
    ['01', "Unexpected character '1' at position 1 (line 1, column 2)"],
    ['1.', 'Unexpected end of JSON input'],
    ['1.e5', "Unexpected character 'e' at position 2 (line 1, column 3)"],
    ['.5', "Unexpected character '.' at position 0 (line 1, column 1)"],
    ['+1', "Unexpected character '+' at position 0 (line 1, column 1)"],
    ['-', 'Unexpected end of JSON input'],
    ['1e', 'Unexpected end of JSON input'],
    ["{'a':1}", "Unexpected character ''' at position 1 (line 1, column 2)"],
    ['[1] // c', "Unexpected character '/' at position 4 (line 1, column 5)"],
    ['tru', 'Unexpected end of JSON input'],
    ['trux', "Unexpected character 'x' at position 3 (line 1, column 4)"],
    ['"a\nb"', 'Invalid control character U+000A at position 2 (line 1, column 3)'],
    ['"\\x"', "Invalid escape 'x' at position 2 (line 1, column 3)"],
    ['"\\u12G4"', "Invalid \\uXXXX escape '\\' at position 1 (line 1, column 2)"],
    ['NaN', "Unexpected character 'N' at position 0 (line 1, column 1)"],
    ['-Infinity', "Unexpected character 'I' at position 1 (line 1, column 2)"],
    ['\ufeff{}', 'Unexpected character U+FEFF at position 0 (line 1, column 1)'],
    ['{} {}', "Unexpected character '{' at position 3 (line 1, column 4)"],
    ['[1 2]', "Unexpected character '2' at position 3 (line 1, column 4)"],
    ['{"a" 1}', "Unexpected character '1' at position 5 (line 1, column 6)"],
    ['{1:2}', "Unexpected character '1' at position 1 (line 1, column 2)"],
  ])('refuses %j', (text, message) => {
    const error = decodeError(text);
    expect(error.message).toBe(message);
    expect(error.position).toBeTypeOf('number');
  });

  test('NaN and ±Infinity only on request, as floats', () => {
    const tree = parseLossless('[NaN, Infinity, -Infinity]', {
      allowNonFinite: true,
    }) as LosslessNumber[];
    expect(tree.map((n) => n.lexeme)).toEqual(['NaN', 'Infinity', '-Infinity']);
    expect(tree.every((n) => !n.isInteger)).toBe(true);
    expect(decodeError('[Nan]', { allowNonFinite: true }).message).toContain('position 3');
  });

  test('limits depth (1000 by default) and length', () => {
    const nest = (d: number) => '['.repeat(d) + ']'.repeat(d);
    expect(() => parseLossless(nest(1000))).not.toThrow();
    expect(decodeError(nest(1001)).message).toBe(
      `JSON nested deeper than 1000 levels (MAX_JSON_DEPTH) at $${'[0]'.repeat(1000)}, position 1000 (line 1, column 1001)`,
    );
    expect(decodeError(nest(11), { maxDepth: 10 }).message).toContain('deeper than 10 levels');
    expect(decodeError('[1,2,3]', { maxLength: 6 }).message).toBe(
      'JSON text is 7 characters long, more than the limit of 6',
    );
  });

  test('never throws anything but SignetDecodeError for bad text', () => {
    const fragments = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'u',
      '0',
      '1',
      '-',
      '.',
      'e',
      'E',
      '+',
      't',
      'n',
      'a',
      ' ',
      '\n',
      '\ud800',
      'é',
      'NaN',
      'Infinity',
      '"a"',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 20 }), fc.boolean(), (parts, allowNonFinite) => {
        try {
          parseLossless(parts.join(''), { allowNonFinite });
        } catch (error) {
          expect(error).toBeInstanceOf(SignetDecodeError);
        }
      }),
      { numRuns: 5000 },
    );
  });

  test('accepts exactly what JSON.parse accepts', () => {
    const fragments = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'u',
      '0',
      '1',
      '-',
      '.',
      'e',
      '+',
      'true',
      'null',
      ' ',
      '\t',
      '"a"',
      '"\\n"',
      '0041',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        let ours: unknown;
        let oursOk = true;
        try {
          ours = losslessToValue(parseLossless(text));
        } catch {
          oursOk = false;
        }
        expect(oursOk).toBe(nativeOk);
        if (nativeOk) expect(withoutNegativeZero(ours)).toEqual(withoutNegativeZero(native));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('LosslessNumber', () => {
  test('checks its lexeme', () => {
    for (const bad of ['01', '1.', '+1', 'abc', '', ' 1', '0x10', 'nan']) {
      expect(() => new LosslessNumber(bad), bad).toThrow(RangeError);
    }
    const n = new LosslessNumber('-12.5e1');
    expect(n.isInteger).toBe(false);
    expect(n.valueOf()).toBe(-125);
    expect(`${n}`).toBe('-12.5e1');
    expect(new LosslessNumber('-0').isInteger).toBe(true);
  });
});

describe('losslessToValue', () => {
  const tree = parseLossless(
    '{"small":9007199254740991,"big":12345678901234567890,"neg":-9007199254740993,"f":1.0,"z":-0,"zf":-0.0,"inf":1e400}',
  );

  test('big integers become bigint by default', () => {
    expect(losslessToValue(tree)).toEqual({
      small: 9007199254740991,
      big: 12345678901234567890n,
      neg: -9007199254740993n,
      f: 1,
      z: 0,
      zf: -0,
      inf: Number.POSITIVE_INFINITY,
    });
    expect(Object.is((losslessToValue(tree) as { z: number }).z, 0)).toBe(true);
  });

  test('or strings, or rounded numbers', () => {
    const asString = losslessToValue(tree, { bigint: 'string' }) as Record<string, unknown>;
    expect(asString.big).toBe('12345678901234567890');
    expect(asString.neg).toBe('-9007199254740993');
    const asNumber = losslessToValue(tree, { bigint: 'number' }) as Record<string, unknown>;
    expect(asNumber.big).toBe(12345678901234567000);
  });

  test('makes plain objects that keep __proto__ as data', () => {
    const value = losslessToValue(
      parseLossless('{"__proto__":{"polluted":true},"a":[1]}'),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect((value as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  test('with bigint: number, agrees with JSON.parse (but -0 is the int 0)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value = losslessToValue(parseLossless(text), { bigint: 'number' });
        expect(withoutNegativeZero(value)).toEqual(withoutNegativeZero(JSON.parse(text)));
      }),
      { numRuns: 2000 },
    );
  });

  test('refuses an unknown bigint mode', () => {
    expect(() => losslessToValue(null, { bigint: 'float' as 'number' })).toThrow(RangeError);
  });
});

// A type-level check that trees are what the parser returns.
const _typed: LosslessJson = parseLossless('1');
void _typed;
