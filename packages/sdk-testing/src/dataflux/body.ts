/** A request body as the DataFlux server's Express body parsers leave it in `req.body`. */
export type ExpressBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string | string[]> }
  /** No parser matched the content type: `req.body` is `{}` and the raw bytes are unread. */
  | { kind: 'none'; value: Record<string, never> };

/** Why a body could not be parsed (answered 400 EClientBadRequest). */
export interface BodyError {
  error: string;
}

/**
 * Parses a body as `express.json()` (strict: only an object or array at the top; an
 * empty body is `{}`) and `express.urlencoded()` do, by content type. `JSON.parse`
 * semantics, as the Node server has them: big integers lose digits, `1.0` is `1`.
 */
export function parseExpressBody(
  contentType: string | null,
  text: string,
): ExpressBody | BodyError {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) {
    if (text.trim() === '') return { kind: 'json', value: {} };
    const first = text.trimStart()[0];
    if (first !== '{' && first !== '[') {
      return { error: `SyntaxError: Unexpected token ${first} in JSON at position 0` };
    }
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch (error) {
      return { error: String(error) };
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { kind: 'form', value: paramsRecord(new URLSearchParams(text)) };
  }
  return { kind: 'none', value: {} };
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
