// Whatever a server (or whoever sits on the path) answers, a call ends in a result or a
// SignetError: never a TypeError, a RangeError or an unhandled rejection, and never a
// message that holds a secret. The transport is a fetch answering random statuses,
// headers and bodies, many of them shaped like the platforms' envelopes, mixed with
// answers that are right for the request (signed with the secret, bound to its nonce),
// so that every case also reaches success and each of the failures it names: a minimum
// count per outcome is asserted, or a case could pass without testing what it says.
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
  jitaiSign,
  type LosslessObject,
  parseLossless,
  pyJsonDumps,
  remoteSigner,
  SignetError,
  SignetSignatureError,
  signHmacResponse,
  signJitaiResponse,
  verifyJitaiData,
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

type Scripted = { status: number; body: string; headers: Record<string, string> };
/** A fixed answer, or one computed from the request it answers (a valid signature). */
type Answer = Scripted | ((request: Request) => Scripted);

/** A fetch that answers each request with the next of `answers` (then repeats the last). */
function scripted(answers: readonly Answer[]): typeof fetch {
  let i = 0;
  return async (input, init) => {
    const next = answers[Math.min(i++, answers.length - 1)]!;
    const a = typeof next === 'function' ? next(new Request(input, init)) : next;
    const noBody = a.status === 204 || a.status === 205 || a.status === 304;
    return new Response(noBody ? null : a.body, { status: a.status, headers: a.headers });
  };
}

const JSON_TYPE = { 'content-type': 'application/json' };
/** Results a server could send, as JSON text Python and Node agree on. */
const result = fc.jsonValue({ maxDepth: 2 }).filter((value) => {
  try {
    pyJsonDumps(value);
    return true;
  } catch {
    return false;
  }
});

/**
 * A JitAi envelope signed with the secret, with the server's clock at answer time (moved
 * by `skewMs`); `tamper` changes one digit of the signature.
 */
const signedJitai = (value: unknown, skewMs = 0, tamper = false): Answer => {
  return () => {
    const timestamp = Date.now() + skewMs;
    const signed = signJitaiResponse(value, { secret: SECRET, timestamp }).accessSign;
    const accessSign = tamper ? `${signed[0] === '0' ? '1' : '0'}${signed.slice(1)}` : signed;
    return {
      status: 200,
      headers: JSON_TYPE,
      body: `{"errcode": 0, "errmsg": null, "requestId": "r", "sysTime": ${timestamp}, "data": {"data": ${pyJsonDumps(value)}, "timestamp": ${timestamp}, "accessSign": "${accessSign}"}}`,
    };
  };
};
/** A platform failure envelope, as JitAi sends them (HTTP 200). */
const jitaiFailure = fc
  .record({ errcode: fc.constantFrom(20005, 40004, 50000), errmsg: fc.string({ maxLength: 20 }) })
  .map(
    (e): Scripted => ({
      status: 200,
      headers: JSON_TYPE,
      body: JSON.stringify({ ...e, requestId: 'r', sysTime: Date.now(), data: {} }),
    }),
  );
/**
 * Well-formed answers to a JitAi call: signed right (in the window, or just outside it),
 * tampered, or a platform failure.
 */
const validJitai = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    {
      arbitrary: fc
        .tuple(value, fc.constantFrom(0, 0, 0, 120_000, -120_000, 400_000), fc.boolean())
        .map(([v, skew, tamper]) => [signedJitai(v, skew, tamper && skew === 0)]),
      weight: 3,
    },
    { arbitrary: jitaiFailure.map((a) => [a]), weight: 1 },
  );
const authDetails = fc.array(
  fc.record({
    title: fc.string({ maxLength: 8 }),
    fullName: fc.constantFrom('services.OrderSvc', 'services.X'),
    functionList: fc.array(
      fc.record({
        name: fc.constantFrom('query', 'list'),
        title: fc.string({ maxLength: 8 }),
        args: fc.array(
          fc.record({
            name: fc.constant('id'),
            title: fc.string(),
            dataType: fc.constant('Stext'),
          }),
          { maxLength: 2 },
        ),
        returnType: fc.constant('JitDict'),
        desc: fc.string({ maxLength: 8 }),
      }),
      { maxLength: 2 },
    ),
  }),
  { maxLength: 2 },
);
const dataFluxOk = (data: unknown): Scripted => ({
  status: 200,
  headers: JSON_TYPE,
  body: JSON.stringify({ ok: true, error: 200, message: '', data, traceId: 't' }),
});
/** A well-formed DataFlux failure envelope (any route), as the server sends them. */
const dataFluxFailure = fc
  .record({
    status: fc.constantFrom(400, 401, 403, 404, 429, 599),
    reason: fc.constantFrom('EClientBadRequest', 'EAPIAuth', 'EClientNotFound', 'EFuncFailed'),
    message: fc.string({ maxLength: 20 }),
    detail: fc.oneof(fc.constant(null), fc.record({ waitSeconds: fc.nat(9) })),
  })
  .map(
    ({ status, reason, message, detail }): Scripted => ({
      status,
      headers: JSON_TYPE,
      body: JSON.stringify({ ok: false, error: status + 0.5, reason, message, detail, status }),
    }),
  );
const digestChallenge: Scripted = {
  status: 401,
  headers: {
    ...JSON_TYPE,
    'www-authenticate': 'Digest realm="SyncAPI:api", nonce="n-1", opaque="o", qop="auth"',
  },
  body: '{"ok":false,"error":401.99,"reason":"EAPIAuth","message":"HTTP Digest Auth failed"}',
};
/** A generic-profile response signed for the request's own nonce. */
const signedHmac =
  (value: unknown): Answer =>
  (request) => {
    const body = JSON.stringify(value);
    const signed = signHmacResponse(
      {
        status: 200,
        body,
        requestNonce: request.headers.get('x-signet-nonce') ?? '',
        now: Date.now(),
      },
      { keyId: 'k', secret: SECRET },
    );
    return { status: 200, headers: { ...JSON_TYPE, ...signed.headers }, body };
  };

/** Hostile scripts and well-formed ones, half and half, for one caller. */
const scripts = (valid: fc.Arbitrary<Answer[]>) =>
  fc.oneof(fc.array(answer, { minLength: 1, maxLength: 3 }), valid);

/** What a signer endpoint does with a secret: signs validly, verifies for real. */
function inProcessSigner(stats: { sign: number; verify: number; verified: number }) {
  const reply = (body: unknown) => new Response(JSON.stringify(body), { headers: JSON_TYPE });
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const payload = JSON.parse(await new Request(input, init).text());
    if (payload.op === 'sign') {
      stats.sign++;
      const timestamp = Date.now();
      const args = parseLossless(payload.bodyText) as LosslessObject;
      const accessSign = jitaiSign(args, { timestamp, secret: SECRET });
      return reply({ headers: { accessKey: 'ak', timestamp: String(timestamp), accessSign } });
    }
    stats.verify++;
    try {
      verifyJitaiData(parseLossless(payload.dataText), { secret: SECRET, now: Date.now() });
      stats.verified++;
      return reply({ ok: true });
    } catch (error) {
      const e = error as SignetError & { problem?: string };
      return reply({ ok: false, error: { name: e.name, message: e.message, problem: e.problem } });
    }
  }) as typeof fetch;
}

/** Options every client here shares: no retries, a short timeout, the scripted fetch. */
const base = (fetchFn: typeof fetch) =>
  ({ allowInsecureHttp: true, retry: 0, timeout: 2000, fetch: fetchFn }) as const;
const JITAI = 'http://127.0.0.1:9/api/o/a';
const DATAFLUX = 'http://127.0.0.1:9';
const localJitai = (f: typeof fetch) =>
  createJitaiClient({ ...base(f), baseUrl: JITAI, accessKey: 'ak', accessSecret: SECRET });
const signerStats = { sign: 0, verify: 0, verified: 0 };

interface FuzzCase {
  call: (fetchFn: typeof fetch) => Promise<unknown>;
  /** Well-formed answer scripts: right ones, and the platform's own failures. */
  valid: fc.Arbitrary<Answer[]>;
  /** The least number of runs (of 250) that must end in each outcome. */
  atLeast: Record<string, number>;
  /** Checked after the runs (counters of servers the case talks to). */
  after?: () => void;
}

const cases: Record<string, FuzzCase> = {
  'jitai (local signing, verified responses)': {
    call: (f) => localJitai(f).call('services.S.f', { a: 1 }),
    valid: validJitai(result),
    atLeast: {
      ok: 20,
      SignetSignatureError: 15,
      SignetApiError: 15,
      SignetHttpError: 25,
      SignetDecodeError: 12,
    },
  },
  // The signer is real (signs with the secret, verifies with it); the API is fuzzed.
  'jitai (remoteSigner, remote verification)': {
    call: (f) =>
      createJitaiClient({
        ...base(f),
        baseUrl: JITAI,
        auth: remoteSigner({
          endpoint: 'http://127.0.0.1:9/sign',
          fetch: inProcessSigner(signerStats),
        }),
      }).call('services.S.f', { a: 1 }),
    valid: validJitai(result),
    atLeast: {
      ok: 20,
      SignetSignatureError: 15,
      SignetApiError: 15,
      SignetHttpError: 25,
      SignetDecodeError: 12,
    },
    after: () => {
      // Every run was signed by the signer; replies went back to it and it judged both ways.
      expect(signerStats.sign).toBeGreaterThanOrEqual(250);
      expect(signerStats.verified).toBeGreaterThanOrEqual(20);
      expect(signerStats.verify - signerStats.verified).toBeGreaterThanOrEqual(10);
    },
  },
  'jitai getAuthDetails': {
    call: (f) => localJitai(f).getAuthDetails(),
    valid: fc.oneof(
      { arbitrary: validJitai(authDetails), weight: 3 },
      { arbitrary: validJitai(result), weight: 1 },
    ),
    atLeast: {
      ok: 15,
      SignetSignatureError: 15,
      SignetApiError: 12,
      SignetHttpError: 25,
      SignetDecodeError: 15,
    },
  },
  'dataflux callFunc (AK/SK)': {
    call: (f) =>
      createDataFluxClient({
        ...base(f),
        baseUrl: DATAFLUX,
        auth: dataflux({ akId: 'id', akSecret: SECRET }),
      }).callFunc('m.f', { x: 1 }),
    valid: fc.oneof(
      result.map((v) => [dataFluxOk({ result: v })]),
      dataFluxFailure.map((a) => [a]),
    ),
    atLeast: { ok: 20, SignetApiError: 20, SignetHttpError: 30, SignetDecodeError: 10 },
  },
  'dataflux sync (Digest)': {
    call: (f) =>
      createDataFluxClient({
        ...base(f),
        baseUrl: DATAFLUX,
        auth: digest({ username: 'u', password: SECRET }),
      }).sync('api', { x: 1 }),
    valid: fc.oneof(
      result
        .filter((v) => v !== null)
        .map((v) => [
          digestChallenge,
          { status: 200, headers: JSON_TYPE, body: JSON.stringify(v) } satisfies Scripted,
        ]),
      dataFluxFailure.map((a) => [digestChallenge, a]),
    ),
    atLeast: { ok: 30, SignetApiError: 20, SignetHttpError: 30 },
  },
  'dataflux async (Basic)': {
    call: (f) =>
      createDataFluxClient({
        ...base(f),
        baseUrl: DATAFLUX,
        auth: basic({ username: 'u', password: SECRET }),
      }).async('api', { x: 1 }),
    valid: fc.oneof(
      fc.constant<Answer[]>([dataFluxOk({ id: 'task-1' })]),
      dataFluxFailure.map((a) => [a]),
    ),
    atLeast: { ok: 20, SignetApiError: 20, SignetHttpError: 30, SignetDecodeError: 12 },
  },
  'generic (HMAC, verified responses)': {
    call: (f) =>
      createClient({
        ...base(f),
        baseUrl: DATAFLUX,
        auth: hmacSignature({ keyId: 'k', secret: SECRET, verifyResponses: true }),
      }).request('POST', '/orders', { json: { id: 1 } }),
    valid: result.map((v) => [signedHmac(v)]),
    atLeast: { ok: 40, SignetSignatureError: 12, SignetHttpError: 25 },
  },
};

describe('hostile responses end in a result or a SignetError', () => {
  test.each(Object.keys(cases))('%s', async (name) => {
    const fuzz = cases[name]!;
    Object.assign(signerStats, { sign: 0, verify: 0, verified: 0 });
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(scripts(fuzz.valid), async (answers) => {
        let error: unknown;
        try {
          await fuzz.call(scripted(answers));
        } catch (e) {
          error = e;
        }
        const outcome = error === undefined ? 'ok' : ((error as Error).name ?? 'unknown');
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (error === undefined) return;
        if (!(error instanceof SignetError)) {
          throw new Error(`not a SignetError: ${String(error)}`, { cause: error });
        }
        expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(SECRET);
        if (error instanceof SignetSignatureError) expect(error.problem).toBeTypeOf('string');
      }),
      fuzzParams(250),
    );
    const short = Object.entries(fuzz.atLeast).filter(([o, n]) => (outcomes[o] ?? 0) < n);
    expect(short, `outcomes of 250 runs: ${JSON.stringify(outcomes)}`).toEqual([]);
    fuzz.after?.();
  });
});
