/**
 * msw handlers that answer through an emulator (msw is an optional peer).
 *
 * @module @signet/sdk-testing/msw
 */

import { type HttpHandler, HttpResponse, http } from 'msw';
import type { FetchHandler } from './core/controls.js';

/**
 * msw handlers that answer every request under `baseUrl` (any method, any sub-path)
 * with an emulator, for `setupServer` (Node) or `setupWorker` (browsers). A
 * dropped-connection fault becomes `HttpResponse.error()`: the client's fetch rejects.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * const server = setupServer(...emulatorHandlers(jit, 'http://jitai.test'))
 * server.listen()
 * ```
 */
export function emulatorHandlers(emulator: FetchHandler, baseUrl: string): HttpHandler[] {
  if (typeof baseUrl !== 'string' || !/^https?:\/\//.test(baseUrl)) {
    throw new TypeError('emulatorHandlers: baseUrl must be an absolute http(s) URL');
  }
  const base = baseUrl.replace(/\/+$/, '');
  const resolve = async ({ request }: { request: Request }): Promise<Response> => {
    const response = await emulator.fetch(request);
    return response.type === 'error' ? HttpResponse.error() : response;
  };
  return [http.all(base, resolve), http.all(`${base}/*`, resolve)];
}
