import type { Transport } from './transport.js';

/** A `fetch` as signet calls it: a URL and an init, never a Request. */
export type FetchFunction = (input: URL, init: RequestInit) => Promise<Response>;

/**
 * The transport on `fetch`: the default in browsers, workers, Deno and Bun (sdk-node's
 * factories default to its own transport on undici). `redirect: 'manual'`, so a 3xx
 * comes back to signet instead of being followed with the credentials on it.
 *
 * @param fetchImpl the fetch to call (default: the global one, looked up per request so
 *   a fetch patched later, msw for instance, is honoured).
 */
export function fetchTransport(fetchImpl?: FetchFunction | typeof fetch): Transport {
  const send: FetchFunction =
    (fetchImpl as FetchFunction | undefined) ?? ((input, init) => globalThis.fetch(input, init));
  return async ({ method, url, headers, body, signal }) => {
    const init: RequestInit = { method, headers, signal, redirect: 'manual' };
    if (body !== undefined) init.body = body;
    const response = await send(url, init);
    return {
      status: response.status,
      headers: response.headers,
      body: response.body,
      opaqueRedirect: response.type === 'opaqueredirect',
    };
  };
}
