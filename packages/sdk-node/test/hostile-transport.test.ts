// Hostile answers over a real socket: random bytes, nesting thousands deep, bodies past
// maxResponseBytes, numbers at the edges, duplicate keys, redirects of every kind, resets
// in the middle of the body and bodies that stall — through both transports (undici and
// fetch). Every call ends, in time, in a result or a typed SignetError; nothing rejects
// unhandled; and no answer is accepted as verified, since this server knows no secret.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bearer,
  dataflux,
  fetchTransport,
  hmacSignature,
  SignetError,
  type Transport,
} from '@signet/sdk-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FUZZING, fuzzParams } from '../../../test/reliability/fuzz-knob.js';
import { createClient, createDataFluxClient, createJitaiClient } from '../src/index.js';

const SECRET = 'transport-secret-4b7d0e91';
const TIMEOUT_MS = 150;
const MAX_BYTES = 64 * 1024;

type Answer =
  | { kind: 'bytes'; status: number; type: string; bytes: Uint8Array }
  | { kind: 'deep'; depth: number; open: string }
  | { kind: 'huge'; size: number; declared: boolean }
  | { kind: 'number'; lexeme: string; signed: boolean }
  | { kind: 'duplicates'; text: string }
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'reset'; after: number }
  | { kind: 'stall'; after: number };

const NUMBERS = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '-0.0',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '0.1e1',
  '1E+2',
  '5e-324',
  '1.7976931348623157e308',
  '01',
  '1.',
  '.5',
  '+1',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
];
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/html',
  'text/plain',
  '',
  'application/problem+json',
  'application/octet-stream',
);
const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    kind: fc.constant('bytes' as const),
    status: fc.constantFrom(200, 201, 400, 401, 404, 429, 500, 502, 503),
    type: contentType,
    bytes: fc.uint8Array({ maxLength: 300 }),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    depth: fc.oneof(
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 990, max: 1010 }),
      fc.constant(5000),
    ),
    open: fc.constantFrom('[', '{"data":', '{"errcode":0,"data":{"data":'),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    size: fc.integer({ min: MAX_BYTES - 2, max: MAX_BYTES * 4 }),
    declared: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    lexeme: fc.constantFrom(...NUMBERS),
    signed: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('duplicates' as const),
    text: fc.constantFrom(
      '{"errcode":0,"errcode":20005,"errmsg":"x","data":{}}',
      '{"errcode":20005,"errcode":0,"data":{"data":1,"timestamp":1,"accessSign":"0"}}',
      '{"ok":true,"ok":false,"error":500,"reason":"EX","message":"m"}',
      '{"ok":false,"ok":true,"data":{"result":1,"result":2}}',
      '{"data":{"data":1,"data":2,"timestamp":1,"timestamp":2,"accessSign":"a","accessSign":"b"}}',
    ),
  }),
  fc.record({
    kind: fc.constant('redirect' as const),
    status: fc.constantFrom(301, 302, 303, 307, 308, 300, 304),
    location: fc.option(
      fc.oneof(
        fc.constantFrom(
          '/api/o/a/services/S/f',
          '/moved',
          'http://evil.example/steal',
          'https://127.0.0.1/x',
          '//evil.example/x',
          'http://[::1',
          ':::',
          '',
        ),
        fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n\0]/g, '')),
      ),
      { nil: undefined },
    ),
  }),
  fc.record({ kind: fc.constant('reset' as const), after: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant('stall' as const), after: fc.integer({ min: 0, max: 50 }) }),
);

let script: Answer[] = [];
let served = 0;
const open = new Set<ServerResponse>();
let server: ReturnType<typeof createServer>;
let base = '';

function envelopeWith(lexeme: string, signed: boolean): string {
  const data = signed
    ? `{"data":${lexeme},"timestamp":${Date.now()},"accessSign":"${'0'.repeat(40)}"}`
    : `{"result":${lexeme}}`;
  return `{"errcode":0,"ok":true,"sysTime":${lexeme},"respTime":"${lexeme}","data":${data}}`;
}

function serve(a: Answer, res: ServerResponse): void {
  const end = (status: number, type: string, body: string | Uint8Array) => {
    res.statusCode = status;
    if (type) res.setHeader('content-type', type);
    res.end(body);
  };
  switch (a.kind) {
    case 'bytes':
      end(a.status, a.type, a.bytes);
      return;
    case 'deep':
      end(
        200,
        'application/json',
        `${a.open.repeat(a.depth)}1${'}'.repeat(a.open === '[' ? 0 : a.depth * (a.open.split('{').length - 1))}${a.open === '[' ? ']'.repeat(a.depth) : ''}`,
      );
      return;
    case 'huge': {
      const body = `{"errcode":0,"data":"${'x'.repeat(a.size)}"}`;
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      if (a.declared) res.setHeader('content-length', String(Buffer.byteLength(body)));
      res.end(body);
      return;
    }
    case 'number':
      end(200, 'application/json', envelopeWith(a.lexeme, a.signed));
      return;
    case 'duplicates':
      end(200, 'application/json', a.text);
      return;
    case 'redirect':
      res.statusCode = a.status;
      if (a.location !== undefined) {
        try {
          res.setHeader('location', a.location);
        } catch {
          // not a legal header value
        }
      }
      res.end();
      return;
    case 'reset': {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-length', '1000');
      res.write(`{"errcode":0,"data":{"data":"${'y'.repeat(a.after)}`);
      setImmediate(() => res.socket?.destroy());
      return;
    }
    case 'stall':
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-length', '1000');
      res.write(`{"errcode":0,"data":"${'z'.repeat(a.after)}`);
      open.add(res);
      return;
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => serve(script[Math.min(served++, script.length - 1)]!, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Case {
  client: 'jitai' | 'dataflux' | 'hmac' | 'bearer';
  transport: 'undici' | 'fetch';
  redirect: 'error' | 'same-origin';
  retry: number;
}
const caseOf = fc.record({
  client: fc.constantFrom('jitai', 'dataflux', 'hmac', 'bearer') as fc.Arbitrary<Case['client']>,
  transport: fc.constantFrom('undici', 'fetch') as fc.Arbitrary<Case['transport']>,
  redirect: fc.constantFrom('error', 'same-origin') as fc.Arbitrary<Case['redirect']>,
  retry: fc.constantFrom(0, 0, 1, 2),
});

/** Clients whose every success would be a verified answer this server cannot make. */
const VERIFIED = new Set(['jitai', 'hmac']);

function call(c: Case): Promise<unknown> {
  const options = {
    timeout: TIMEOUT_MS,
    maxResponseBytes: MAX_BYTES,
    redirect: c.redirect,
    retry: { limit: c.retry, delay: () => 1 },
    env: false as const,
    ...(c.transport === 'fetch' ? { transport: fetchTransport() as Transport } : {}),
  };
  switch (c.client) {
    case 'jitai':
      return createJitaiClient({
        ...options,
        baseUrl: `${base}/api/o/a`,
        accessKey: 'ak',
        accessSecret: SECRET,
      }).call('services.S.f', { a: 1 }, { idempotent: true });
    case 'dataflux':
      return createDataFluxClient({
        ...options,
        baseUrl: base,
        auth: dataflux({ akId: 'id', akSecret: SECRET }),
      }).callFunc('m.f', { x: 1 });
    case 'hmac':
      return createClient({
        ...options,
        baseUrl: base,
        auth: hmacSignature({ keyId: 'k', secret: SECRET, verifyResponses: true }),
      }).request('GET', '/orders');
    case 'bearer':
      return createClient({ ...options, baseUrl: base, auth: bearer(SECRET) }).request(
        'GET',
        '/orders',
      );
  }
}

describe('hostile answers over a real socket', () => {
  test('end in time, in a result or a SignetError; nothing unverified passes as verified', async () => {
    const outcomes: Record<string, number> = { crashes: 0, hangs: 0, forgeries: 0, unhandled: 0 };
    const count = (key: string) => {
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    };
    const unhandled = () => count('unhandled');
    process.on('unhandledRejection', unhandled);
    // A stalled body ends with the attempt's timeout; allow every attempt, and slack.
    const bound = (c: Case) => (c.retry + 1) * TIMEOUT_MS + 2000 * (FUZZING ? 2 : 1);
    try {
      await fc.assert(
        fc.asyncProperty(
          caseOf,
          fc.array(answer, { minLength: 1, maxLength: 3 }),
          async (c, answers) => {
            script = answers;
            served = 0;
            let timer: NodeJS.Timeout | undefined;
            const hang = new Promise<'hang'>((resolve) => {
              timer = setTimeout(() => resolve('hang'), bound(c));
            });
            const settled = await Promise.race([
              call(c).then(
                (value) => ({ value }),
                (error: unknown) => ({ error }),
              ),
              hang,
            ]);
            clearTimeout(timer);
            for (const res of open) res.destroy();
            open.clear();
            if (settled === 'hang') {
              count('hangs');
              throw new Error(`no answer within ${bound(c)} ms: ${JSON.stringify(c)}`);
            }
            if ('error' in settled) {
              if (!(settled.error instanceof SignetError)) {
                count('crashes');
                throw new Error(`not a SignetError: ${String(settled.error)}`, {
                  cause: settled.error,
                });
              }
              expect(`${settled.error.message} ${JSON.stringify(settled.error)}`).not.toContain(
                SECRET,
              );
              count(settled.error.name);
              return;
            }
            if (VERIFIED.has(c.client)) {
              count('forgeries');
              throw new Error(
                `${c.client} accepted an answer nobody signed: ${JSON.stringify(answers).slice(0, 300)}`,
              );
            }
            count('results');
          },
        ),
        fuzzParams(120, outcomes),
      );
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(outcomes).toMatchObject({ crashes: 0, hangs: 0, forgeries: 0, unhandled: 0 });
    for (const name of [
      'SignetDecodeError',
      'SignetHttpError',
      'SignetNetworkError',
      'SignetTimeoutError',
    ]) {
      expect(outcomes[name] ?? 0, name).toBeGreaterThan(0);
    }
  });
});
