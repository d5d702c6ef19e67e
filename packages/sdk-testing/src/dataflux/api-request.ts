import { type ExpressBody, isJsonObject } from './body.js';

/** What a Sync/Async API request carries, once read and validated. */
export type ApiRequestData =
  | {
      ok: true;
      kwargs: Record<string, unknown>;
      returnType: 'raw' | 'jsonDumps';
      /** The query and body objects the auth step may strip fields from. */
      query: Record<string, string | string[]>;
      body: unknown;
    }
  | { ok: false; message: string; detail: unknown };

const RETURN_TYPES = ['raw', 'jsonDumps'];

/**
 * Reads kwargs and options the way the server does for each format (PROTOCOLS §2):
 *
 * - normal: the GET query or the POST body may hold only `kwargs` and `options` (400
 *   ``Found unexpected field `x` `` otherwise); GET values are JSON text; POST `kwargs`
 *   must be an object; `options` may hold only `returnType` (`raw` or `jsonDumps`).
 * - simplified (`/s`, `/simplified`): the whole query (GET) or body (POST) is the kwargs
 *   (the very object, so fields the auth step strips are gone from the kwargs too).
 */
export function readApiRequest(
  method: string,
  simplified: boolean,
  query: Record<string, string | string[]>,
  body: ExpressBody,
): ApiRequestData {
  const isGet = method === 'GET';
  if (!isGet && body.kind === 'json' && !isJsonObject(body.value)) {
    return invalid('body', 'Invalid type of body, expected an object');
  }
  const bodyValue = body.value as Record<string, unknown>;
  if (simplified) {
    return {
      ok: true,
      kwargs: isGet ? query : bodyValue,
      returnType: 'raw',
      query,
      body: bodyValue,
    };
  }
  const where = isGet ? 'query' : 'body';
  const fields: Record<string, unknown> = isGet ? query : bodyValue;
  const unexpected = Object.keys(fields).find((key) => key !== 'kwargs' && key !== 'options');
  if (unexpected !== undefined) return invalid(where, `Found unexpected field \`${unexpected}\``);
  // JSON text is expected in a query and accepted in a form body; a JSON body must nest objects.
  const textual = isGet || body.kind === 'form';
  const kwargs = field(fields.kwargs, textual, where, 'kwargs');
  if (!kwargs.ok) return kwargs;
  const options = field(fields.options, textual, where, 'options');
  if (!options.ok) return options;
  const extraOption = Object.keys(options.value).find((key) => key !== 'returnType');
  if (extraOption !== undefined)
    return invalid(where, `Found unexpected field \`options.${extraOption}\``);
  const returnType = options.value.returnType ?? 'raw';
  if (typeof returnType !== 'string' || !RETURN_TYPES.includes(returnType)) {
    return {
      ok: false,
      message: 'Invalid options, invalid returnType',
      detail: { allowed: RETURN_TYPES },
    };
  }
  return {
    ok: true,
    kwargs: kwargs.value,
    returnType: returnType as 'raw' | 'jsonDumps',
    query,
    body: bodyValue,
  };
}

function field(
  raw: unknown,
  textual: boolean,
  where: string,
  name: 'kwargs' | 'options',
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string; detail: unknown } {
  if (raw === undefined) return { ok: true, value: {} };
  let value = raw;
  if (textual && typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return {
        ok: false,
        message: `Invalid ${name}, bad JSON format`,
        detail: { error: String(error) },
      };
    }
  }
  if (!isJsonObject(value))
    return invalid(where, `Invalid type of field \`${name}\`, expected an object`);
  return { ok: true, value };
}

function invalid(where: string, detail: string): { ok: false; message: string; detail: unknown } {
  return { ok: false, message: `Invalid request ${where}`, detail };
}
