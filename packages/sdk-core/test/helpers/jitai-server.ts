import type { ServerResponse } from 'node:http';
import {
  joinParts,
  maskedParamStr,
  responseSign,
  serverParamStr,
  signParamStr,
} from '../../../../test/reference/jitai.js';
import {
  type PyDict,
  type PyValue,
  pyDumps,
  pyLoads,
} from '../../../../test/reference/python-json.js';
import { type SeenRequest, startServer } from './http-server.js';

/**
 * A small JitAi app for the client's integration tests. It verifies requests the way the
 * platform does (Python-parsed body + header timestamp, ±300 s, 20005 "Authentication
 * failed" on HTTP 200, the debug-mode quirk) and signs responses — all through
 * `test/reference/` (a Python json and the JitAi recipe written again from PROTOCOLS,
 * checked against the shared vectors), never through signet's own code. So a call it
 * accepts was signed as the protocol says, not merely as signet computes it. The
 * testing kit has the full emulator; this one stays minimal and readable.
 */
export interface MiniJitaiOptions {
  accessKey: string;
  accessSecret: string;
  /**
   * api → implementation. Args arrive as Python parsed them (top-level keys of a plain
   * object; numbers as PyInt/PyFloat, nested objects as Maps); the result is written with
   * `pyDumps` (an integral JS number is an int, `pyFloat('1.0')` a float).
   */
  services: Record<string, (args: Record<string, PyValue>) => unknown>;
  /** APIs answered to `Authorization: Bearer <token>` instead of signatures. */
  bearer?: { token: string; apis: string[] };
}

export interface MiniJitai {
  url: string;
  baseUrl: string;
  seen: SeenRequest[];
  /** Server clock = local + offset. */
  clockOffsetMs: number;
  /** A frozen server clock (Unix ms) instead of local + offset, when set. */
  frozenNow: number | undefined;
  /** Which accessSecret the server holds for the key (vector cases bring their own). */
  accessSecret: string;
  tamper: boolean;
  /** Next N answers are this raw response instead. */
  override: Array<(res: ServerResponse) => void>;
  close(): Promise<void>;
}

export async function startMiniJitai(options: MiniJitaiOptions): Promise<MiniJitai> {
  const state = {
    clockOffsetMs: 0,
    frozenNow: undefined as number | undefined,
    accessSecret: options.accessSecret,
    tamper: false,
    override: [] as Array<(res: ServerResponse) => void>,
  };
  let served = 0;
  const server = await startServer((req, res) => {
    served++;
    const next = state.override.shift();
    if (next) return next(res);
    const now = state.frozenNow ?? Date.now() + state.clockOffsetMs;
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
    let body: PyDict;
    try {
      const parsed = pyLoads(req.body || '{}');
      if (!(parsed instanceof Map)) throw new SyntaxError('not an object');
      body = parsed;
    } catch (error) {
      return reply({ errcode: 40000, errmsg: `Invalid request body: ${(error as Error).message}` });
    }
    const args = Object.fromEntries(body) as Record<string, PyValue>;
    if (options.bearer?.apis.includes(api)) {
      if (req.headers.authorization !== `Bearer ${options.bearer.token}`)
        return fail('Authentication failed');
      return reply({ errcode: 0 }, `, "data": ${pyDumps(impl(args))}`);
    }
    const timestamp = Number(req.headers.timestamp);
    if (req.headers.accesskey !== options.accessKey) return fail('accessKey not found');
    if (!/^\d+$/.test(String(req.headers.timestamp)) || !Number.isSafeInteger(timestamp)) {
      return fail('Authentication failed: timestamp is not an integer');
    }
    const parts = serverParamStr(body, timestamp, state.accessSecret);
    if (req.headers.debug === '1') {
      // The platform's quirk: in debug mode it hashes the *masked* paramStr.
      const masked = maskedParamStr(parts);
      const ok = signParamStr(masked) === req.headers.accesssign;
      const extra = `, "respExtraData": {"apiAuthDebug": {"paramStr": ${JSON.stringify(masked)}}}`;
      if (!ok) return fail('Authentication failed', extra);
    }
    if (Math.abs(now - timestamp) > 300_000) {
      return fail('Authentication failed: timestamp expired');
    }
    if (signParamStr(joinParts(parts)) !== req.headers.accesssign) {
      return fail('Authentication failed');
    }
    const result = impl(args);
    const sign = responseSign(result, now, state.accessSecret);
    // Flip the last hex digit (a fixed "0" would be no change one time in 16).
    const last = sign.endsWith('0') ? '1' : '0';
    const sent = state.tamper ? `${sign.slice(0, -1)}${last}` : sign;
    reply(
      { errcode: 0 },
      `, "data": {"data": ${pyDumps(result)}, "timestamp": ${now}, "accessSign": "${sent}"}`,
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
    get frozenNow() {
      return state.frozenNow;
    },
    set frozenNow(v: number | undefined) {
      state.frozenNow = v;
    },
    get accessSecret() {
      return state.accessSecret;
    },
    set accessSecret(v: string) {
      state.accessSecret = v;
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
