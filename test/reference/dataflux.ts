// DataFlux Func OpenAPI AK/SK signing as the server computes it (PROTOCOLS §2,
// vectors/README.md "dataflux"), written again from those pages with node:crypto: no
// signet code, so a test server built on it is a second opinion.
import { createHash, createHmac } from 'node:crypto';

/**
 * DataFlux Func's `jsonDumps` of what the server's `JSON.parse` made of the body: keys
 * in default JS sort order (UTF-16 units), strings and keys in `"` without escaping,
 * numbers through `String()`, no whitespace.
 */
export function dfJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(dfJsonDumps).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `"${key}":${dfJsonDumps(record[key])}`).join(',')}}`;
}

/** The request as the server checks it. */
export interface DataFluxSigned {
  method: string;
  /** `req.originalUrl`: the request target as received. */
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  /** `JSON.parse` of the body received; undefined or null for none. */
  body: unknown;
  akSecret: string;
  /**
   * False when no JSON body parser ran (no `Content-Type: application/json`): the
   * server then hashes the empty raw buffer, not `{}` (PROTOCOLS §2). Default true.
   */
  parsed?: boolean;
}

/** `METHOD&pathWithQuery&timestamp&nonce&md5(jsonDumps(body || {}))`. */
export function dataFluxStringToSign(request: DataFluxSigned): string {
  const hashed = request.parsed === false ? '' : dfJsonDumps(request.body || {});
  const bodyMd5 = createHash('md5').update(hashed, 'utf8').digest('hex');
  return [
    request.method.toUpperCase(),
    request.pathWithQuery,
    request.timestamp,
    request.nonce,
    bodyMd5,
  ].join('&');
}

/** hex HMAC-SHA1 with the akSecret over a string to sign. */
export function dataFluxMac(akSecret: string, stringToSign: string): string {
  return createHmac('sha1', Buffer.from(akSecret, 'utf8'))
    .update(stringToSign, 'utf8')
    .digest('hex');
}

/** The `X-Dff-Ak-Sign` the server expects. */
export function dataFluxSign(request: DataFluxSigned): string {
  return dataFluxMac(request.akSecret, dataFluxStringToSign(request));
}
