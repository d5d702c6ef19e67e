import { SignetHttpError } from '../errors.js';

/**
 * What a client does with a 3xx: `'error'` (default) fails the call with a
 * SignetHttpError naming the target; `'same-origin'` follows 301/302/303/307/308 within
 * the same origin, at most {@link MAX_REDIRECTS} hops, each re-signed for its own URL
 * and method. A redirect to another origin is never followed: the request carries
 * credentials that origin must not receive.
 */
export type RedirectMode = 'error' | 'same-origin';

/** The most redirects a call follows with `redirect: 'same-origin'`. */
export const MAX_REDIRECTS = 5;

const REDIRECTS: ReadonlySet<number> = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);

/** True for the statuses that redirect (a 304 or a 300 does not). */
export function isRedirect(status: number): boolean {
  return REDIRECTS.has(status);
}

/** The next hop of a followed redirect, as fetch would make it. */
export interface Hop {
  readonly url: URL;
  readonly method: string;
  /** 303, and 301/302 after a POST, turn the request into a bodiless GET. */
  readonly dropBody: boolean;
}

/**
 * Where a redirect leads, or why it is not followed (a SignetHttpError to throw). The
 * target in the message and `location` is redacted by `clean` (credentials the server
 * may have echoed into it).
 */
export function followRedirect(input: {
  mode: RedirectMode;
  status: number;
  headers: Headers;
  from: URL;
  method: string;
  hops: number;
  opaque: boolean;
  clean: (text: string) => string;
}): Hop | SignetHttpError {
  const { status, headers, from, method, clean } = input;
  const fail = (why: string, location: string | undefined) =>
    new SignetHttpError(`${input.opaque ? 'A' : `HTTP ${status}`} redirect ${why}`, {
      status,
      headers: withLocation(headers, location),
      body: '',
      url: clean(from.href),
      method,
      location,
    });
  if (input.opaque) {
    return fail(
      'not followed: the browser hides its target (an opaque redirect). Point baseUrl at the final address.',
      undefined,
    );
  }
  const raw = headers.get('location');
  let target: URL | undefined;
  try {
    target = raw === null ? undefined : new URL(raw, from);
  } catch {
    target = undefined;
  }
  if (target === undefined) {
    return fail(`without a usable Location${raw === null ? '' : ` (${clean(raw)})`}`, undefined);
  }
  target.username = '';
  target.password = '';
  const shown = clean(target.href);
  if (target.origin !== from.origin) {
    return fail(
      `to ${target.origin} not followed: the request carries credentials that another origin must not receive (${shown}). Point baseUrl at the final address.`,
      shown,
    );
  }
  if (input.mode === 'error') {
    return fail(
      `to ${shown} not followed (redirects are off by default). Pass redirect: 'same-origin' to follow redirects within ${from.origin}, re-signed for each hop.`,
      shown,
    );
  }
  if (input.hops >= MAX_REDIRECTS) {
    return fail(`to ${shown} not followed: already ${MAX_REDIRECTS} redirects in this call`, shown);
  }
  const toGet =
    status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  return { url: target, method: toGet ? 'GET' : method, dropBody: toGet };
}

/** The answer's headers with its Location as shown (redacted), or without one. */
function withLocation(headers: Headers, location: string | undefined): Headers {
  const copy = new Headers(headers);
  if (location === undefined) copy.delete('location');
  else copy.set('location', location);
  return copy;
}
