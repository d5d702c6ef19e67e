/**
 * Request headers as a partner's backend may hold them: a Fetch `Headers`, or a record
 * such as node's `IncomingMessage.headers` (lower-case names, arrays for repeats).
 */
export type HeaderBag = Headers | Record<string, string | readonly string[] | undefined>;

/** A header's value from a {@link HeaderBag}, names compared case-insensitively. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = headers[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

// The exact request target of a request received by the node adapter. WHATWG URL
// parsing normalises paths and queries, but a server signs and checks what was on the
// request line (`req.originalUrl`), so the adapter hands the raw target over here.
const rawTargets = new WeakMap<Request, string>();

/** @internal Records the request-line target a node adapter received for `request`. */
export function setRawTarget(request: Request, target: string): void {
  rawTargets.set(request, target);
}

/** The request target as sent (`/path?query`): the raw one when an adapter recorded it. */
export function requestTarget(request: Request): string {
  const raw = rawTargets.get(request);
  if (raw !== undefined) return raw;
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** An HTTP-date (`Date` header) for a Unix ms reading. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Every header of a request, names lower-cased, the listed ones masked. */
export function maskedHeaders(
  headers: Headers,
  secretNames: readonly string[],
): Record<string, string> {
  const secret = new Set(secretNames.map((name) => name.toLowerCase()));
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = secret.has(name) ? maskValue(value) : value;
  });
  return out;
}

function maskValue(value: string): string {
  const space = value.indexOf(' ');
  // Keep an auth scheme (`Bearer ***`): it tells which strategy was used.
  return space > 0 && space < 16 ? `${value.slice(0, space)} ***` : '***';
}

/** Resolves after `ms`, early when `signal` aborts (the client gave up waiting). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `decodeURIComponent`, or undefined for malformed percent-encoding (a 404, not a crash). */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
