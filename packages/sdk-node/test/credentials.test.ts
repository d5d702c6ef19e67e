// Credentials from the environment and files, and the Node factories that use them.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJitaiEmulator } from '@signet/sdk-testing';
import { describe, expect, test } from 'vitest';
import { createClient, createDataFluxClient, createJitaiClient } from '../src/clients.js';
import { credentialsFromEnv, credentialsFromFile } from '../src/credentials.js';

const SECRET = 'c58929c718f844abaaae2461ea1b2ff8024a96';

function credentialsFile(content: string, mode = 0o600): string {
  const file = join(mkdtempSync(join(tmpdir(), 'signet-cred-')), 'credentials.json');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('credentialsFromEnv', () => {
  test('maps every SIGNET_* variable; empty ones count as unset', () => {
    expect(
      credentialsFromEnv({
        SIGNET_BASE_URL: 'https://h/api/o/a',
        SIGNET_ACCESS_KEY: 'ak',
        SIGNET_ACCESS_SECRET: 'as',
        SIGNET_AK_ID: 'id',
        SIGNET_AK_SECRET: 'sk',
        SIGNET_KEY_ID: 'kid',
        SIGNET_SECRET: 'hs',
        SIGNET_TOKEN: 'tok',
        SIGNET_USER: 'u',
        SIGNET_PASSWORD: '',
        SIGNET_FIXED_IN: 'query',
        SIGNET_FIXED_NAME: 'n',
        SIGNET_FIXED_VALUE: 'v',
        OTHER: 'x',
      }),
    ).toEqual({
      baseUrl: 'https://h/api/o/a',
      accessKey: 'ak',
      accessSecret: 'as',
      akId: 'id',
      akSecret: 'sk',
      keyId: 'kid',
      secret: 'hs',
      token: 'tok',
      username: 'u',
      fixedIn: 'query',
      fixedName: 'n',
      fixedValue: 'v',
    });
  });

  test('SIGNET_CREDENTIALS_FILE fills what the variables leave unset', () => {
    const file = credentialsFile(JSON.stringify({ accessKey: 'fromFile', accessSecret: SECRET }));
    expect(
      credentialsFromEnv({ SIGNET_CREDENTIALS_FILE: file, SIGNET_ACCESS_KEY: 'fromEnv' }),
    ).toEqual({ accessKey: 'fromEnv', accessSecret: SECRET });
  });
});

describe('credentialsFromFile', () => {
  test('reads a mode-600 JSON file', () => {
    const file = credentialsFile(
      `\uFEFF${JSON.stringify({ akId: 'a', akSecret: 'b', token: '' })}`,
    );
    expect(credentialsFromFile(file)).toEqual({ akId: 'a', akSecret: 'b' });
  });

  test.each([0o644, 0o640, 0o604, 0o620])('refuses mode %o like ssh does', (mode) => {
    const file = credentialsFile('{}', mode);
    expect(() => credentialsFromFile(file)).toThrow(
      `accessible by group or others (mode 0${mode.toString(8)})`,
    );
  });

  test('never quotes the file in its errors', () => {
    const bad = credentialsFile(`{"accessSecret": ${SECRET}}`);
    let message = '';
    try {
      credentialsFromFile(bad);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/^SignetConfigError: credentials file .* is not valid JSON/);
    expect(message).not.toContain(SECRET.slice(0, 8));
  });

  test('refuses unknown fields, non-strings, arrays and missing files', () => {
    expect(() => credentialsFromFile(credentialsFile('{"accesskey":"x"}'))).toThrow(
      'unknown field "accesskey"',
    );
    expect(() => credentialsFromFile(credentialsFile('{"token":1}'))).toThrow(
      '"token" must be a string',
    );
    expect(() => credentialsFromFile(credentialsFile('[]'))).toThrow('must hold a JSON object');
    expect(() => credentialsFromFile('/nonexistent/signet.json')).toThrow('(ENOENT)');
  });
});

describe('Node factories', () => {
  const emulator = createJitaiEmulator({
    orgId: 'o',
    appName: 'a',
    apiAuths: [{ accessKey: 'partnerApp01', accessSecret: SECRET, apis: ['services.S.f'] }],
    definitions: [
      { fullName: 'services.S', functionList: [{ name: 'f' }] },
      {
        fullName: 'services.P',
        functionList: [{ name: 'g', ignoreSign: true, loginRequired: false }],
      },
    ],
    services: { 'services.S': { f: () => 'signed' }, 'services.P': { g: () => 'bearer' } },
    bearer: { tokens: { 'tok-123456': 'app' }, functions: [['services.P', 'g']] },
  });
  const baseUrl = `http://127.0.0.1${emulator.basePath}`;
  const fetch = emulator.asFetch() as typeof globalThis.fetch;

  test('createJitaiClient takes baseUrl and the key pair from the environment', async () => {
    const jit = createJitaiClient({
      fetch,
      env: {
        SIGNET_BASE_URL: baseUrl,
        SIGNET_ACCESS_KEY: 'partnerApp01',
        SIGNET_ACCESS_SECRET: SECRET,
      },
    });
    expect(await jit.call('services.S.f')).toBe('signed');
  });

  test('…the secret alone from the environment, the key from the options', async () => {
    const jit = createJitaiClient({
      baseUrl,
      accessKey: 'partnerApp01',
      fetch,
      env: { SIGNET_ACCESS_SECRET: SECRET },
    });
    expect(await jit.call('services.S.f')).toBe('signed');
  });

  test('…or SIGNET_TOKEN as a Bearer token when no key pair is configured', async () => {
    const jit = createJitaiClient({
      baseUrl,
      fetch,
      env: { SIGNET_TOKEN: 'tok-123456' },
    });
    expect(await jit.call('services.P.g')).toBe('bearer');
  });

  test('missing pieces name the option and the variable', () => {
    expect(() => createJitaiClient({ env: {} })).toThrow(
      'createJitaiClient: baseUrl is required: pass it, or set SIGNET_BASE_URL',
    );
    expect(() => createJitaiClient({ baseUrl, accessKey: 'partnerApp01', env: false })).toThrow(
      'createJitaiClient: accessSecret is missing: pass it (env: false, so SIGNET_ACCESS_SECRET is not read)',
    );
    expect(() => createJitaiClient({ baseUrl, accessKey: 'partnerApp01', env: {} })).toThrow(
      'createJitaiClient: accessSecret is missing: pass it, or set SIGNET_ACCESS_SECRET',
    );
    expect(() => createClient({ env: false })).toThrow(
      'createClient: baseUrl is required: pass it (env: false, so SIGNET_BASE_URL is not read)',
    );
    expect(() => createDataFluxClient({ baseUrl, env: { SIGNET_AK_ID: 'id' } })).toThrow(
      'createDataFluxClient: akSecret is missing: pass it, or set SIGNET_AK_SECRET',
    );
  });

  test('createClient signs with SIGNET_KEY_ID/SIGNET_SECRET but never sends SIGNET_TOKEN by itself', async () => {
    const seen: Headers[] = [];
    const recorder = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(input instanceof Request ? input.headers : init?.headers));
      return new Response('{}', { headers: { 'Content-Type': 'application/json' } });
    };
    const env = { SIGNET_TOKEN: 'tok-123456' };
    await createClient({ baseUrl: 'http://127.0.0.1/', fetch: recorder, env }).request('GET', '/');
    expect(seen[0]?.get('authorization')).toBe(null);
    const hmacEnv = { SIGNET_KEY_ID: 'k1', SIGNET_SECRET: 'hmac-secret' };
    await createClient({ baseUrl: 'http://127.0.0.1/', fetch: recorder, env: hmacEnv }).request(
      'GET',
      '/',
    );
    expect(seen[1]?.get('x-signet-key')).toBe('k1');
    expect(seen[1]?.get('x-signet-signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('createDataFluxClient signs with the AK pair from the environment', async () => {
    const seen: Headers[] = [];
    const recorder = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(input instanceof Request ? input.headers : init?.headers));
      return new Response('{"ok":true,"error":200,"data":{"result":1}}', {
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const dff = createDataFluxClient({
      baseUrl: 'http://127.0.0.1:8088',
      fetch: recorder,
      env: { SIGNET_AK_ID: 'ak-env', SIGNET_AK_SECRET: 'sk-env-secret' },
    });
    expect(await dff.callFunc('demo__main.hello')).toBe(1);
    expect(seen[0]?.get('x-dff-ak-id')).toBe('ak-env');
  });
});
