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

/**
 * What `allowInsecureHttp` allows: `false` (default) credentials over plain `http:` only
 * to loopback; `'localhost-subdomains'` also to `*.localhost` names; `true` to any host.
 */
export type InsecureHttp = boolean | 'localhost-subdomains';

/**
 * True for hosts that reach this machine without a resolver: `localhost`, 127.0.0.0/8 and
 * `::1`, in any form the URL parser normalises to them (`127.1`, `0x7f000001`,
 * `[0:0:0:0:0:0:0:1]`, the IPv4-mapped `[::ffff:127.0.0.1]`). `*.localhost` counts only with
 * `localhostSubdomains`: Node resolves such names through DNS, which may answer with any
 * address, so plain http to one may leave the machine.
 */
export function isLoopbackHost(
  hostname: string,
  options: { localhostSubdomains?: boolean } = {},
): boolean {
  const host = normalizeHost(hostname);
  return host !== undefined && isLoopbackNormalized(host, options.localhostSubdomains === true);
}

/** {@link isLoopbackHost} of a hostname the URL parser has already normalised. */
function isLoopbackNormalized(host: string, localhostSubdomains: boolean): boolean {
  if (host === 'localhost' || host === '[::1]') return true;
  if (localhostSubdomains && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost$/.test(host)) {
    return true;
  }
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // IPv4-mapped IPv6 of 127.0.0.0/8, as the URL parser writes it: [::ffff:7fxx:xxxx].
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** The hostname as the WHATWG URL parser normalises it (IPv6 in brackets), or undefined. */
function normalizeHost(hostname: string): string | undefined {
  if (typeof hostname !== 'string' || hostname === '') return undefined;
  const bracketed =
    hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  try {
    const url = new URL(`http://${bracketed}/`);
    return url.port === '' && url.username === '' && url.pathname === '/'
      ? url.hostname
      : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses credentials over plain http to anything but loopback, unless allowed. */
export function guardInsecureHttp(
  url: URL,
  credentialed: boolean,
  allowInsecureHttp: InsecureHttp,
): void {
  if (!credentialed || allowInsecureHttp === true || url.protocol !== 'http:') return;
  // A URL's hostname is normalised already: no second parse on every call.
  if (isLoopbackNormalized(url.hostname, allowInsecureHttp === 'localhost-subdomains')) return;
  const subdomain = /\.localhost$/i.test(url.hostname)
    ? ` (DNS resolves *.localhost names; allowInsecureHttp: 'localhost-subdomains' if yours are this machine)`
    : '';
  throw new SignetConfigError(
    `Refusing to send credentials over plain http to ${url.host}${subdomain}: use https, or allowInsecureHttp: true on a trusted network`,
  );
}
