import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { dataFluxSign } from '../../../../test/reference/dataflux.js';
import { type SeenRequest, startServer } from './http-server.js';

/**
 * A small DataFlux Func for the client's integration tests, following PROTOCOLS §2 as
 * observed on a real 5.0.0 server: AK/SK signatures checked on every route that carries
 * `X-Dff-Ak-Id` (a nonce store, ±900 s), Sync APIs whose success is NOT wrapped, strict
 * field validation of the normal format, fixed-field / Basic / Digest auth, and the
 * `{ok:false,…}` error envelope. Signatures are checked with `test/reference/dataflux.ts`
 * (jsonDumps written again from PROTOCOLS, checked against the shared vectors) and Digest
 * with node:crypto and the server's own `key=value` reader: none of signet's code.
 */
export type SyncAuth =
  | { type: 'fixedField'; location: 'header' | 'query' | 'body'; name: string; value: string }
  | { type: 'httpBasic'; username: string; password: string }
  | { type: 'httpDigest'; username: string; password: string };

export interface MiniDataFluxOptions {
  akId: string;
  akSecret: string;
  funcs: Record<string, (kwargs: Record<string, unknown>) => unknown>;
  syncApis: Record<string, { func: string; auth?: SyncAuth }>;
}

export interface MiniDataFlux {
  url: string;
  seen: SeenRequest[];
  /** Every AK/SK check: the request target and the verdict ('ok' or the message sent). */
  akChecks: { url: string; verdict: string }[];
  clockOffsetMs: number;
  /** A frozen server clock (Unix ms) instead of local + offset, when set. */
  frozenNow: number | undefined;
  /** The akSecret the server holds for `akId` (vector cases bring their own). */
  akSecret: string;
  override: Array<(res: ServerResponse) => void>;
  close(): Promise<void>;
}

const reasons: Record<number, string> = {
  400.43: 'EClientBadRequest',
  401.14: 'EUserAuth',
  401.99: 'EAPIAuth',
  404.41: 'EClientNotFound',
  429.46: 'EClientRateLimit',
  599.1: 'EFuncFailed',
};

export async function startMiniDataFlux(options: MiniDataFluxOptions): Promise<MiniDataFlux> {
  const nonces = new Set<string>();
  const digestNonces = new Set<string>();
  const akChecks: MiniDataFlux['akChecks'] = [];
  const state = {
    clockOffsetMs: 0,
    frozenNow: undefined as number | undefined,
    akSecret: options.akSecret,
    override: [] as Array<(res: ServerResponse) => void>,
  };

  const server = await startServer((req, res) => {
    const next = state.override.shift();
    if (next) return next(res);
    const now = state.frozenNow ?? Date.now() + state.clockOffsetMs;
    const traceId = (req.headers['x-trace-id'] as string | undefined) ?? `TRACE-${randomUUID()}`;
    res.setHeader('x-trace-id', traceId);
    res.setHeader('date', new Date(now).toUTCString());
    const send = (status: number, contentType: string, text: string) => {
      res.statusCode = status;
      res.setHeader('content-type', contentType);
      res.end(text);
    };
    const fail = (
      status: number,
      code: number,
      message: string,
      detail: unknown = null,
      headers: Record<string, string> = {},
    ) => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      send(
        status,
        'application/json',
        `{"ok":false,"error":${code},"reason":"${reasons[code]}","message":${JSON.stringify(message)},"detail":${JSON.stringify(detail)},"status":${status},"reqDump":{"method":"${req.method}","url":${JSON.stringify(req.url)}},"traceId":"${traceId}","reqTime":"${new Date(now).toISOString()}","respTime":"${new Date(now).toISOString()}","reqCost":1}`,
      );
    };
    const ok = (data: unknown) =>
      send(
        200,
        'application/json',
        `{"ok":true,"error":200,"message":"","data":${JSON.stringify(data)},"traceId":"${traceId}","clientTime":null,"reqTime":"${new Date(now).toISOString()}","respTime":"${new Date(now).toISOString()}","reqCost":1}`,
      );

    const url = new URL(req.url, 'http://x');
    const isJson = /^application\/json/.test(String(req.headers['content-type'] ?? ''));
    let body: Record<string, unknown> = {};
    try {
      body = isJson && req.body ? JSON.parse(req.body) : {};
    } catch {
      return fail(400, 400.43, 'Invalid request body');
    }

    const h = (n: string) => req.headers[n] as string | undefined;
    if (h('x-dff-ak-id') !== undefined) {
      const verdict = checkAkSk(req, body, isJson, now);
      akChecks.push({ url: req.url, verdict });
      if (verdict !== 'ok') return fail(401, 401.14, verdict);
    }
    const func = /^\/api\/v1\/(func|async)\/([^/]+)$/.exec(url.pathname);
    if (func) {
      const id = decodeURIComponent(func[2]!);
      if (h('x-dff-ak-id') === undefined) return fail(401, 401.14, 'Access Key is missing');
      if (func[1] === 'async') return ok({ id: `task-${randomUUID().replace(/-/g, '')}` });
      const impl = options.funcs[id];
      if (!impl) return fail(404, 404.41, 'No such Func');
      return ok({ result: impl((body.kwargs ?? {}) as Record<string, unknown>) });
    }

    const sync = /^\/api\/v1\/sync\/([^/]+)(\/s|\/simplified)?$/.exec(url.pathname);
    if (!sync) return fail(404, 404.41, 'No such data');
    const api = options.syncApis[decodeURIComponent(sync[1]!)];
    if (!api) return fail(404, 404.41, 'No such Sync API');
    const simplified = sync[2] !== undefined;
    const query = Object.fromEntries(url.searchParams);
    const auth = api.auth;
    if (auth?.type === 'fixedField') {
      const got =
        auth.location === 'header'
          ? req.headers[auth.name.toLowerCase()]
          : auth.location === 'query'
            ? query[auth.name]
            : body[auth.name];
      if (got !== auth.value) return fail(401, 401.99, 'Fixed Field Auth failed');
      if (auth.location === 'query') delete query[auth.name];
      if (auth.location === 'body') delete body[auth.name];
    } else if (auth?.type === 'httpBasic') {
      const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return fail(401, 401.99, 'HTTP Basic Auth failed', null, {
          'WWW-Authenticate': `Basic realm="SyncAPI:${sync[1]}"`,
        });
      }
    } else if (auth?.type === 'httpDigest') {
      const realm = `SyncAPI:${sync[1]}`;
      const a = req.headers.authorization;
      const p = a?.startsWith('Digest ') ? readDigestFields(a.slice(7)) : undefined;
      const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
      const valid =
        p !== undefined &&
        digestNonces.has(p.nonce ?? '') &&
        p.username === auth.username &&
        p.response ===
          md5(
            [
              md5(`${auth.username}:${realm}:${auth.password}`),
              p.nonce,
              p.nc,
              p.cnonce,
              'auth',
              md5(`${req.method}:${p.uri}`),
            ].join(':'),
          );
      if (!valid) {
        const nonce = randomUUID();
        digestNonces.add(nonce);
        return fail(401, 401.99, 'HTTP Digest Auth failed', null, {
          'WWW-Authenticate': `Digest realm="${realm}", nonce="${nonce}", opaque="DataFlux Func Love You!", qop="auth"`,
        });
      }
    }

    let kwargs: Record<string, unknown>;
    let opts: Record<string, unknown> = {};
    if (simplified) kwargs = req.method === 'GET' ? query : body;
    else {
      const fields = req.method === 'GET' ? query : body;
      const unexpected = Object.keys(fields).find((k) => k !== 'kwargs' && k !== 'options');
      if (unexpected) {
        return fail(
          400,
          400.43,
          `Invalid request ${req.method === 'GET' ? 'query' : 'body'}`,
          `Found unexpected field \`${unexpected}\``,
        );
      }
      const raw =
        req.method === 'GET' ? JSON.parse((query.kwargs as string) ?? '{}') : (body.kwargs ?? {});
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return fail(400, 400.43, 'Invalid request body', '`kwargs` must be an object');
      kwargs = raw as Record<string, unknown>;
      opts = (
        req.method === 'GET' ? JSON.parse((query.options as string) ?? '{}') : (body.options ?? {})
      ) as Record<string, unknown>;
      const badOption = Object.keys(opts).find((k) => k !== 'returnType');
      if (badOption)
        return fail(
          400,
          400.43,
          'Invalid request body',
          `Found unexpected field \`options.${badOption}\``,
        );
    }
    const impl = options.funcs[api.func]!;
    let result: unknown;
    try {
      result = impl(kwargs);
    } catch (error) {
      return fail(599, 599.1, 'Func failed', { exception: String(error), traceback: '...' });
    }
    // The server sends `returnValue || null` through Express `res.send` (PROTOCOLS §2).
    const value = result || null;
    if (opts.returnType === 'jsonDumps')
      return send(200, 'text/html; charset=utf-8', JSON.stringify(value));
    if (value === null) {
      res.statusCode = 200;
      res.end();
      return;
    }
    if (typeof value === 'string' || typeof value === 'number')
      return send(200, 'text/html; charset=utf-8', String(value));
    send(200, 'application/json', JSON.stringify(value));
  });

  /** 'ok', or the server's message for a bad Access Key request. */
  function checkAkSk(req: SeenRequest, body: unknown, parsed: boolean, now: number): string {
    const h = (n: string) => req.headers[n] as string | undefined;
    const [id, timestamp, nonce, sign] = [
      h('x-dff-ak-id'),
      h('x-dff-ak-timestamp'),
      h('x-dff-ak-nonce'),
      h('x-dff-ak-sign'),
    ];
    if (!id || !timestamp || !nonce || !sign) return 'Access Key is missing';
    if (id !== options.akId) return 'Invalid Access Key';
    if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - now / 1000) > 900) {
      return 'Invalid Access Key timestamp';
    }
    if (nonces.has(nonce)) return 'Invalid Access Key nonce';
    const expected = dataFluxSign({
      method: req.method,
      pathWithQuery: req.url,
      timestamp,
      nonce,
      body,
      akSecret: state.akSecret,
      parsed,
    });
    if (
      expected.length !== sign.length ||
      !timingSafeEqual(Buffer.from(expected), Buffer.from(sign))
    ) {
      return 'Invalid Access Key sign';
    }
    nonces.add(nonce);
    return 'ok';
  }

  return {
    url: server.url,
    seen: server.seen,
    akChecks,
    get clockOffsetMs() {
      return state.clockOffsetMs;
    },
    set clockOffsetMs(v: number) {
      state.clockOffsetMs = v;
    },
    get frozenNow() {
      return state.frozenNow;
    },
    set frozenNow(v: number | undefined) {
      state.frozenNow = v;
    },
    get akSecret() {
      return state.akSecret;
    },
    set akSecret(v: string) {
      state.akSecret = v;
    },
    override: state.override,
    close: server.close,
  };
}

/** The server's Authorization reader: `key="value"` and `key=token` pairs, nothing else. */
function readDigestFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g))
    fields[m[1]!] = m[2] ?? m[3] ?? '';
  return fields;
}
