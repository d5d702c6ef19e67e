import type { ServerResponse } from 'node:http';
import { jitaiParamStr } from '../../src/jitai/param-str.js';
import { signJitaiResponse } from '../../src/jitai/respond.js';
import { jitaiSign, signJitaiParamStr } from '../../src/jitai/sign.js';
import { parseLossless } from '../../src/json/lossless.js';
import { pyJsonDumps } from '../../src/json/pyjson.js';
import { type SeenRequest, startServer } from './http-server.js';

/**
 * A small, independent JitAi app for the client's integration tests: it verifies
 * requests the way the platform does (Python-parsed body + header timestamp, ±300 s,
 * 20005 "Authentication failed" on HTTP 200, the debug-mode quirk) and signs responses.
 * The testing kit has the full emulator; this one stays minimal and readable.
 */
export interface MiniJitaiOptions {
  accessKey: string;
  accessSecret: string;
  /** api → implementation (args tree as plain JSON values). */
  /** api → implementation; args arrive as the lossless tree Python would parse. */
  services: Record<string, (args: Record<string, unknown>) => unknown>;
  /** APIs answered to `Authorization: Bearer <token>` instead of signatures. */
  bearer?: { token: string; apis: string[] };
}

export interface MiniJitai {
  url: string;
  baseUrl: string;
  seen: SeenRequest[];
  /** Server clock = local + offset. */
  clockOffsetMs: number;
  tamper: boolean;
  /** Next N answers are this raw response instead. */
  override: Array<(res: ServerResponse) => void>;
  close(): Promise<void>;
}

export async function startMiniJitai(options: MiniJitaiOptions): Promise<MiniJitai> {
  const state = {
    clockOffsetMs: 0,
    tamper: false,
    override: [] as Array<(res: ServerResponse) => void>,
  };
  let served = 0;
  const server = await startServer((req, res) => {
    served++;
    const next = state.override.shift();
    if (next) return next(res);
    const now = Date.now() + state.clockOffsetMs;
    const api = req.url.replace(/^\/api\/org\/app\//, '').replace(/\//g, '.');
    const reply = (envelope: Record<string, unknown>, extra = '') => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('date', new Date(now).toUTCString());
      const head = `{"errcode": ${envelope.errcode}, "errmsg": ${JSON.stringify(envelope.errmsg ?? null)}, "requestId": "r-${served}", "sysTime": ${now}, "duration": 1`;
      res.end(`${head}${extra}}`);
    };
    const fail = (errmsg: string, extra = '') => reply({ errcode: 20005, errmsg }, extra);
    const impl = options.services[api];
    if (!impl) return reply({ errcode: 40004, errmsg: `no such api ${api}` });
    const body = parseLossless(req.body || '{}') as Record<string, unknown>;
    if (options.bearer?.apis.includes(api)) {
      if (req.headers.authorization !== `Bearer ${options.bearer.token}`)
        return fail('Authentication failed');
      const result = impl(body);
      return reply({ errcode: 0 }, `, "data": ${pyJsonDumps(result)}`);
    }
    const timestamp = Number(req.headers.timestamp);
    if (req.headers.accesskey !== options.accessKey) return fail('accessKey not found');
    if (req.headers.debug === '1') {
      // The platform's quirk: in debug mode it hashes the *masked* paramStr.
      const masked = jitaiParamStr(body, {
        timestamp,
        secret: options.accessSecret,
        masked: true,
      });
      const ok = signJitaiParamStr(masked) === req.headers.accesssign;
      const extra = `, "respExtraData": {"apiAuthDebug": {"paramStr": ${JSON.stringify(masked)}}}`;
      if (!ok) return fail('Authentication failed', extra);
    }
    if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > 300_000) {
      return fail('Authentication failed: timestamp expired');
    }
    if (jitaiSign(body, { timestamp, secret: options.accessSecret }) !== req.headers.accesssign) {
      return fail('Authentication failed');
    }
    const result = impl(body);
    const signed = signJitaiResponse(result, { secret: options.accessSecret, timestamp: now });
    // Flip the last hex digit (a fixed "0" would be no change one time in 16).
    const last = signed.accessSign.endsWith('0') ? '1' : '0';
    const sign = state.tamper ? `${signed.accessSign.slice(0, -1)}${last}` : signed.accessSign;
    reply(
      { errcode: 0 },
      `, "data": {"data": ${pyJsonDumps(result)}, "timestamp": ${now}, "accessSign": "${sign}"}`,
    );
  });
  const mini: MiniJitai = {
    url: server.url,
    baseUrl: `${server.url}/api/org/app`,
    seen: server.seen,
    get clockOffsetMs() {
      return state.clockOffsetMs;
    },
    set clockOffsetMs(v: number) {
      state.clockOffsetMs = v;
    },
    get tamper() {
      return state.tamper;
    },
    set tamper(v: boolean) {
      state.tamper = v;
    },
    override: state.override,
    close: server.close,
  };
  return mini;
}
