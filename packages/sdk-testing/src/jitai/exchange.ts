import { maskedHeaders, requestTarget } from '../core/http.js';
import { type EnvelopeMeta, elementExceptionExtra, jitaiEnvelopeText } from './envelope.js';
import { elementException, JITAI_ERRCODES } from './errors.js';
import type { JitaiCallRecord } from './options.js';

/** Where an exception was raised, for the element-exception errmsg. */
export interface ElementRef {
  name: string;
  title: string;
  funcName: string;
}

/** One request being answered: its call record and the envelopes written for it. */
export class JitaiExchange {
  readonly request: Request;
  readonly record: JitaiCallRecord;
  readonly meta: EnvelopeMeta;
  readonly #started: number;
  readonly #now: () => number;

  constructor(
    request: Request,
    api: string | undefined,
    requestId: string,
    now: () => number,
    ensureAscii: boolean,
  ) {
    this.request = request;
    this.#now = now;
    this.#started = now();
    const timestampHeader = request.headers.get('timestamp');
    const timestamp = timestampHeader === null ? Number.NaN : Number(timestampHeader);
    this.meta = { requestId, sysTime: this.#started, duration: 0, ensureAscii };
    this.record = {
      api,
      method: request.method,
      target: requestTarget(request),
      auth: 'none',
      accessKey: undefined,
      timestamp: Number.isFinite(timestamp) ? timestamp : undefined,
      ok: false,
      errcode: 0,
      errmsg: null,
      paramStrMasked: undefined,
      debug: false,
      requestId,
      headers: maskedHeaders(request.headers, ['accessSign', 'Authorization', 'Cookie']),
    };
  }

  /** The envelope answer (HTTP 200 unless said otherwise, as the platform answers errors). */
  reply(
    errcode: number,
    errmsg: string | null,
    data: unknown,
    extra: Record<string, unknown> = {},
    status = 200,
  ): Response {
    this.meta.duration = Math.max(0, this.#now() - this.#started);
    this.record.ok = errcode === 0;
    this.record.errcode = errcode;
    this.record.errmsg = errmsg;
    let text: string;
    try {
      text = jitaiEnvelopeText(this.meta, errcode, errmsg, data, extra);
    } catch (error) {
      // A result Python could not have serialized: the platform fails the call.
      if (errcode !== 0) throw error;
      const api = this.record.api ?? '';
      const element = api.slice(0, api.lastIndexOf('.'));
      return this.serviceFailure({ name: element, title: element, funcName: '' }, error);
    }
    return new Response(text, { status, headers: { 'Content-Type': 'application/json' } });
  }

  /** errcode 20005 raised by an authorization element (the seed's failure layout). */
  authFailure(
    element: { name: string; title: string },
    message: string,
    extra: Record<string, unknown> = {},
  ): Response {
    const errmsg = elementException(element.name, element.title, message);
    return this.reply(
      JITAI_ERRCODES.authFailed,
      errmsg,
      {},
      {
        ...elementExceptionExtra(element.name, 'before', message),
        ...extra,
      },
    );
  }

  /** errcode 50000: a service function threw something other than a business error. */
  serviceFailure(element: ElementRef, error: unknown): Response {
    const message = error instanceof Error ? error.message : String(error);
    const errmsg = elementException(element.name, element.title, message);
    const extra = elementExceptionExtra(element.name, element.funcName, message);
    return this.reply(JITAI_ERRCODES.serviceError, errmsg, {}, extra);
  }
}

/** The JitAi envelope of a `failNext(…, { body: 'envelope' })` answer (errcode = status × 100). */
export function jitaiFailureEnvelope(status: number, requestId: string, now: number): string {
  const meta = { requestId, sysTime: now, duration: 0, ensureAscii: false };
  const errmsg =
    status === 429 ? 'Too many requests, please try again later' : 'Internal Server Error';
  return jitaiEnvelopeText(meta, status * 100, errmsg, {});
}

/** The first half of a signed success envelope. */
export function jitaiTruncatedEnvelope(requestId: string, now: number, sign: string): string {
  const meta = { requestId, sysTime: now, duration: 3, ensureAscii: false };
  const data = { data: { status: 'PAID' }, timestamp: now, accessSign: sign };
  const text = jitaiEnvelopeText(meta, 0, null, data);
  return text.slice(0, Math.floor(text.length / 2));
}
