import type { FailFault } from '../core/faults.js';
import { maskedHeaders, requestTarget } from '../core/http.js';
import { type BodyError, type ExpressBody, parseExpressBody } from './body.js';
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
  /** The request target as received. */
  readonly target: string;
  readonly bodyText: string;
  readonly body: ExpressBody | BodyError;
  readonly envelope: EnvelopeContext;
  readonly record: DataFluxCallRecord;
  readonly #now: () => number;

  private constructor(request: Request, bodyText: string, now: () => number, traceId: string) {
    this.request = request;
    this.bodyText = bodyText;
    this.#now = now;
    this.target = requestTarget(request);
    this.body = parseExpressBody(request.headers.get('content-type'), bodyText);
    const reqTime = now();
    this.envelope = {
      method: request.method,
      url: new URL(request.url).origin + this.target,
      body: bodyText === '' ? undefined : 'error' in this.body ? bodyText : this.body.value,
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
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    return new DataFluxExchange(request, text, now, traceId);
  }

  /** The success envelope `{"ok":true,"error":200,…,"data":…}`. */
  ok(data: unknown): Response {
    this.envelope.respTime = this.#now();
    return this.send(200, okEnvelopeText(data, this.envelope), JSON_TYPE);
  }

  /** The error envelope, at the kind's HTTP status. */
  fail(
    kind: DataFluxErrorKind,
    message: string,
    detail: unknown,
    headers?: Record<string, string>,
  ): Response {
    this.envelope.respTime = this.#now();
    this.record.error = Number(kind.code);
    this.record.reason = kind.reason;
    this.record.message = message;
    const text = errorEnvelopeText(kind, message, detail, this.envelope);
    return this.send(kind.status, text, JSON_TYPE, headers);
  }

  /** Any answer, with the headers the server puts on every one. */
  send(
    status: number,
    text: string,
    contentType: string,
    extra?: Record<string, string>,
  ): Response {
    this.record.status = status;
    this.record.ok = status === 200;
    if (status === 200) this.record.error = 200;
    const headers = new Headers(extra);
    headers.set('Content-Type', contentType);
    headers.set('X-Trace-Id', this.envelope.traceId);
    headers.set('X-Request-Cost', String(Math.max(0, this.#now() - this.envelope.reqTime)));
    return new Response(text, { status, headers });
  }
}

/**
 * The envelope of a `failNext(…, { body: 'envelope' })` answer: 429 is the server's rate
 * limit (`detail.waitSeconds` = `retryAfterSeconds`, default 1), 599 its "worker no
 * response", any other status a generic `ESys` error.
 */
export function dataFluxFailureEnvelope(
  fault: FailFault,
  request: Request,
  now: number,
  traceId: string,
): string {
  const envelope = {
    method: request.method,
    url: request.url,
    body: undefined,
    traceId,
    reqTime: now,
    respTime: now,
  };
  if (fault.status === 429) {
    const detail = { waitSeconds: fault.retryAfterSeconds ?? 1 };
    return errorEnvelopeText(DATAFLUX_ERRORS.rateLimit, 'Rate limit exceeded', detail, envelope);
  }
  if (fault.status === 599) {
    const message = 'Worker no response, please check the status of this system';
    return errorEnvelopeText(DATAFLUX_ERRORS.workerNoResponse, message, null, envelope);
  }
  const kind = { status: fault.status, code: String(fault.status), reason: 'ESys' };
  return errorEnvelopeText(kind, 'System error', null, envelope);
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
