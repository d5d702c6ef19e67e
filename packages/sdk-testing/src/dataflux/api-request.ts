import { exceedsJsonDepth, MAX_JSON_DEPTH } from '@signet/sdk-core/internal';
import { type ExpressBody, isNothing } from './body.js';

/** What a func/Sync/Async call asks for, read as the server reads it. */
export type CallData =
  | {
      ok: true;
      format: 'normal' | 'simplified' | 'other';
      kwargs: Record<string, unknown>;
      /** As asked (`raw` when not), checked by {@link checkReturnType} once the func is found. */
      returnType: unknown;
      /** Send the bare value (Sync/Async API default) or `{ok, data: {result}}` (func call). */
      unbox: boolean;
    }
  | { ok: false; message: string; detail: unknown };

const RETURN_TYPES = ['raw', 'jsonDumps'];

/**
 * The server's `createFuncRunnerTaskReqFromHTTPRequest`, after the API auth step: the GET
 * query or the body is the request data (`text/plain` becomes `{text}`, other raw bodies
 * `{base64}`); its `kwargs` and `options` JSON text is parsed **in place** (so the
 * function's `_DFF_HTTP_REQUEST` sees the parsed values); then by format: `normal` takes
 * `kwargs` (when not empty) and merges `options`; `s`/`simplified` takes the whole data as
 * the kwargs; any other format segment runs the function with `{}`. `unbox` defaults to
 * false for a direct func call, true otherwise.
 */
export function readCallData(
  method: string,
  format: string | undefined,
  query: Record<string, unknown>,
  body: ExpressBody,
  direct: boolean,
): CallData {
  let data: Record<string, unknown>;
  if (method === 'GET') data = query;
  else if (body.kind === 'text') data = { text: body.value };
  else if (body.kind === 'raw') data = { base64: base64(body.value) };
  else data = body.value as Record<string, unknown>;
  if (typeof data !== 'object' || data === null) data = {};
  for (const name of ['kwargs', 'options'] as const) {
    const text = data[name];
    if (typeof text !== 'string') continue;
    try {
      data[name] = JSON.parse(text);
      if (exceedsJsonDepth(data[name])) {
        throw new RangeError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
      }
    } catch (error) {
      return {
        ok: false,
        message: `Invalid ${name}, bad JSON format`,
        detail: { error: String(error) },
      };
    }
  }
  const how = format ?? 'normal';
  let kwargs: Record<string, unknown> = {};
  let options: Record<string, unknown> = {};
  if (how === 'normal') {
    if (!isNothing(data.kwargs)) kwargs = copyKeys(data.kwargs);
    if (!isNothing(data.options) && typeof data.options === 'object') {
      options = { ...(data.options as Record<string, unknown>) };
    }
  } else if (how === 's' || how === 'simplified') {
    kwargs = copyKeys(data);
  }
  return {
    ok: true,
    format:
      how === 'normal' ? 'normal' : how === 's' || how === 'simplified' ? 'simplified' : 'other',
    kwargs,
    returnType: isNothing(options.returnType) ? 'raw' : options.returnType,
    unbox: isNothing(options.unbox) ? !direct : Boolean(options.unbox),
  };
}

/**
 * `createFuncRunnerTaskReq`'s option check, after the function was found: `returnType`
 * must be `raw` or `jsonDumps` (400 "Invalid options, invalid returnType" otherwise).
 */
export function checkReturnType(
  returnType: unknown,
): { ok: true; returnType: 'raw' | 'jsonDumps' } | { ok: false; message: string; detail: unknown } {
  if (typeof returnType === 'string' && RETURN_TYPES.includes(returnType)) {
    return { ok: true, returnType: returnType as 'raw' | 'jsonDumps' };
  }
  return {
    ok: false,
    message: 'Invalid options, invalid returnType',
    detail: { allowed: RETURN_TYPES },
  };
}

/** `_assignFuncCallKwargs` into `{}`: the own keys of whatever was given (`Object.keys`). */
function copyKeys(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
