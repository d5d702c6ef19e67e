import type { FailFault } from '../core/faults.js';
import { maskedHeaders, requestTarget } from '../core/http.js';
import { type BodyError, type ExpressBody, hasRequestBody, parseExpressBody } from './body.js';
import {
  DATAFLUX_ERRORS,
  type DataFluxErrorKind,
  type EnvelopeContext,
  errorEnvelopeText,
  okEnvelopeText,
} from './envelope.js';
import type { DataFluxCallRecord } from './options.js';

/** Content type of the server's JSON answers (Express `res.json`). */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** One request being answered: what was received, its call record, the answers for it. */
export class DataFluxExchange {
  readonly request: Request;
  /** The request target as received (`req.originalUrl`). */
  readonly target: string;
  /** The body as UTF-8 text (what the AK/SK signature check reads). */
  readonly bodyText: string;
  readonly body: ExpressBody | BodyError;
  readonly envelope: EnvelopeContext;
  readonly record: DataFluxCallRecord;
  readonly #now: () => number;

  private constructor(request: Request, bytes: Uint8Array, now: () => number, traceId: string) {
    this.request = request;
    this.bodyText = new TextDecoder().decode(bytes);
    this.#now = now;
    this.target = requestTarget(request);
    const hasBody = hasRequestBody(request.method, request.headers, bytes);
    this.body = parseExpressBody(request.headers.get('content-type'), bytes, hasBody);
    const reqTime = now();
    this.envelope = {
      method: request.method,
      url: this.target,
      body: 'error' in this.body ? undefined : this.body.value,
      traceId,
      reqTime,
      respTime: reqTime,
    };
    this.record = {
      method: request.method,
      target: this.target,
      route: 'unknown',
      id: undefined,
      format: undefined,
      status: 0,
      ok: false,
      error: 0,
      reason: undefined,
      message: undefined,
      akId: undefined,
      kwargs: undefined,
      traceId,
      headers: maskedHeaders(request.headers, ['authorization', 'x-dff-ak-sign', 'cookie']),
    };
  }

  /** Reads the request body (GET and HEAD have none) and starts the exchange. */
  static async read(
    request: Request,
    now: () => number,
    traceId: string,
  ): Promise<DataFluxExchange> {
    const bytes =
      request.method === 'GET' || request.method === 'HEAD'
        ? new Uint8Array()
        : new Uint8Array(await request.arrayBuffer());
    return new DataFluxExchange(request, bytes, now, traceId);
  }

  /** The success envelope `{"ok":true,"error":200,…,"data":…}`. */
  ok(data: unknown, headers?: Record<string, string>): Response {
    this.envelope.respTime = this.#now();
    return this.send(200, okEnvelopeText(data, this.envelope), JSON_TYPE, headers);
  }

  /** The error envelope, at the kind's HTTP status (`detail` left out when undefined). */
  fail(
    kind: DataFluxErrorKind,
    message: string,
    detail?: unknown,
    headers?: Record<string, string>,
  ): Response {
    this.envelope.respTime = this.#now();
    this.record.error = Number(kind.code);
    this.record.reason = kind.reason;
    this.record.message = message;
    const text = errorEnvelopeText(kind, message, detail, this.envelope);
    return this.send(kind.status, text, JSON_TYPE, headers);
  }

  /** Any answer, with the headers the server puts on every one (no type: no body). */
  send(
    status: number,
    text: string,
    contentType: string | undefined,
    extra?: Record<string, string>,
  ): Response {
    this.record.status = status;
    this.record.ok = status === 200;
    if (status === 200) this.record.error = 200;
    const headers = new Headers(extra);
    if (contentType !== undefined) headers.set('Content-Type', contentType);
    headers.set('X-Trace-Id', this.envelope.traceId);
    headers.set('X-Request-Cost', String(Math.max(0, this.#now() - this.envelope.reqTime)));
    return new Response(text === '' ? null : text, { status, headers });
  }
}

/**
 * The envelope of a `failNext(…, { body: 'envelope' })` answer: 429 is the server's API
 * throttling (`EClientRateLimit.APIThrottling`, `detail.waitSeconds` = `retryAfterSeconds`,
 * default 1), 599 its "worker no response", any other status a generic `ESys` error.
 */
export function dataFluxFailureEnvelope(
  fault: FailFault,
  request: Request,
  now: number,
  traceId: string,
): string {
  const envelope = {
    method: request.method,
    url: requestTarget(request),
    body: undefined,
    traceId,
    reqTime: now,
    respTime: now,
  };
  if (fault.status === 429) {
    const detail = { waitSeconds: fault.retryAfterSeconds ?? 1 };
    return errorEnvelopeText(
      DATAFLUX_ERRORS.throttled,
      'Maximum calling rate exceeded',
      detail,
      envelope,
    );
  }
  if (fault.status === 599) {
    const message = 'Worker no response, please check the status of this system';
    return errorEnvelopeText(DATAFLUX_ERRORS.workerNoResponse, message, undefined, envelope);
  }
  const kind = { status: fault.status, code: String(fault.status), reason: 'ESys' };
  return errorEnvelopeText(kind, 'System error', undefined, envelope);
}

/** The first half of a success envelope. */
export function dataFluxTruncatedEnvelope(now: number, traceId: string): string {
  const envelope = {
    method: 'POST',
    url: '',
    body: undefined,
    traceId,
    reqTime: now,
    respTime: now,
  };
  const text = okEnvelopeText({ result: { message: 'Hello, DataFlux Func' } }, envelope);
  return text.slice(0, Math.floor(text.length / 2));
}
