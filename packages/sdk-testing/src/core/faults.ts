/** What the body of a failed answer looks like (see {@link FailNextOptions}). */
export type FailBody = 'html' | 'empty' | 'truncated' | 'envelope';

/** Options of `failNext`. */
export interface FailNextOptions {
  /** HTTP status of the failed answers (default 500): 500, 502, 503, 429... */
  status?: number;
  /**
   * - `html` (default): a proxy's HTML error page (`text/html`).
   * - `empty`: no body at all.
   * - `truncated`: the first half of a JSON envelope, cut mid-value.
   * - `envelope`: the platform's own error envelope for that status (a 429 carries the
   *   platform's rate-limit error, with DataFlux `detail.waitSeconds`).
   */
  body?: FailBody;
  /** Adds `Retry-After: <seconds>` to the failed answers. */
  retryAfterSeconds?: number;
}

/** A queued failed answer. */
export interface FailFault {
  kind: 'fail';
  status: number;
  body: FailBody;
  retryAfterSeconds?: number;
}

/** A fault waiting for the next request. */
export type PendingFault = { kind: 'drop' } | FailFault;

/** Faults queued for the next requests, consumed one per request, in the order queued. */
export class FaultQueue {
  #pending: PendingFault[] = [];

  failNext(count: number, options: FailNextOptions = {}): void {
    const status = options.status ?? 500;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`failNext: status must be an HTTP status in 200-599, got ${status}`);
    }
    const fault: FailFault = { kind: 'fail', status, body: options.body ?? 'html' };
    if (options.retryAfterSeconds !== undefined)
      fault.retryAfterSeconds = options.retryAfterSeconds;
    this.#push(count, fault, 'failNext');
  }

  dropNext(count: number): void {
    this.#push(count, { kind: 'drop' }, 'dropNext');
  }

  /** The fault for the request being answered, if any. */
  take(): PendingFault | undefined {
    return this.#pending.shift();
  }

  /** Faults still queued. */
  get pending(): number {
    return this.#pending.length;
  }

  clear(): void {
    this.#pending = [];
  }

  #push(count: number, fault: PendingFault, method: string): void {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`${method}: count must be an integer >= 0, got ${count}`);
    }
    for (let i = 0; i < count; i++) this.#pending.push(fault);
  }
}

/** The HTML page a reverse proxy shows for a failing upstream (nginx's layout). */
export function proxyErrorPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};
