// The built CLI against real local servers: the JitAi and DataFlux emulators of the
// testing kit (`serveEmulator`) and a small node:http Bearer API.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LosslessNumber } from '@signet/sdk-core';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  type JitaiEmulator,
  serveEmulator,
} from '@signet/sdk-testing';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type CliResult, ensureBuilt, runCli } from './cli-harness.js';

const ACCESS_KEY = 'partnerApp01';
const SECRET = '7f3a0c41d2b84c6e9a1f5b2c8d7e6f40a1b2c3';
const TOKEN = 'testtoken123-bearer-value';
const AK_SECRET = 'dff-ak-secret-value-42';
const API_TOKEN = 'api-token-value-9876';
const PASSWORD = 'digest-password-1234';
const SECRETS = [SECRET, TOKEN, AK_SECRET, API_TOKEN, PASSWORD];

let jit: JitaiEmulator;
let baseUrl = '';
let dataFluxUrl = '';
let bearerUrl = '';
const closers: (() => Promise<void>)[] = [];
const outputs: CliResult[] = [];

/** Runs the CLI and keeps its output for the secret scan at the end. */
async function signet(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const res = await runCli(args, options);
  outputs.push(res);
  return res;
}

beforeAll(async () => {
  await ensureBuilt();
  jit = createJitaiEmulator({
    orgId: 'whwy',
    appName: 'testjitai',
    apiAuths: [
      {
        accessKey: ACCESS_KEY,
        accessSecret: SECRET,
        apis: ['services.OrderSvc.query', 'services.OrderSvc.totals'],
      },
    ],
    definitions: [
      {
        fullName: 'services.OrderSvc',
        title: 'Order Service',
        functionList: [
          {
            name: 'query',
            title: 'Order Query',
            args: [{ name: 'orderId', title: 'Order ID', dataType: 'Stext' }],
            returnType: 'JitDict',
          },
          { name: 'totals', args: [{ name: 'year', dataType: 'Numeric' }], returnType: 'JitDict' },
        ],
      },
      {
        fullName: 'services.PublicSvc',
        functionList: [
          { name: 'ping', ignoreSign: true, loginRequired: false },
          { name: 'health', ignoreSign: true, loginRequired: false },
        ],
      },
    ],
    services: {
      'services.OrderSvc': {
        query: ({ orderId }) => ({ orderId, status: 'PAID', amount: 12.5 }),
        totals: ({ year }) => ({ year, count: new LosslessNumber('12345678901234567890') }),
      },
      'services.PublicSvc': { ping: () => 'pong', health: () => ({ up: true }) },
    },
    bearer: { tokens: { [TOKEN]: 'demoapp' }, functions: [['services.PublicSvc', 'ping']] },
  });
  const served = await serveEmulator(jit);
  closers.push(served.close);
  baseUrl = `${served.url}${jit.basePath}`;

  const dff = await serveEmulator(
    createDataFluxEmulator({
      accessKeys: [{ akId: 'ak-cli', akSecret: AK_SECRET }],
      funcs: { 'demo__main.hello': ({ name }) => `hello ${String(name)}` },
      syncApis: {
        'api-fixed': {
          func: 'demo__main.hello',
          auth: {
            type: 'fixedField',
            fields: [{ location: 'header', name: 'x-auth-token', value: API_TOKEN }],
          },
        },
        'api-digest': {
          func: 'demo__main.hello',
          auth: { type: 'httpDigest', users: [{ username: 'alice', password: PASSWORD }] },
        },
      },
    }),
  );
  closers.push(dff.close);
  dataFluxUrl = dff.url;

  const bearerServer: Server = createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${API_TOKEN}`;
    res.setHeader('Content-Type', 'application/json');
    res.statusCode = ok ? 200 : 401;
    res.end(
      ok
        ? `{"path":${JSON.stringify(req.url)},"method":"${req.method}","big":12345678901234567891}`
        : '{"error":"unauthorized"}',
    );
  });
  await new Promise<void>((r) => bearerServer.listen(0, '127.0.0.1', r));
  const address = bearerServer.address() as { port: number };
  bearerUrl = `http://127.0.0.1:${address.port}`;
  closers.push(
    () =>
      new Promise<void>((r) => {
        bearerServer.close(() => r());
        bearerServer.closeAllConnections();
      }),
  );
}, 120_000);

afterEach(() => {
  jit.tamperResponseSignature = false;
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const keyFlags = () => ['--access-key', ACCESS_KEY, '--access-secret', SECRET];

describe('signet call', () => {
  test('prints the verified result as JSON and exits 0', async () => {
    const res = await signet([
      'call',
      'services.OrderSvc.query',
      '--base-url',
      baseUrl,
      '--data',
      '{"orderId":"1001"}',
      ...keyFlags(),
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('{\n  "orderId": "1001",\n  "status": "PAID",\n  "amount": 12.5\n}\n');
  });

  test('takes credentials and the base URL from the environment; big integers stay exact', async () => {
    const res = await signet(['call', 'services.OrderSvc.totals', '--data', '{"year":2026}'], {
      env: {
        SIGNET_BASE_URL: baseUrl,
        SIGNET_ACCESS_KEY: ACCESS_KEY,
        SIGNET_ACCESS_SECRET: SECRET,
      },
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('{\n  "year": 2026,\n  "count": 12345678901234567890\n}\n');
  });

  test('flags win over the environment', async () => {
    const res = await signet(['call', 'services.OrderSvc.query', '--access-secret', SECRET], {
      env: {
        SIGNET_BASE_URL: baseUrl,
        SIGNET_ACCESS_KEY: ACCESS_KEY,
        SIGNET_ACCESS_SECRET: 'a-wrong-secret-from-env',
      },
    });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).status).toBe('PAID');
  });

  test('a wrong secret: SignetApiError on stderr, exit 1', async () => {
    const res = await signet([
      'call',
      'services.OrderSvc.query',
      '--base-url',
      baseUrl,
      '--access-key',
      ACCESS_KEY,
      '--access-secret',
      'not-the-right-secret',
    ]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^SignetApiError: .*\n$/);
    expect(res.stderr).toMatch(/20005|Authentication failed/);
    expect(res.stderr).not.toContain('not-the-right-secret');
  });

  test('a tampered response signature: SignetSignatureError, exit 1', async () => {
    jit.tamperResponseSignature = true;
    const res = await signet([
      'call',
      'services.OrderSvc.query',
      '--base-url',
      baseUrl,
      ...keyFlags(),
    ]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^SignetSignatureError: /);
  });

  test('--auth bearer --token calls a Bearer-interceptor function', async () => {
    const res = await signet([
      'call',
      'services.PublicSvc.ping',
      '--base-url',
      baseUrl,
      '--auth',
      'bearer',
      '--token',
      TOKEN,
    ]);
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe('"pong"\n');
  });

  test('--auth none calls a function that needs no credentials', async () => {
    const res = await signet([
      'call',
      'services.PublicSvc.health',
      '--base-url',
      baseUrl,
      '--auth',
      'none',
    ]);
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe('{\n  "up": true\n}\n');
    const signedOnly = await signet([
      'call',
      'services.OrderSvc.query',
      '--base-url',
      baseUrl,
      '--auth',
      'none',
    ]);
    expect(signedOnly.code).toBe(1);
    expect(signedOnly.stderr).toMatch(/^SignetApiError: /);
  });

  test('--credentials FILE (mode 600) works; a group-readable file is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-creds-'));
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ accessKey: ACCESS_KEY, accessSecret: SECRET }));
    chmodSync(file, 0o600);
    const ok = await signet(['call', 'services.OrderSvc.query', '--credentials', file], {
      env: { SIGNET_BASE_URL: baseUrl },
    });
    expect(ok.code).toBe(0);
    chmodSync(file, 0o644);
    const refused = await signet(['call', 'services.OrderSvc.query', '--base-url', baseUrl], {
      env: { SIGNET_CREDENTIALS_FILE: file },
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `SignetConfigError: credentials file ${file} is accessible by group or others (mode 0644); it holds secrets, so signet will not use it: run chmod 600 ${file}\n`,
    );
  });

  test('the base URL may come from the credentials file, below --base-url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-creds-'));
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ baseUrl, accessKey: ACCESS_KEY, accessSecret: SECRET }));
    chmodSync(file, 0o600);
    const fromFile = await signet(['call', 'services.OrderSvc.query', '--credentials', file]);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
    const fromEnvFile = await signet(['call', 'services.OrderSvc.query'], {
      env: { SIGNET_CREDENTIALS_FILE: file },
    });
    expect(fromEnvFile.code).toBe(0);
    // --base-url wins over the file: a closed port there is a network failure (exit 1).
    const overridden = await signet([
      'call',
      'services.OrderSvc.query',
      '--credentials',
      file,
      '--base-url',
      'http://127.0.0.1:9/api/org/app',
      '--retry',
      '0',
    ]);
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toMatch(/^SignetNetworkError: /);
  });

  test('--verbose prints a secret-free call record on stderr', async () => {
    const res = await signet([
      'call',
      'services.OrderSvc.query',
      '--base-url',
      baseUrl,
      '--verbose',
      ...keyFlags(),
    ]);
    expect(res.code).toBe(0);
    const record = JSON.parse(res.stderr);
    expect(record).toMatchObject({ api: 'services.OrderSvc.query', ok: true, keyId: ACCESS_KEY });
  });

  test('usage errors exit 2', async () => {
    const noUrl = await signet(['call', 'services.OrderSvc.query', ...keyFlags()]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toBe(
      'SignetConfigError: --base-url is required (or SIGNET_BASE_URL, or baseUrl in the credentials file)\n',
    );
    const noCreds = await signet(['call', 'services.OrderSvc.query', '--base-url', baseUrl]);
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toMatch(/^SignetConfigError: no credentials: /);
    const noApi = await signet(['call', '--base-url', baseUrl]);
    expect(noApi.code).toBe(2);
    expect(noApi.stderr).toMatch(/^SignetConfigError: signet call takes <api>/);
  });
});

describe('signet request', () => {
  test('--auth bearer against a node:http API', async () => {
    const res = await signet([
      'request',
      'GET',
      `${bearerUrl}/orders/1?x=1`,
      '--auth',
      'bearer',
      '--token',
      API_TOKEN,
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      '{\n  "path": "/orders/1?x=1",\n  "method": "GET",\n  "big": 12345678901234567891\n}\n',
    );
  });

  test('the token from SIGNET_TOKEN; --include prints the status and headers', async () => {
    const res = await signet(
      ['request', 'POST', `${bearerUrl}/orders`, '--data', '{}', '--include'],
      {
        env: { SIGNET_TOKEN: API_TOKEN },
      },
    );
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.status).toBe(200);
    expect(out.headers['content-type']).toBe('application/json');
    expect(out.data.method).toBe('POST');
  });

  test('a non-2xx answer: SignetHttpError, exit 1', async () => {
    const res = await signet([
      'request',
      'GET',
      bearerUrl,
      '--auth',
      'bearer',
      '--token',
      'wrong-token',
    ]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^SignetHttpError: HTTP 401 /);
  });

  test('--auth dataflux signs a DataFlux Func call', async () => {
    const res = await signet([
      'request',
      'POST',
      `${dataFluxUrl}/api/v1/func/demo__main.hello`,
      '--ak-id',
      'ak-cli',
      '--ak-secret',
      AK_SECRET,
      '--data',
      '{"kwargs":{"name":"cli"}}',
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: true, data: { result: 'hello cli' } });
  });

  test('--auth fixed and --auth digest against DataFlux Sync APIs', async () => {
    const body = ['--data', '{"kwargs":{"name":"sync"}}'];
    const fixed = await signet(
      ['request', 'POST', `${dataFluxUrl}/api/v1/sync/api-fixed`, ...body],
      {
        env: { SIGNET_FIXED_NAME: 'x-auth-token', SIGNET_FIXED_VALUE: API_TOKEN },
      },
    );
    expect(fixed.stderr).toBe('');
    expect(fixed.stdout).toBe('"hello sync"\n');
    const digest = await signet(
      ['request', 'POST', `${dataFluxUrl}/api/v1/sync/api-digest`, '--auth', 'digest', ...body],
      { env: { SIGNET_USER: 'alice', SIGNET_PASSWORD: PASSWORD } },
    );
    expect(digest.stderr).toBe('');
    expect(digest.stdout).toBe('"hello sync"\n');
    const wrong = await signet(
      ['request', 'POST', `${dataFluxUrl}/api/v1/sync/api-digest`, '--auth', 'digest', ...body],
      { env: { SIGNET_USER: 'alice', SIGNET_PASSWORD: 'not-the-password' } },
    );
    expect(wrong.code).toBe(1);
    // `request` is platform-neutral: a non-2xx is an HTTP error, the envelope its body.
    expect(wrong.stderr).toMatch(/^SignetHttpError: HTTP 401 .*HTTP Digest Auth failed/);
  });

  test('credentials of two schemes on the command line: choose with --auth (exit 2)', async () => {
    const res = await signet(['request', 'GET', bearerUrl, '--token', API_TOKEN, ...keyFlags()]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/several schemes \(jitai, bearer\): choose one with --auth/);
  });
});

describe('signet gen', () => {
  const appFolder = fileURLToPath(new URL('../../../examples/codegen/app', import.meta.url));

  test('--from an app folder writes the module and reports it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'signet-gen-')), 'nested/client.ts');
    const res = await signet(['gen', '--from', appFolder, '--out', out]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ out, services: 1 });
    const source = readFileSync(out, 'utf8');
    expect(source).toContain('services.OrderSvc');
    expect(source).toContain('export interface SignetServices');
  });

  test('--from-url asks the live app with getAuthDetails()', async () => {
    const res = await signet(['gen', '--from-url', baseUrl, ...keyFlags()]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("'services.OrderSvc'");
    expect(res.stdout).toContain('totals');
    expect(res.stdout).not.toContain('PublicSvc'); // not authorized for this key
  });

  test('--from and --from-url together are a usage error', async () => {
    const res = await signet(['gen', '--from', appFolder, '--from-url', baseUrl]);
    expect(res.code).toBe(2);
  });
});

describe('help and argv errors', () => {
  test.each(['call', 'request', 'debug-sign', 'verify-response', 'gen', 'keygen'])(
    'signet %s --help',
    async (name) => {
      const res = await signet([name, '--help']);
      expect(res.code).toBe(0);
      expect(res.stderr).toBe('');
      expect(res.stdout.startsWith(`Usage: signet ${name}`)).toBe(true);
      expect(res.stdout).toContain('-h, --help');
    },
  );

  test('signet --help lists every command; no command is a usage error', async () => {
    const help = await signet(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['call', 'request', 'debug-sign', 'verify-response', 'gen', 'keygen']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    const none = await signet([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: signet <command>');
  });

  test('unknown flags, missing values, unknown commands: exit 2, no value echoed', async () => {
    const unknown = await signet(['call', 'services.A.b', '--acess-secret=hunter2-secret']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'SignetConfigError: unknown flag --acess-secret (did you mean --access-secret?)\n',
    );
    expect(unknown.stderr).not.toContain('hunter2');
    const missing = await signet(['debug-sign', '--profile']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'SignetConfigError: --profile needs a value (jitai|dataflux|hmac)\n',
    );
    const twice = await signet(['keygen', '--access-key', 'a', '--access-key', 'b']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('SignetConfigError: --access-key is given twice\n');
    const command = await signet(['sign']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^SignetConfigError: unknown command "sign"/);
  });
});

test('no secret appears in anything the CLI printed above', () => {
  // Runs last: every secret above went in through flags, files or the environment.
  for (const { stdout, stderr } of outputs) {
    for (const secret of SECRETS) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
  }
  expect(outputs.length).toBeGreaterThan(20);
});
