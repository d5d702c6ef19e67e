// The secret scan: every auth mode, every way a call can fail against a server that echoes
// back everything it received — raw, base64, hex and URL-encoded, in envelopes, HTML
// pages, response headers, redirect targets and excerpts cut mid-secret — and then
// everything signet produced is searched for every secret and credential in every form:
// error messages, stacks, toString, toJSON, util.inspect (sdk-node's own and Node's
// default with hidden fields), every own field down the cause chain, call records, debug
// reports, console output and the CLI's stdout and stderr. Expected hits: 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  type AuthStrategy,
  basic,
  bearer,
  type CallRecord,
  customAuth,
  dataflux,
  digest,
  fixedField,
  hmacSignature,
  remoteSigner,
  SignetError,
} from '@signet/sdk-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { createClient, createDataFluxClient, createJitaiClient } from '../src/index.js';

const SECRETS = {
  jitai: 'jitai-secret-7f3a9c11',
  dataflux: 'dff-secret-51be20aa',
  hmac: 'hmac-secret-c0ffee42',
  bearer: 'bearer-token-9d8e7f31',
  fixedHeader: 'fixed-header-1a2b3c',
  fixedQuery: 'fixed q+ue/ry=1&2',
  fixedBody: 'fixed-body-é✓-4e5f',
  basic: 'basic-pass-4d5e6f',
  digest: 'digest-pass-778899',
  customHeader: 'custom-header-0a1b2c',
  customQuery: 'custom/query+tok=3d',
  customBody: 'custom-body-5e6f7a',
  signHeader: 'sign-hook-header-8b9c',
  signQuery: 'sign-hook-query-0d1e',
};
const BASIC_USER = 'scan-user';

/** How the echo server answers: the path names it (`/mode-<name>/`). */
const MODES = [
  'envelope', // 401: JitAi + DataFlux failure envelope fields, respExtraData, x-echo header
  'html', // 500 text/html page
  'json400', // 400 JSON without an envelope
  'redirect', // 302 to the same origin, the query echoed in Location
  'cross', // 307 to another origin, same
  'cut', // 502 page whose excerpt ends in the middle of a credential
  'reset', // the connection is destroyed after the request was read
  'badsig', // 200 that fails response verification, data echoing the request
  'ok', // 200 JSON echo (the CLI prints it)
] as const;
type Mode = (typeof MODES)[number];

const b64 = (s: string) => Buffer.from(s).toString('base64');
/** Every form a careless server or SDK could write a value in. */
function formsOf(value: string): string[] {
  const bytes = Buffer.from(value);
  const base64 = bytes.toString('base64');
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ a: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ];
}

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let server: ReturnType<typeof createServer>;
let base = '';

/** Every value the request carried, and the pieces of every header value. */
function valuesOf(req: Seen): string[] {
  const values = new Set<string>([req.url, req.body]);
  for (const value of Object.values(req.headers).flat()) {
    if (typeof value !== 'string') continue;
    values.add(value);
    for (const piece of value.split(/[\s,=":]+/)) {
      if (piece.length < 4) continue;
      values.add(piece);
      const decoded = Buffer.from(piece, 'base64').toString('utf8');
      if (/^[\x20-\x7e]+$/.test(decoded) && b64(decoded) === piece) values.add(decoded);
    }
  }
  const url = new URL(req.url, 'http://x');
  for (const value of url.searchParams.values()) values.add(value);
  try {
    for (const value of Object.values(JSON.parse(req.body) as Record<string, unknown>)) {
      if (typeof value === 'string') values.add(value);
    }
  } catch {
    // not a JSON object
  }
  return [...values].filter((v) => v !== '');
}
const echoOf = (req: Seen) =>
  valuesOf(req)
    .flatMap((v) => [v, b64(v), Buffer.from(v).toString('hex'), encodeURIComponent(v)])
    .join(' | ');
/** A header carries no raw non-ASCII: servers percent-encode it. */
const headerSafe = (text: string) =>
  text.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c)).slice(0, 4000);

function answer(req: Seen, res: ServerResponse): void {
  if (req.url.startsWith('/sign')) {
    // The remoteSigner's backend: valid-looking headers, a derived credential in them.
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        headers: {
          accessKey: 'ak-web',
          timestamp: String(Date.now()),
          accessSign: `rs${'5a'.repeat(19)}`,
        },
      }),
    );
    return;
  }
  if (req.url.includes('/digest/') && !req.headers.authorization) {
    res.statusCode = 401;
    res.setHeader(
      'www-authenticate',
      `Digest realm="r", nonce="n${seen.length}", qop="auth", algorithm=MD5`,
    );
    res.end();
    return;
  }
  const mode = (/\/mode-([a-z0-9]+)\//.exec(req.url)?.[1] ?? 'envelope') as Mode;
  const echo = echoOf(req);
  res.setHeader('x-echo', headerSafe(valuesOf(req).join(' ')));
  res.setHeader('x-trace-id', headerSafe(valuesOf(req)[0] ?? ''));
  const query = new URL(req.url, 'http://x').search;
  switch (mode) {
    case 'envelope':
      res.statusCode = 401;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          errcode: 20005,
          errmsg: `Authentication failed ${echo}`,
          requestId: echo.slice(0, 300),
          ok: false,
          error: 401.14,
          reason: 'EUserAuth',
          message: echo,
          detail: { echo, headers: req.headers, url: req.url, body: req.body },
          respExtraData: { apiAuthDebug: { paramStr: echo } },
        }),
      );
      return;
    case 'html':
      res.statusCode = 500;
      res.setHeader('content-type', 'text/html');
      res.end(`<html><pre>${echo}</pre></html>`);
      return;
    case 'json400':
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ echo, headers: req.headers, url: req.url, body: req.body }));
      return;
    case 'redirect':
      res.statusCode = 302;
      res.setHeader(
        'location',
        `/moved${query}${query ? '&' : '?'}h=${encodeURIComponent(echo.slice(0, 1500))}`,
      );
      res.end();
      return;
    case 'cross':
      res.statusCode = 307;
      res.setHeader('location', `http://evil.example/steal${query}`);
      res.end();
      return;
    case 'cut': {
      const all = valuesOf(req);
      const known = Object.values(SECRETS).find((s) => all.some((v) => v.includes(s)));
      const credential = known ?? req.headers.authorization ?? req.headers.accesssign ?? '';
      res.statusCode = 502;
      res.setHeader('content-type', 'text/html');
      res.end(`${'x'.repeat(192)}${credential} tail`);
      return;
    }
    case 'reset':
      res.socket?.destroy();
      return;
    case 'badsig':
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-signet-timestamp', String(Math.floor(Date.now() / 1000)));
      res.setHeader('x-signet-signature', '00'.repeat(32));
      res.end(
        JSON.stringify({
          errcode: 0,
          ok: true,
          data: { data: echo, timestamp: Date.now(), accessSign: '0'.repeat(40), result: echo },
        }),
      );
      return;
    case 'ok':
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ echo }));
      return;
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(entry);
      answer(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A hand-written strategy whose `sign` hook sets a header and a query field. */
const signHook: AuthStrategy = {
  kind: 'custom-sign',
  credentialed: true,
  sign({ headers, url }) {
    headers.set('X-Sign-Key', SECRETS.signHeader);
    url.searchParams.set('sk', SECRETS.signQuery);
  },
};

type Call = (mode: Mode, onCall: (r: CallRecord) => void) => Promise<unknown>;
const generic =
  (name: string, auth: () => AuthStrategy, json: object = { i: 1 }): Call =>
  (mode, onCall) =>
    createClient({ baseUrl: base, auth: auth(), retry: 0, onCall, env: false }).request(
      'POST',
      `/${name}/mode-${mode}/x?page=1`,
      { json },
    );

const CLIENTS: Record<string, Call> = {
  jitai: (mode, onCall) =>
    createJitaiClient({
      baseUrl: `${base}/api/o/mode-${mode}`,
      accessKey: 'ak-scan',
      accessSecret: SECRETS.jitai,
      retry: 0,
      onCall,
      env: false,
    }).call('services.A.b', { i: 1 }),
  'jitai diagnose': (mode, onCall) =>
    createJitaiClient({
      baseUrl: `${base}/api/o/mode-${mode}`,
      accessKey: 'ak-scan',
      accessSecret: SECRETS.jitai,
      retry: 0,
      onCall,
      env: false,
    }).diagnose('services.A.b', { i: 1 }),
  'jitai remoteSigner': (mode, onCall) =>
    createJitaiClient({
      baseUrl: `${base}/api/o/mode-${mode}`,
      accessKey: 'ak-web',
      auth: remoteSigner({ endpoint: `${base}/sign` }),
      retry: 0,
      onCall,
      env: false,
    }).call('services.A.b', { i: 1 }),
  'dataflux AK/SK': (mode, onCall) =>
    createDataFluxClient({
      baseUrl: `${base}/mode-${mode}/`,
      auth: dataflux({ akId: 'ak-dff', akSecret: SECRETS.dataflux }),
      retry: 0,
      onCall,
      env: false,
    }).callFunc('demo__main.hello', { i: 1 }),
  hmac: generic('hmac', () =>
    hmacSignature({ keyId: 'k-scan', secret: SECRETS.hmac, verifyResponses: true }),
  ),
  bearer: generic('bearer', () => bearer(SECRETS.bearer)),
  'fixed fields': generic('fixed', () =>
    fixedField([
      { in: 'header', name: 'x-token', value: SECRETS.fixedHeader },
      { in: 'query', name: 'token', value: SECRETS.fixedQuery },
      { in: 'body', name: 'token', value: SECRETS.fixedBody },
    ]),
  ),
  basic: generic('basic', () => basic({ username: BASIC_USER, password: SECRETS.basic })),
  digest: generic('digest', () => digest({ username: 'u', password: SECRETS.digest })),
  customAuth: generic('custom', () =>
    customAuth(({ headers, query, body }) => {
      headers.set('X-Auth-Func', SECRETS.customHeader);
      query.set('sig', SECRETS.customQuery);
      if (body && !Array.isArray(body)) body.authToken = SECRETS.customBody;
    }),
  ),
  'custom sign hook': generic('signhook', () => signHook),
};

/** Every string an error shows, by every route a program could print or log it. */
function renderings(error: unknown): string[] {
  if (!(error instanceof Error)) return [JSON.stringify(error)];
  return [
    error.message,
    String(error.stack),
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: null }),
    inspect(error, { depth: null, showHidden: true, customInspect: false }),
    walk(error),
  ];
}

/** Every own property, however nested (Headers by entries), down the cause chain. */
function walk(value: unknown, depth = 0, seenObjects = new WeakSet<object>()): string {
  if (value === null || value === undefined || depth > 12) return '';
  if (typeof value !== 'object') return String(value);
  if (seenObjects.has(value)) return '';
  seenObjects.add(value);
  if (value instanceof Headers) return [...value].flat().join('\n');
  if (value instanceof URL) return value.href;
  return Object.getOwnPropertyNames(value)
    .map(
      (key) => `${key}\n${walk((value as Record<string, unknown>)[key], depth + 1, seenObjects)}`,
    )
    .join('\n');
}

function fakeIo() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text;
      },
      stderr: (text: string) => {
        out.stderr += text;
      },
      readStdin: async () => '',
      stdinIsTTY: true,
      env: {},
    },
  };
}

const CLI_AUTH: Record<string, string[]> = {
  bearer: ['--auth', 'bearer', '--token', SECRETS.bearer],
  'fixed header': [
    '--auth',
    'fixed',
    '--in',
    'header',
    '--name',
    'x-token',
    '--value',
    SECRETS.fixedHeader,
  ],
  'fixed query': [
    '--auth',
    'fixed',
    '--in',
    'query',
    '--name',
    'token',
    '--value',
    SECRETS.fixedQuery,
  ],
  'fixed body': [
    '--auth',
    'fixed',
    '--in',
    'body',
    '--name',
    'token',
    '--value',
    SECRETS.fixedBody,
  ],
  basic: ['--auth', 'basic', '--user', BASIC_USER, '--password', SECRETS.basic],
  digest: ['--auth', 'digest', '--user', 'u', '--password', SECRETS.digest],
  hmac: ['--auth', 'hmac', '--key-id', 'k-scan', '--secret', SECRETS.hmac],
  dataflux: ['--auth', 'dataflux', '--ak-id', 'ak-dff', '--ak-secret', SECRETS.dataflux],
};

test('no secret, credential or signature, in any form, in anything signet produced', async () => {
  const records: CallRecord[] = [];
  const errors: unknown[] = [];
  const reports: unknown[] = [];
  const logged: string[] = [];
  const cli: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi
      .spyOn(console, m)
      .mockImplementation((...args: unknown[]) => void logged.push(inspect(args))),
  );
  try {
    for (const [name, call] of Object.entries(CLIENTS)) {
      for (const mode of MODES) {
        try {
          const result = await call(mode, (r) => records.push(r));
          if (name === 'jitai diagnose') reports.push(result);
        } catch (error) {
          errors.push(error);
        }
      }
    }
    for (const [name, flags] of Object.entries(CLI_AUTH)) {
      for (const mode of ['envelope', 'html', 'redirect', 'cut', 'ok'] as const) {
        const { io, out } = fakeIo();
        const path = name === 'digest' ? `/digest/mode-${mode}/x` : `/cli/mode-${mode}/x`;
        await runCli(
          [
            'request',
            'POST',
            `${base}${path}`,
            ...flags,
            '--data',
            '{"i":1}',
            '--verbose',
            '--retry',
            '0',
            '--include',
          ],
          io,
        );
        cli.push(out.stdout, out.stderr);
      }
    }
    for (const mode of ['envelope', 'badsig'] as const) {
      for (const extra of [[], ['--diagnose']]) {
        const { io, out } = fakeIo();
        await runCli(
          [
            'call',
            'services.A.b',
            '--base-url',
            `${base}/api/o/mode-${mode}`,
            '--access-key',
            'ak-scan',
            '--access-secret',
            SECRETS.jitai,
            '--verbose',
            '--retry',
            '0',
            ...extra,
          ],
          io,
        );
        cli.push(out.stdout, out.stderr);
      }
    }
  } finally {
    for (const spy of spies) spy.mockRestore();
  }

  // The echo reached every path it was meant to: each failure kind, from each client.
  expect(errors.every((e) => e instanceof SignetError)).toBe(true);
  const byName = new Map<string, number>();
  for (const e of errors) byName.set((e as Error).name, (byName.get((e as Error).name) ?? 0) + 1);
  for (const name of [
    'SignetApiError',
    'SignetHttpError',
    'SignetNetworkError',
    'SignetSignatureError',
  ]) {
    expect(byName.get(name) ?? 0, name).toBeGreaterThan(0);
  }
  expect(errors.some((e) => (e as { location?: string }).location?.includes('***'))).toBe(true);
  expect(reports.length).toBeGreaterThan(0);
  expect(records.length).toBeGreaterThanOrEqual(Object.keys(CLIENTS).length * MODES.length);
  // The server did receive every credential (else the echo would prove nothing).
  const received = seen.map((r) => valuesOf(r).join('\n')).join('\n');
  for (const [name, secret] of Object.entries(SECRETS)) {
    if (name === 'jitai' || name === 'dataflux' || name === 'hmac' || name === 'digest') continue;
    expect(received.includes(secret), `${name} reached the server`).toBe(true);
  }

  const derived = seen.flatMap((r) =>
    ['authorization', 'accesssign', 'x-dff-ak-sign', 'x-signet-signature']
      .map((h) => r.headers[h])
      .filter((v): v is string => typeof v === 'string'),
  );
  expect(derived.length).toBeGreaterThan(50);
  const needles = new Map<string, string>();
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (const form of formsOf(secret)) needles.set(form, name);
    needles.set(secret.slice(0, 10), `${name} (cut)`);
  }
  for (const form of formsOf(`${BASIC_USER}:${SECRETS.basic}`))
    needles.set(form, 'basic user:password');
  for (const value of new Set(derived))
    for (const form of formsOf(value)) needles.set(form, 'credential header');

  const artefacts = [
    ...errors.flatMap(renderings),
    ...records.map((r) => JSON.stringify(r)),
    ...reports.flatMap(renderings),
    ...logged,
    ...cli,
  ];
  const hits: string[] = [];
  for (const artefact of artefacts) {
    for (const [needle, what] of needles) {
      if (artefact.includes(needle))
        hits.push(
          `${what}: …${artefact.slice(Math.max(0, artefact.indexOf(needle) - 60), artefact.indexOf(needle) + needle.length + 20)}…`,
        );
    }
  }
  const out = process.env.SIGNET_RELIABILITY_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'secret-scan.json'),
      JSON.stringify({
        authModes: Object.keys(CLIENTS).length,
        cliModes: Object.keys(CLI_AUTH).length + 1,
        echoModes: MODES.length,
        requests: seen.length,
        errors: Object.fromEntries(byName),
        records: records.length,
        reports: reports.length,
        cliOutputs: cli.length,
        artefacts: artefacts.length,
        needles: needles.size,
        hits: hits.length,
      }),
    );
  }
  expect(hits.slice(0, 10)).toEqual([]);
});
