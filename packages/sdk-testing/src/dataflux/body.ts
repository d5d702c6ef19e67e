import { exceedsJsonDepth, MAX_JSON_DEPTH } from '@signet/sdk-core/internal';

/**
 * A request body as the DataFlux server's Express body parsers leave it in `req.body`
 * (`urlencoded`, `json`, `text`, then `raw` for anything but multipart, in that order).
 */
export type ExpressBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string | string[]> }
  /** `text/plain`: `req.body` is the string. */
  | { kind: 'text'; value: string }
  /** Any other type with a body (or none given): `req.body` is a Buffer of the bytes. */
  | { kind: 'raw'; value: Uint8Array }
  /** No body at all: `req.body` is `{}`. */
  | { kind: 'none'; value: Record<string, never> };

/** Why a body could not be parsed (answered 400 EClientBadRequest "Invalid request body"). */
export interface BodyError {
  error: string;
}

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Parses a body as the server's parsers do, by content type: `express.json()` (strict:
 * only an object or array at the top; an empty body is `{}`; `JSON.parse` semantics, so
 * big integers lose digits and `1.0` is `1`), `express.urlencoded()`, `express.text()`
 * (`text/plain` only) and `express.raw()` for everything else that has a body.
 */
export function parseExpressBody(
  contentType: string | null,
  bytes: Uint8Array,
  hasBody: boolean,
): ExpressBody | BodyError {
  if (!hasBody) return { kind: 'none', value: {} };
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return { kind: 'form', value: paramsRecord(new URLSearchParams(decoder.decode(bytes))) };
  }
  if (type === 'application/json') {
    const text = decoder.decode(bytes);
    if (text.trim() === '') return { kind: 'json', value: {} };
    const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/.exec(text)?.[1];
    if (first !== '{' && first !== '[') {
      return { error: `SyntaxError: Unexpected token ${first} in JSON at position 0` };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { error: String(error) };
    }
    // The server's JSON.parse reads any depth, but its recursive jsonDumps (and every
    // JSON.stringify after it) would overflow the stack: the emulator answers a bad request.
    if (exceedsJsonDepth(value)) {
      return { error: `RangeError: JSON nested deeper than ${MAX_JSON_DEPTH} levels` };
    }
    return { kind: 'json', value };
  }
  if (type === 'text/plain') return { kind: 'text', value: decoder.decode(bytes) };
  if (type.startsWith('multipart/')) return { kind: 'none', value: {} };
  return { kind: 'raw', value: bytes };
}

/**
 * Whether the request has a body to parse (`type-is`'s `hasBody`: a length or a
 * transfer-encoding). A client sends `Content-Length: 0` with a bodiless POST, PUT or
 * PATCH, so those count too when handed over in-process without the header.
 */
export function hasRequestBody(method: string, headers: Headers, bytes: Uint8Array): boolean {
  if (bytes.length > 0 || headers.has('transfer-encoding')) return true;
  if (headers.has('content-length')) return !Number.isNaN(Number(headers.get('content-length')));
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/** Query or form fields as a record: one value as a string, repeated names as a list. */
export function paramsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const previous = Object.hasOwn(out, name) ? out[name] : undefined;
    if (previous === undefined) out[name] = value;
    else out[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `toolkit.isNothing`: null, blank strings, empty arrays and `{}` are nothing. */
export function isNothing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Uint8Array) return false;
  if (typeof value === 'object') return JSON.stringify(value) === '{}';
  return false;
}

/** How `req.body` looks once copied as JSON (`toolkit.jsonCopy`): a Buffer as `{type, data}`. */
export function bodyAsJson(body: ExpressBody): unknown {
  if (body.kind === 'raw') return { type: 'Buffer', data: [...body.value] };
  return body.value;
}
