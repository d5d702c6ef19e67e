import type { AuthStrategy } from './types.js';

/** What a custom auth function receives: it may set headers, query fields and body fields. */
export interface CustomAuthState {
  readonly method: string;
  /** The request URL (query fields included). */
  readonly url: URL;
  readonly headers: Headers;
  /** `url.searchParams`: add query fields here. */
  readonly query: URLSearchParams;
  /** The JSON object about to be sent; mutate it to add fields (an empty object for bodiless POSTs). */
  readonly body: Record<string, unknown> | unknown[] | undefined;
}

/**
 * The client side of a DataFlux "auth function" (or any scheme signet lacks): called
 * once per attempt to add credentials to the request about to be sent.
 */
export type CustomAuthFunction = (state: CustomAuthState) => void | Promise<void>;

/**
 * The client side of DataFlux Func's "auth function" API auth, or any scheme signet does
 * not know: your function runs before every request is serialized and may add headers,
 * query fields or body fields. Whatever it adds counts as a credential (never logged).
 *
 * @example
 * ```ts
 * customAuth(({ headers }) => { headers.set('X-Auth-Func', token) })
 * ```
 */
export function customAuth(fn: CustomAuthFunction): AuthStrategy {
  if (typeof fn !== 'function') throw new TypeError('customAuth(fn): fn must be a function');
  return {
    kind: 'customAuth',
    credentialed: true,
    async prepare(state) {
      if (state.body === undefined && state.method !== 'GET' && state.method !== 'HEAD') {
        state.body = {};
      }
      const body = state.body;
      const mutable =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
      await fn({
        method: state.method,
        url: state.url,
        headers: state.headers,
        query: state.url.searchParams,
        body: mutable,
      });
    },
  };
}
