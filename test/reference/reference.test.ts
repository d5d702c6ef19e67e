// The test servers' second opinion is only worth something if it is right and truly
// separate: every reference here reproduces the shared vectors, and imports nothing of
// signet.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type DataFluxVector,
  type JitaiRequestVector,
  type JitaiResponseVector,
  readVectors,
  VECTORS_DIR,
} from '../vectors/load.js';
import { dataFluxSign, dataFluxStringToSign, dfJsonDumps } from './dataflux.js';
import { bodyHash } from './hmac-profile.js';
import {
  checkEnvelope,
  joinParts,
  maskedParamStr,
  requestSign,
  responseSign,
  serverParamStr,
} from './jitai.js';
import { type PyDict, PyFloat, PyInt, pyDumps, pyLoads } from './python-json.js';

const here = import.meta.dirname;

describe('test/reference is independent of signet', () => {
  test('its files import only node: builtins, each other and the canonicalize package', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.sort()).toEqual(['dataflux.ts', 'hmac-profile.ts', 'jitai.ts', 'python-json.ts']);
    const imports = files.flatMap((file) =>
      [...readFileSync(path.join(here, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(imports.length).toBeGreaterThan(4);
    const foreign = imports.filter(
      (spec) =>
        !spec.startsWith('node:') && !/^\.\/[a-z-]+\.js$/.test(spec) && spec !== 'canonicalize',
    );
    expect(foreign).toEqual([]);
  });
});

describe('python-json', () => {
  test('loads keeps int and float apart, of any size; dumps writes Python forms', () => {
    const tree = pyLoads(
      '{"b": [1.0, 1e16, 1.5e-05, -0.0, 12345678901234567890, -0], "a": "\\ud83d\\ude00\\u007f"}',
    );
    expect(pyDumps(tree)).toBe(
      '{"a":"😀\u007f","b":[1.0,1e+16,1.5e-05,-0.0,12345678901234567890,0]}',
    );
    expect(pyDumps(pyLoads('[0.0001, 0.00001, 1e15, 123.456, 5e-324, NaN, -Infinity]'))).toBe(
      '[0.0001,1e-05,1000000000000000.0,123.456,5e-324,NaN,-Infinity]',
    );
    expect(pyDumps({ s: '"\\\n\r\t\b\f\u0001\u2028' })).toBe(
      '{"s":"\\"\\\\\\n\\r\\t\\b\\f\\u0001\u2028"}',
    );
    expect(pyLoads('1')).toBeInstanceOf(PyInt);
    expect(pyLoads('1.0')).toBeInstanceOf(PyFloat);
    expect(pyDumps(pyLoads('{"a": 1, "a": 2}'))).toBe('{"a":2}');
  });

  test('keys sort by code point: 😀 after ～, unlike JS sort()', () => {
    expect(pyDumps(pyLoads('{"😀": 1, "～": 2, "a": 3}'))).toBe('{"a":3,"～":2,"😀":1}');
  });

  test('refuses what json.loads refuses', () => {
    for (const text of ['', '{', '[1,]', '{"a" 1}', '"\u0001"', '01', '1 2', "'a'", '"\\x"']) {
      expect(() => pyLoads(text), text).toThrow(SyntaxError);
    }
  });
});

describe('jitai reference against the shared vectors', () => {
  const requests = readVectors<JitaiRequestVector>('jitai/requests.json');
  const responses = readVectors<JitaiResponseVector>('jitai/responses.json');

  test('all 60 requests: paramStr, masked paramStr and accessSign', () => {
    expect(requests.cases).toHaveLength(60);
    const wrong = requests.cases.filter((v) => {
      const parts = serverParamStr(pyLoads(v.argsJson) as PyDict, v.timestamp, v.secret);
      return (
        joinParts(parts) !== v.paramStr ||
        maskedParamStr(parts) !== v.paramStrMasked ||
        requestSign(pyLoads(v.argsJson) as PyDict, v.timestamp, v.secret) !== v.accessSign
      );
    });
    expect(wrong.map((v) => v.name)).toEqual([]);
  });

  test('all 30 responses: ok, bad-signature or expired', () => {
    expect(responses.cases).toHaveLength(30);
    const verdicts = responses.cases.map((v) => checkEnvelope(v.bodyText, v.secret, v.now));
    expect(verdicts).toEqual(responses.cases.map((v) => v.expect));
    expect(new Set(verdicts)).toEqual(new Set(['ok', 'bad-signature', 'expired']));
  });

  test('a response it signs verifies, from the text pyDumps writes', () => {
    const ok = responses.cases.find((v) => v.expect === 'ok')!;
    const data = (pyLoads(ok.bodyText) as PyDict).get('data') as PyDict;
    const result = data.get('data');
    const timestamp = Number((data.get('timestamp') as PyInt).value);
    expect(responseSign(result, timestamp, ok.secret)).toBe(data.get('accessSign'));
  });
});

describe('dataflux reference against the shared vectors', () => {
  const vectors = readVectors<DataFluxVector>('dataflux/requests.json');

  test('all 40: jsonDumps, stringToSign and sign', () => {
    expect(vectors.cases).toHaveLength(40);
    const wrong = vectors.cases.filter(
      (v) =>
        dfJsonDumps(v.body ?? {}) !== v.jsonDumps ||
        dataFluxStringToSign({ ...v, body: v.body }) !== v.stringToSign ||
        dataFluxSign({ ...v, body: v.body }) !== v.sign,
    );
    expect(wrong.map((v) => v.name)).toEqual([]);
  });
});

describe('hmac-profile reference: JCS body hashes from the RFC 8785 vectors', () => {
  test('bodyHash jcs of every input file is the SHA-256 of its output file', () => {
    const dir = path.join(VECTORS_DIR, 'jcs');
    const files = readdirSync(path.join(dir, 'input')).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const input = readFileSync(path.join(dir, 'input', file), 'utf8');
      const output = readFileSync(path.join(dir, 'output', file), 'utf8');
      expect(bodyHash(input, 'jcs'), file).toBe(bodyHash(output, 'bytes'));
    }
  });
});
