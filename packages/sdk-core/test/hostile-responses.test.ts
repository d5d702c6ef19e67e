// Whatever a server (or whoever sits on the path) answers, a call ends in a result or a
// SignetError: never a TypeError, a RangeError or an unhandled rejection, and never a
// message that holds a secret. The transport is a fetch answering random statuses,
// headers and bodies, many of them shaped like the platforms' envelopes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzParams } from '../../../test/reliability/fuzz-knob.js';
import {
  basic,
  createClient,
  createDataFluxClient,
  createJitaiClient,
  dataflux,
  digest,
  hmacSignature,
  remoteSigner,
  SignetError,
} from '../src';

const SECRET = 'hostile-secret-7c1e9a55d02b';

/** JSON-ish values with the platforms' field names, of every type. */
const field = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.bigInt().map((n) => ({ toJSON: () => n.toString() })),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
);
const envelope = fc.record(
  {
    errcode: fc.oneof(fc.integer({ min: -1, max: 50_000 }), field),
    errmsg: field,
    ok: field,
    error: field,
    reason: field,
    message: field,
    detail: field,
    data: fc.oneof(
      field,
      fc.record(
        {
          data: field,
          timestamp: fc.oneof(fc.constant(Date.now()), field),
          accessSign: fc.oneof(
            fc.string({
              unit: fc.constantFrom(...'0123456789abcdef'),
              minLength: 40,
              maxLength: 40,
            }),
            field,
          ),
          result: field,
          id: field,
        },
        { requiredKeys: [] },
      ),
    ),
    sysTime: field,
    respTime: field,
    reqCost: field,
    traceId: field,
  },
  { requiredKeys: [] },
);
/** What a signer endpoint could answer, right or wrong. */
const signerAnswer = fc.record(
  {
    headers: fc.oneof(
      fc.record({ accessKey: field, timestamp: field, accessSign: field }, { requiredKeys: [] }),
      field,
    ),
    ok: field,
    error: fc.oneof(fc.record({ name: field, message: field, problem: field }), field),
  },
  { requiredKeys: [] },
);
/** A body: an envelope, its text cut or corrupted, JSON of another shape, or junk. */
const bodyText = fc.oneof(
  signerAnswer.map((a) => JSON.stringify(a)),
  envelope.map((e) => JSON.stringify(e)),
  fc
    .tuple(
      envelope.map((e) => JSON.stringify(e)),
      fc.nat(),
    )
    .map(([t, n]) => t.slice(0, n % (t.length + 1))),
  fc.json(),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', '<html>502 Bad Gateway</html>', '{"errcode":', 'null', '[]', '1e999', '"'),
  fc.constantFrom('{"a":1}{"b":2}', '\ufeff{"errcode":0,"data":{}}', '{"data":{"data":1}}'),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, '')),
  fc.constantFrom(
    'Digest realm="r", nonce="n", qop="auth"',
    'Digest realm="r", nonce="n", algorithm=SHA-512-256, qop="auth-int"',
    'Digest realm="r", nonce="n", stale=true',
    'Digest nonce=',
    'Basic realm="x"',
    'Digest realm="r", nonce="n", qop="auth", algorithm="MD5", opaque="o", userhash=true',
    'Thu, 01 Jan 1970 00:00:00 GMT',
    'Sun, 06 Nov 2094 08:49:37 GMT',
    'not a date',
    'application/json',
    'text/html',
    'application/json; charset=latin1',
  ),
);
const answer = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 401, 403, 404, 429, 500, 502),
    fc.integer({ min: 200, max: 599 }),
  ),
  body: bodyText,
  headers: fc.dictionary(
    fc.constantFrom(
      'content-type',
      'www-authenticate',
      'date',
      'retry-after',
      'x-signet-timestamp',
      'x-signet-signature',
      'x-signet-content-sha256',
      'authentication-info',
    ),
    headerValue,
    { maxKeys: 4 },
  ),
});

type Answer = { status: number; body: string; headers: Record<string, string> };

/** A fetch that answers each request with the next of `answers` (then repeats the last). */
function scripted(answers: Answer[]): typeof fetch {
  let i = 0;
  return async () => {
    const a = answers[Math.min(i++, answers.length - 1)]!;
    const noBody = a.status === 204 || a.status === 205 || a.status === 304;
    return new Response(noBody ? null : a.body, { status: a.status, headers: a.headers });
  };
}

/** Options every client here shares: no retries, a short timeout, the scripted fetch. */
const base = (fetchFn: typeof fetch) =>
  ({ allowInsecureHttp: true, retry: 0, timeout: 2000, fetch: fetchFn }) as const;
const JITAI = 'http://127.0.0.1:9/api/o/a';
const DATAFLUX = 'http://127.0.0.1:9';
const localJitai = (f: typeof fetch) =>
  createJitaiClient({ ...base(f), baseUrl: JITAI, accessKey: 'ak', accessSecret: SECRET });

const callers: Record<string, (fetchFn: typeof fetch) => Promise<unknown>> = {
  'jitai (local signing, verified responses)': (f) => localJitai(f).call('services.S.f', { a: 1 }),
  // The signer endpoint answers from the same script as the API: headers of every type,
  // verdicts, refusals, junk.
  'jitai (remoteSigner, remote verification)': (f) =>
    createJitaiClient({
      ...base(f),
      baseUrl: JITAI,
      auth: remoteSigner({ endpoint: 'http://127.0.0.1:9/sign', fetch: f }),
    }).call('services.S.f', { a: 1 }),
  'jitai getAuthDetails': (f) => localJitai(f).getAuthDetails(),
  'dataflux callFunc (AK/SK)': (f) =>
    createDataFluxClient({
      ...base(f),
      baseUrl: DATAFLUX,
      auth: dataflux({ akId: 'id', akSecret: SECRET }),
    }).callFunc('m.f', { x: 1 }),
  'dataflux sync (Digest)': (f) =>
    createDataFluxClient({
      ...base(f),
      baseUrl: DATAFLUX,
      auth: digest({ username: 'u', password: SECRET }),
    }).sync('api', { x: 1 }),
  'dataflux async (Basic)': (f) =>
    createDataFluxClient({
      ...base(f),
      baseUrl: DATAFLUX,
      auth: basic({ username: 'u', password: SECRET }),
    }).async('api', { x: 1 }),
  'generic (HMAC, verified responses)': (f) =>
    createClient({
      ...base(f),
      baseUrl: DATAFLUX,
      auth: hmacSignature({ keyId: 'k', secret: SECRET, verifyResponses: true }),
    }).request('POST', '/orders', { json: { id: 1 } }),
};

describe('hostile responses end in a result or a SignetError', () => {
  test.each(Object.keys(callers))('%s', async (name) => {
    const call = callers[name]!;
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), async (answers) => {
        let error: unknown;
        try {
          await call(scripted(answers as Answer[]));
        } catch (e) {
          error = e;
        }
        if (error === undefined) return;
        if (!(error instanceof SignetError)) {
          throw new Error(`not a SignetError: ${String(error)}`, { cause: error });
        }
        expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(SECRET);
      }),
      fuzzParams(250),
    );
  });
});
