import { nodeJson } from './envelope.js';
import { type DataFluxExchange, JSON_TYPE } from './exchange.js';

const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * The server's `_doAPIResponse` for a function's return value (after its JSON trip from
 * the worker): `returnValue || null`, then `JSON.stringify` for `returnType: 'jsonDumps'`;
 * unboxed (Sync/Async API default) it goes through Express `res.send`: a string or a
 * number as `text/html` (`String(value)`), `null` as an empty body with no type,
 * anything else as JSON. Boxed (a direct func call) it is the envelope's `data.result`.
 */
export function apiResponse(
  x: DataFluxExchange,
  value: unknown,
  returnType: 'raw' | 'jsonDumps',
  unbox: boolean,
): Response {
  // What Node holds after JSON.parse of the worker's answer (big ints rounded, 1.0 → 1).
  const received: unknown = JSON.parse(nodeJson(value ?? null));
  let result: unknown = received || null;
  if (returnType === 'jsonDumps') result = JSON.stringify(result);
  if (!unbox) return x.ok({ result }, { 'Last-Modified': httpNow(x) });
  const headers = { 'Last-Modified': httpNow(x) };
  if (result === null) return x.send(200, '', undefined, headers);
  if (typeof result === 'string' || typeof result === 'number') {
    return x.send(200, String(result), HTML_TYPE, headers);
  }
  return x.send(200, JSON.stringify(result), JSON_TYPE, headers);
}

function httpNow(x: DataFluxExchange): string {
  return new Date(x.envelope.reqTime).toUTCString();
}
