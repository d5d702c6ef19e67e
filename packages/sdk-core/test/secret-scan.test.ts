import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { basic } from '../src/auth/basic.js';
import { bearer } from '../src/auth/bearer.js';
import { fixedField } from '../src/auth/fixed-field.js';
import type { AuthStrategy } from '../src/auth/types.js';
import { dataflux } from '../src/dataflux/strategy.js';
import { digest } from '../src/digest/strategy.js';
import { hmacSignature } from '../src/hmac/strategy.js';
import { createClient } from '../src/http/generic-client.js';
import type { CallRecord } from '../src/http/records.js';
import { createJitaiClient } from '../src/jitai/client.js';
import { json, startServer } from './helpers/http-server.js';

// Every auth mode, made to fail in every way we can provoke, and then everything signet
// produced is scanned: error messages, stacks, causes, own fields, call records and
// console output must not contain a secret, a signature or an Authorization value.
const SECRETS = {
  jitai: 'jitai-secret-7f3a9c',
  dataflux: 'dff-secret-51be20',
  hmac: 'hmac-secret-c0ffee',
  bearer: 'bearer-token-9d8e7f',
  fixed: 'fixed-value-1a2b3c',
  basic: 'basic-pass-4d5e6f',
  digest: 'digest-pass-778899',
};

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  let n = 0;
  server = await startServer((req, res) => {
    n++;
    // Echo every header back in the body and a header: a careless SDK would copy them into errors.
    const echo = JSON.stringify({ headers: req.headers, url: req.url, body: req.body });
    res.setHeader('x-echo', Buffer.from(echo).toString('base64'));
    if (req.url.includes('digest') && !req.headers.authorization) {
      res.setHeader(
        'www-authenticate',
        `Digest realm="r", nonce="n${n}", qop="auth", algorithm=MD5`,
      );
    }
    if (n % 3 === 0) {
      res.statusCode = 500;
      res.setHeader('content-type', 'text/html');
      res.end(`<pre>${echo}</pre>`);
      return;
    }
    json(res, 401, {
      errcode: 20005,
      errmsg: `Authentication failed ${echo}`,
      ok: false,
      error: 401.14,
      reason: 'EUserAuth',
      message: echo,
    });
  });
});
afterAll(() => server.close());

function collect(value: unknown, depth = 0): string {
  if (depth > 6 || value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const parts: string[] = [];
  if (value instanceof Error) parts.push(value.message, String(value.stack));
  for (const key of Object.getOwnPropertyNames(value)) {
    if (key === 'headers' && value instanceof Error) continue; // response headers: server data
    parts.push(key, collect((value as Record<string, unknown>)[key], depth + 1));
  }
  return parts.join('\n');
}

test('no secret leaks from any auth mode, whatever fails', async () => {
  const strategies: Array<[string, AuthStrategy]> = [
    ['dataflux', dataflux({ akId: 'ak1', akSecret: SECRETS.dataflux })],
    ['hmac', hmacSignature({ keyId: 'k1', secret: SECRETS.hmac, verifyResponses: true })],
    ['bearer', bearer(SECRETS.bearer)],
    [
      'fixed',
      fixedField([
        { in: 'header', name: 'x-token', value: SECRETS.fixed },
        { in: 'query', name: 'token', value: SECRETS.fixed },
      ]),
    ],
    ['basic', basic({ username: 'u', password: SECRETS.basic })],
    ['digest', digest({ username: 'u', password: SECRETS.digest })],
  ];
  const output: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi
      .spyOn(console, m)
      .mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' '))),
  );
  const records: CallRecord[] = [];
  const errors: unknown[] = [];
  const reports: unknown[] = [];
  try {
    for (const [name, auth] of strategies) {
      const api = createClient({
        baseUrl: server.url,
        auth,
        retry: 0,
        onCall: (r) => records.push(r),
      });
      for (let i = 0; i < 3; i++) {
        errors.push(
          await api.request('POST', `/${name}/x?i=${i}`, { json: { i } }).catch((e: unknown) => e),
        );
      }
    }
    const jit = createJitaiClient({
      baseUrl: server.url,
      accessKey: 'ak',
      accessSecret: SECRETS.jitai,
      retry: 0,
      onCall: (r) => records.push(r),
    });
    for (let i = 0; i < 3; i++) {
      errors.push(await jit.call('services.A.b', { i }).catch((e: unknown) => e));
      reports.push(await jit.diagnose('services.A.b', { i }).catch((e: unknown) => e));
    }
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(errors.every((e) => e instanceof Error)).toBe(true);
  expect(records.length).toBeGreaterThanOrEqual(24);
  // What signet produced itself: messages, stacks, causes, fields (bodies excluded: they
  // are the server's own data, echoed on purpose), records and console output.
  const produced = [
    ...errors.map((e) => {
      const {
        body: _body,
        detail: _detail,
        platformMessage: _pm,
        ...rest
      } = e as Record<string, unknown>;
      return `${(e as Error).message}\n${(e as Error).stack}\n${collect((e as Error).cause)}\n${collect(rest)}`;
    }),
    JSON.stringify(records),
    ...reports.map((r) => (r instanceof Error ? `${r.message}\n${r.stack}` : JSON.stringify(r))),
    ...output,
  ].join('\n');
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(produced.includes(secret), `${name} secret leaked`).toBe(false);
  }
  const signatures = server.seen.flatMap((r) =>
    [
      r.headers.accesssign,
      r.headers['x-dff-ak-sign'],
      r.headers['x-signet-signature'],
      r.headers.authorization,
    ].filter((v): v is string => typeof v === 'string'),
  );
  expect(signatures.length).toBeGreaterThan(10);
  for (const sig of signatures)
    expect(produced.includes(sig), `signature/Authorization ${sig.slice(0, 12)}… leaked`).toBe(
      false,
    );
});
