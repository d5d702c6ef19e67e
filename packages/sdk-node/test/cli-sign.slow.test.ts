// The offline commands of the built CLI against the shared conformance vectors:
// debug-sign (jitai, dataflux, hmac), verify-response and keygen.
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  type DataFluxVector,
  EXTRA_VECTORS_DIR,
  type JitaiRequestVector,
  type JitaiResponseVector,
  readVectors,
} from '../../../test/vectors/load.js';
import { ensureBuilt, runCli } from './cli-harness.js';

const jitaiRequests = readVectors<JitaiRequestVector>('jitai/requests.json').cases;
const jitaiMasking = readVectors<JitaiRequestVector>('jitai/masking.json', EXTRA_VECTORS_DIR).cases;
const dataFluxRequests = readVectors<DataFluxVector>('dataflux/requests.json').cases;
const jitaiResponses = readVectors<JitaiResponseVector>('jitai/responses.json').cases;

beforeAll(ensureBuilt, 120_000);

describe('debug-sign --profile jitai reproduces jitai/requests.json', () => {
  // Every case whose signature JSON.parse would lose, a spread of the others, and every
  // masking case of signet's own vectors (secrets holding `&`/`=`).
  const picked = [
    ...jitaiRequests.filter((c, i) => c.needsLosslessNumbers || i % 5 === 0),
    ...jitaiMasking,
  ];

  test.each(picked.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await runCli(
      ['debug-sign', '--profile', 'jitai', '--data', '@-', '--timestamp', String(c.timestamp)],
      { stdin: c.argsJson, env: { SIGNET_ACCESS_SECRET: c.secret } },
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.sign).toBe(c.accessSign);
    expect(out.paramStr).toBe(c.paramStrMasked);
    expect(out.headers).toEqual({
      timestamp: String(c.timestamp),
      accessSign: c.accessSign,
      'Content-Type': 'application/json',
    });
    expect(res.stdout).not.toContain(c.secret);
  });

  test('--access-key adds the accessKey header; the secret flag is masked everywhere', async () => {
    const c = jitaiRequests[1]!;
    const res = await runCli([
      'debug-sign',
      '--profile',
      'jitai',
      '--access-key',
      'partnerApp01',
      '--access-secret',
      c.secret,
      '--data',
      c.argsJson,
      '--timestamp',
      String(c.timestamp),
    ]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).headers.accessKey).toBe('partnerApp01');
    expect(res.stdout + res.stderr).not.toContain(c.secret);
  });

  test('JitAi signs no path: --path is a usage error (exit 2)', async () => {
    const res = await runCli(['debug-sign', '--profile', 'jitai', '--path', '/x'], {
      env: { SIGNET_ACCESS_SECRET: 'some-secret-value' },
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^SignetConfigError: --path does not apply to --profile jitai\n$/);
  });
});

describe('debug-sign --profile dataflux reproduces dataflux/requests.json', () => {
  const picked = dataFluxRequests.filter((_c, i) => i % 4 === 0 || i === 21);

  test.each(picked.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const args = [
      'debug-sign',
      '--profile',
      'dataflux',
      '--ak-id',
      'ak-debug',
      '--method',
      c.method,
      '--path',
      c.pathWithQuery,
      '--timestamp',
      c.timestamp,
      '--nonce',
      c.nonce,
    ];
    if (c.body !== null) args.push('--data', '@-');
    // An empty variable counts as unset, so an empty secret goes in as a flag.
    if (c.akSecret === '') args.push('--ak-secret=');
    const res = await runCli(args, {
      stdin: c.body === null ? '' : JSON.stringify(c.body),
      env: { SIGNET_AK_SECRET: c.akSecret },
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({
      stringToSign: c.stringToSign,
      sign: c.sign,
      jsonDumps: c.jsonDumps,
      bodyMd5: c.bodyMd5,
    });
    expect(out.headers).toEqual({
      'X-Dff-Ak-Id': 'ak-debug',
      'X-Dff-Ak-Timestamp': c.timestamp,
      'X-Dff-Ak-Nonce': c.nonce,
      'X-Dff-Ak-Sign': c.sign,
    });
  });

  test('--path is required', async () => {
    const res = await runCli(['debug-sign', '--profile', 'dataflux', '--ak-secret', 'sk-12345']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^SignetConfigError: --profile dataflux needs --path/);
  });
});

describe('debug-sign --profile hmac', () => {
  test('prints the generic profile string to sign and a reproducible signature', async () => {
    const args = [
      'debug-sign',
      '--profile',
      'hmac',
      '--key-id',
      'k1',
      '--secret',
      'hmac-secret-value',
      '--method',
      'post',
      '--path',
      '/orders?x=1',
      '--data',
      '{"id":1}',
      '--timestamp',
      '1764000000',
      '--nonce',
      '00112233445566778899aabbccddeeff',
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout);
    const bodyHash = createHash('sha256').update('{"id":1}').digest('hex');
    const stringToSign = [
      'signet-request-v1',
      'k1',
      'POST',
      '/orders?x=1',
      '1764000000',
      '00112233445566778899aabbccddeeff',
      bodyHash,
    ].join('\n');
    expect(out.stringToSign).toBe(stringToSign);
    const sign = createHmac('sha256', 'hmac-secret-value').update(stringToSign).digest('hex');
    expect(out.sign).toBe(sign);
    expect(out.headers).toEqual({
      'X-Signet-Key': 'k1',
      'X-Signet-Timestamp': '1764000000',
      'X-Signet-Nonce': '00112233445566778899aabbccddeeff',
      'X-Signet-Content-SHA256': bodyHash,
      'X-Signet-Signature': sign,
    });
    expect(first.stdout).not.toContain('hmac-secret-value');
  });
});

describe('verify-response against jitai/responses.json', () => {
  const pick = (expect: JitaiResponseVector['expect'], n: number) =>
    jitaiResponses.filter((c) => c.expect === expect).slice(0, n);

  test.each(pick('ok', 4).map((c) => [c.name, c] as const))('ok: %s', async (_name, c) => {
    const res = await runCli(['verify-response', '--profile', 'jitai', '--now', String(c.now)], {
      stdin: c.bodyText,
      env: { SIGNET_ACCESS_SECRET: c.secret },
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout.endsWith('\n')).toBe(true);
  });

  test('prints the result exactly: big integers as JSON integers', async () => {
    const c = jitaiResponses[0]!;
    const res = await runCli(
      [
        'verify-response',
        '--profile',
        'jitai',
        '--access-secret',
        c.secret,
        '--now',
        String(c.now),
      ],
      { stdin: c.bodyText },
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      '{\n  "orderId": "A-1",\n  "status": "PAID",\n  "amount": 12.5,\n  "ratio": 1,\n  "big": 12345678901234567890,\n  "tags": [\n    "a",\n    "ü",\n    "😀"\n  ]\n}\n',
    );
  });

  test.each(pick('bad-signature', 3).map((c) => [c.name, c] as const))(
    'bad signature: %s',
    async (_name, c) => {
      const res = await runCli(['verify-response', '--now', String(c.now)], {
        stdin: c.bodyText,
        env: { SIGNET_ACCESS_SECRET: c.secret },
      });
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(/^SignetSignatureError: .*signature/);
      expect(res.stderr).not.toContain(c.secret);
    },
  );

  test.each(pick('expired', 3).map((c) => [c.name, c] as const))(
    'expired: %s',
    async (_name, c) => {
      const res = await runCli(['verify-response', '--profile', 'jitai', '--now', String(c.now)], {
        stdin: c.bodyText,
        env: { SIGNET_ACCESS_SECRET: c.secret },
      });
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/^SignetSignatureError: JitAi response timestamp is .* s /);
    },
  );

  test('reads a FILE argument; a missing file is a usage error; bad JSON is SignetDecodeError', async () => {
    const c = jitaiResponses[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'signet-verify-'));
    const file = join(dir, 'envelope.json');
    writeFileSync(file, c.bodyText);
    const env = { SIGNET_ACCESS_SECRET: c.secret };
    const ok = await runCli(['verify-response', '--now', String(c.now), file], { env });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).orderId).toBe('A-1');
    const missing = await runCli(['verify-response', join(dir, 'nope.json')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^SignetConfigError: FILE .*cannot read the file \(ENOENT\)/);
    const bad = await runCli(['verify-response'], { stdin: '{"errcode":0,"data":', env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^SignetDecodeError: /);
  });
});

describe('keygen', () => {
  test('prints a fresh 38-hex-character accessSecret in the UUID v4 layout', async () => {
    const runs = await Promise.all([runCli(['keygen']), runCli(['keygen']), runCli(['keygen'])]);
    const secrets = runs.map((res) => {
      expect(res.code).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(Object.keys(out)).toEqual(['accessSecret']);
      return out.accessSecret as string;
    });
    for (const secret of secrets) {
      expect(secret).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{21}$/);
    }
    expect(new Set(secrets).size).toBe(3);
  });

  test('--access-key checks the 8–32 letters-or-digits rule', async () => {
    const ok = await runCli(['keygen', '--access-key', 'partnerApp01']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ accessKey: 'partnerApp01' });
    const short = await runCli(['keygen', '--access-key', 'abc']);
    expect(short.code).toBe(2);
    expect(short.stderr).toBe(
      'SignetConfigError: accessKey is 3 characters long: use 8 to 32 letters or digits\n',
    );
    const dash = await runCli(['keygen', '--access-key', 'partner-app']);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toMatch(/character 8 \("-"\) is not an ASCII letter or digit/);
  });
});
