import { SignetConfigError } from '../errors.js';

/** Query values: strings, or values turned into strings (numbers, booleans). */
export type QueryInit = URLSearchParams | Record<string, string | number | boolean | undefined>;

/**
 * Resolves `path` under `baseUrl` (which ends with '/'): a leading '/' does not escape
 * the base path, and `..` segments or absolute URLs are refused — a signed call goes
 * where its api name says, nowhere else.
 */
export function resolveUrl(baseUrl: URL, path: string, query?: QueryInit): URL {
  if (query === undefined && typeof path === 'string') {
    // A client calls the same few paths again and again: an absolute href parses in
    // half the time of a relative one, and the checks below ran when it was cached.
    const key = `${baseUrl.href}\n${path}`;
    const known = resolved.get(key);
    if (known !== undefined) return new URL(known);
    const url = resolvePath(baseUrl, path, undefined);
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    resolved.set(key, url.href);
    return url;
  }
  return resolvePath(baseUrl, path, query);
}

const resolved = /* @__PURE__ */ new Map<string, string>();
const MAX_RESOLVED = 512;

function resolvePath(baseUrl: URL, path: string, query: QueryInit | undefined): URL {
  if (typeof path !== 'string') throw new SignetConfigError('path must be a string');
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    throw new SignetConfigError(`path must be relative to baseUrl, got "${path}"`);
  }
  const [rawPath = '', rawQuery] = splitOnce(path.replace(/^\/+/, ''), '?');
  if (rawPath.split('/').some((seg) => seg === '..' || seg === '.')) {
    throw new SignetConfigError(`path must not contain "." or ".." segments: "${path}"`);
  }
  const url = new URL(rawPath, baseUrl);
  if (rawQuery !== undefined) url.search = rawQuery;
  if (query) {
    const entries = query instanceof URLSearchParams ? [...query] : Object.entries(query);
    const extra = new URLSearchParams();
    for (const [key, value] of entries) {
      if (value !== undefined) extra.append(key, String(value));
    }
    // Appended as text: going through url.searchParams would re-encode the path's own query.
    const added = extra.toString();
    if (added) url.search = url.search.length > 1 ? `${url.search.slice(1)}&${added}` : added;
  }
  return url;
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Refuses credentials over plain http to anything but loopback, unless allowed. */
export function guardInsecureHttp(
  url: URL,
  credentialed: boolean,
  allowInsecureHttp: boolean,
): void {
  if (!credentialed || allowInsecureHttp || url.protocol !== 'http:') return;
  if (isLoopbackHost(url.hostname)) return;
  throw new SignetConfigError(
    `Refusing to send credentials over plain http to ${url.host}: anyone on the path could read ` +
      'or replay them. Use https, or pass allowInsecureHttp: true if this network is trusted.',
  );
}
