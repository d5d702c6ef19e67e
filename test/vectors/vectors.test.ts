import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as api from '@signet/sdk-core';
import { afterAll, describe, expect, test } from 'vitest';
import { EXTRA_VECTORS_DIR, VECTORS_DIR } from './load.js';
import { runVectors } from './run.mjs';

interface FileResult {
  file: string;
  passed: number;
  failed: number;
  failures: { name: string; message: string }[];
}
interface Totals {
  passed: number;
  failed: number;
  files: FileResult[];
}

const vectorsDir = VECTORS_DIR;
const run = async (dir: string): Promise<{ totals: Totals; lines: string[] }> => {
  const lines: string[] = [];
  const totals = (await runVectors(dir, api, (line: string) => lines.push(line))) as Totals;
  return { totals, lines };
};

describe('runVectors on shared/vectors with the source API', () => {
  test('every case passes, with the counts the README announces', async () => {
    const { totals, lines } = await run(vectorsDir);
    const counts = Object.fromEntries(totals.files.map((f) => [f.file, f.passed]));
    expect(totals.failed, lines.join('\n')).toBe(0);
    expect(counts).toEqual({
      'dataflux/requests.json': 40,
      'digest/rfc7616.json': 5,
      'hmac/rfc4231.json': 7,
      'jcs/input + jcs/output': 6,
      'jcs/numbers/es6testfile-sample.csv': 7,
      'jcs/numbers/rfc8785-appendix-b.csv': 26,
      'jitai/requests.json': 60,
      'jitai/responses.json': 30,
    });
    expect(totals.passed).toBe(60 + 30 + 40 + 7 + 5 + 6 + 33);
    expect(lines).toContain('jitai/requests.json: 60 passed, 0 failed');
  });
});

describe('runVectors on signet’s own vectors (test/vectors/extra)', () => {
  test('every case passes; the README is not counted as a vector', async () => {
    const { totals, lines } = await run(EXTRA_VECTORS_DIR);
    expect(totals.failed, lines.join('\n')).toBe(0);
    expect(Object.fromEntries(totals.files.map((f) => [f.file, f.passed]))).toEqual({
      'jitai/masking.json': 9,
    });
  });

  test('an API that masks the joined paramStr fails the masking cases', async () => {
    const joinedMask = (paramStr: string) =>
      paramStr
        .split('&')
        .map((part) => (part.split('=')[0] === 'secret' ? api.JITAI_SECRET_MASK : part))
        .join('&');
    const oldApi = {
      ...api,
      jitaiParamStr: (args: Record<string, unknown>, options: api.JitaiParamStrOptions) => {
        const paramStr = api.jitaiParamStr(args, { ...options, masked: false });
        return options.masked ? joinedMask(paramStr) : paramStr;
      },
    };
    const lines: string[] = [];
    const totals = (await runVectors(EXTRA_VECTORS_DIR, oldApi, (l: string) =>
      lines.push(l),
    )) as Totals;
    expect(totals.failed).toBeGreaterThanOrEqual(8);
    expect(lines.join('\n')).toMatch(/paramStrMasked differs/);
  });
});

describe('runVectors on another directory laid out the same way', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'signet-vectors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('runs the files present, counts a broken case and an unknown file as failures', async () => {
    const dataflux = JSON.parse(
      readFileSync(path.join(vectorsDir, 'dataflux/requests.json'), 'utf8'),
    );
    const subset = dataflux.cases.slice(0, 3);
    subset[1] = { ...subset[1], sign: '0'.repeat(40) };
    mkdirSync(path.join(dir, 'dataflux'));
    writeFileSync(
      path.join(dir, 'dataflux/requests.json'),
      JSON.stringify({ ...dataflux, count: 3, cases: subset }),
    );
    cpSync(path.join(vectorsDir, 'hmac'), path.join(dir, 'hmac'), { recursive: true });
    // Elsewhere, a file whose profile is known still runs; one nobody knows fails loudly.
    mkdirSync(path.join(dir, 'extra'));
    writeFileSync(
      path.join(dir, 'extra/more-dataflux.json'),
      JSON.stringify({ profile: 'dataflux', cases: dataflux.cases.slice(5, 7) }),
    );
    writeFileSync(
      path.join(dir, 'extra/mystery.json'),
      JSON.stringify({ profile: 'aws4', cases: [{}] }),
    );
    mkdirSync(path.join(dir, 'jcs/input'), { recursive: true });
    writeFileSync(path.join(dir, 'jcs/input/lonely.json'), '{"b":1,"a":2}');
    writeFileSync(path.join(dir, 'README.md'), '# not a vector');

    const { totals, lines } = await run(dir);
    const byFile = Object.fromEntries(totals.files.map((f) => [f.file, f]));
    expect(Object.keys(byFile).sort()).toEqual([
      'dataflux/requests.json',
      'extra/more-dataflux.json',
      'extra/mystery.json',
      'hmac/rfc4231.json',
      'jcs/input + jcs/output',
    ]);
    expect(byFile['dataflux/requests.json']).toMatchObject({ passed: 2, failed: 1 });
    expect(byFile['dataflux/requests.json']!.failures[0]!.message).toMatch(
      /^sign differs at index 0/,
    );
    expect(byFile['extra/more-dataflux.json']).toMatchObject({ passed: 2, failed: 0 });
    expect(byFile['extra/mystery.json']).toMatchObject({ passed: 0, failed: 1 });
    expect(byFile['extra/mystery.json']!.failures[0]!.message).toBe(
      'no runner for extra/mystery.json',
    );
    expect(byFile['hmac/rfc4231.json']).toMatchObject({ passed: 7, failed: 0 });
    expect(byFile['jcs/input + jcs/output']!.failures[0]!.message).toBe(
      'no output/lonely.json to compare with',
    );
    expect(totals).toMatchObject({ passed: 11, failed: 3 });
    expect(lines).toContain('dataflux/requests.json: 2 passed, 1 failed');
    expect(lines.some((l) => l.startsWith('  ✗ '))).toBe(true);
  });

  test('an API missing a function fails every case of the files that need it', async () => {
    const only = mkdtempSync(path.join(tmpdir(), 'signet-vectors-'));
    try {
      cpSync(path.join(vectorsDir, 'digest'), path.join(only, 'digest'), { recursive: true });
      const lines: string[] = [];
      const totals = (await runVectors(
        only,
        { ...api, computeDigestResponse: undefined },
        (l: string) => lines.push(l),
      )) as Totals;
      expect(totals).toMatchObject({ passed: 0, failed: 5 });
      expect(totals.files[0]!.failures[0]!.message).toBe(
        'the API does not export computeDigestResponse()',
      );
    } finally {
      rmSync(only, { recursive: true, force: true });
    }
  });

  test('known-answer files are recognised by their layout outside their usual folder', async () => {
    const flat = mkdtempSync(path.join(tmpdir(), 'signet-vectors-'));
    try {
      cpSync(path.join(vectorsDir, 'hmac/rfc4231.json'), path.join(flat, 'rfc4231.json'));
      cpSync(path.join(vectorsDir, 'digest/rfc7616.json'), path.join(flat, 'digest-cases.json'));
      const { totals } = await run(flat);
      expect(totals).toMatchObject({ passed: 12, failed: 0 });
    } finally {
      rmSync(flat, { recursive: true, force: true });
    }
  });

  test('a missing directory is an error, not zero cases', async () => {
    await expect(run(path.join(dir, 'nope'))).rejects.toThrow('vector directory not found');
  });
});
