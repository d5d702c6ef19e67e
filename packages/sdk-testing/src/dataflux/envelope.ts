import { LosslessNumber } from '@signet/sdk-core';
import { isNothing } from './body.js';

/** One DataFlux error kind: HTTP status, the `error` number as written, the `reason`. */
export interface DataFluxErrorKind {
  readonly status: number;
  /** The `error` member exactly as the server writes it (`401.14`, `599.1`). */
  readonly code: string;
  readonly reason: string;
}

/** The server's error kinds (PROTOCOLS §2). `system` is the emulator's generic 5xx. */
export const DATAFLUX_ERRORS: {
  readonly badRequest: DataFluxErrorKind;
  readonly userAuth: DataFluxErrorKind;
  readonly apiAuth: DataFluxErrorKind;
  readonly bizCondition: DataFluxErrorKind;
  readonly notFound: DataFluxErrorKind;
  readonly rateLimit: DataFluxErrorKind;
  readonly throttled: DataFluxErrorKind;
  readonly funcFailed: DataFluxErrorKind;
  readonly funcTimeout: DataFluxErrorKind;
  readonly workerNoResponse: DataFluxErrorKind;
  readonly system: DataFluxErrorKind;
} = {
  badRequest: { status: 400, code: '400.43', reason: 'EClientBadRequest' },
  userAuth: { status: 401, code: '401.14', reason: 'EUserAuth' },
  apiAuth: { status: 401, code: '401.99', reason: 'EAPIAuth' },
  bizCondition: { status: 403, code: '403.21', reason: 'EBizCondition' },
  notFound: { status: 404, code: '404.41', reason: 'EClientNotFound' },
  rateLimit: { status: 429, code: '429.46', reason: 'EClientRateLimit' },
  throttled: { status: 429, code: '429.46', reason: 'EClientRateLimit.APIThrottling' },
  funcFailed: { status: 599, code: '599.1', reason: 'EFuncFailed' },
  funcTimeout: { status: 599, code: '599.2', reason: 'EFuncTimeout' },
  workerNoResponse: { status: 599, code: '599.99', reason: 'EWorkerNoResponse' },
  system: { status: 500, code: '500.5', reason: 'ESys' },
};

/** The request-side members every DataFlux envelope repeats. */
export interface EnvelopeContext {
  method: string;
  /** The request target as received (`req.originalUrl`), as `reqDump.url`. */
  url: string;
  /** `req.body` as parsed, dumped into `reqDump.bodyDump` unless it is nothing (`{}`, `''`). */
  body: unknown;
  traceId: string;
  reqTime: number;
  respTime: number;
}

/**
 * A value as the Node server writes it: `JSON.stringify`, after the JSON round trip a
 * result makes from the Python worker to Node (big ints lose digits, `1.0` becomes `1`).
 */
export function nodeJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof LosslessNumber) return Number(v.lexeme);
    return v;
  });
  return text ?? 'null';
}

/**
 * `{"ok":false,"error":401.14,"reason":…,"message":…,"detail":…,"status":…,"reqDump":…,…}`:
 * the server's `ServerError.toJSON()` plus `reqDump`, so a `detail` the error has none of
 * is left out (undefined in `JSON.stringify`), and `bodyDump` is the body as
 * `JSON.stringify(body, null, 2)` cut to 1000 characters (`toolkit.limitText`).
 */
export function errorEnvelopeText(
  kind: DataFluxErrorKind,
  message: string,
  detail: unknown,
  ctx: EnvelopeContext,
): string {
  const reqDump: Record<string, unknown> = { method: ctx.method, url: ctx.url };
  if (!isNothing(ctx.body)) reqDump.bodyDump = limitText(bodyDumpText(ctx.body), 1000);
  const detailPart = detail === undefined ? '' : `"detail":${nodeJson(detail)},`;
  // `error` is written by hand: it is a JSON number whose fraction must stay as the server has it.
  return `{"ok":false,"error":${kind.code},"reason":${nodeJson(kind.reason)},"message":${nodeJson(message)},${detailPart}"status":${kind.status},"reqDump":${nodeJson(reqDump)},${tail(ctx)}}`;
}

/** `toolkit.jsonDumps(body, 2)`: functions and Buffers are written as placeholders. */
function bodyDumpText(body: unknown): string {
  if (body instanceof Uint8Array) return `"<Buffer size:${body.length} B>"`;
  return JSON.stringify(body, null, 2) ?? '';
}

/** `toolkit.limitText(text, max, { showLength: 'newLine' })`. */
function limitText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 3)}...\n <Length: ${text.length}>`;
}

/** `{"ok":true,"error":200,"message":"","data":…,"traceId":…,"clientTime":null,…}`. */
export function okEnvelopeText(data: unknown, ctx: EnvelopeContext): string {
  return `{"ok":true,"error":200,"message":"","data":${nodeJson(data)},${tail(ctx)}}`;
}

function tail(ctx: EnvelopeContext): string {
  const reqTime = new Date(ctx.reqTime).toISOString();
  const respTime = new Date(ctx.respTime).toISOString();
  return `"traceId":${nodeJson(ctx.traceId)},"clientTime":null,"reqTime":"${reqTime}","respTime":"${respTime}","reqCost":${Math.max(0, ctx.respTime - ctx.reqTime)}`;
}
