import { parseHttpDate } from '../clock.js';
import { SignetConfigError, SignetDecodeError, SignetHttpError } from '../errors.js';
import { losslessToValue } from '../json/lossless.js';
import { execute } from './call.js';
import { normalizeConfig } from './config.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { excerpt } from './response.js';
import type { QueryInit } from './url.js';

/** Options of one generic request. */
export interface GenericRequestOptions extends RequestOptions {
  /** JSON body (serialized once, signed from those bytes). */
  json?: unknown;
  /** Query fields appended to the path's own query. */
  query?: QueryInit;
}

/** What a generic request resolves to. */
export interface GenericResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Decoded JSON (lossless numbers, big integers per the `bigint` option) or the text. */
  data: T;
}

/** A client for any API, from {@link createClient}: each request signed by its strategy. */
export interface GenericClient {
  /** Any signed request under baseUrl. Non-2xx throws SignetHttpError. */
  request<T = unknown>(
    method: string,
    path: string,
    options?: GenericRequestOptions,
  ): Promise<GenericResponse<T>>;
  readonly clockOffsetMs: number;
}

const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A client for any API: pair it with `hmacSignature()` for timestamp+HMAC APIs, or with
 * `bearer`, `basic`, `digest`, `fixedField`, `customAuth`.
 *
 * @example
 * ```ts
 * const api = createClient({ baseUrl, auth: hmacSignature({ keyId, secret }) })
 * const { data } = await api.request('POST', '/orders', { json: { id: 1 } })
 * ```
 */
export function createClient(options: ClientOptions): GenericClient {
  const keyId = (options?.auth as { keyId?: string; username?: string } | undefined)?.keyId;
  const config = normalizeConfig(options, keyId);
  return {
    async request(method, path, opts = {}) {
      if (typeof method !== 'string' || !METHOD.test(method)) {
        throw new SignetConfigError(`request: "${String(method)}" is not an HTTP method`);
      }
      const upper = method.toUpperCase();
      if ((upper === 'GET' || upper === 'HEAD') && opts.json !== undefined) {
        throw new SignetConfigError(`request: a ${upper} request cannot carry a JSON body`);
      }
      return execute(config, {
        method: upper,
        path,
        query: opts.query,
        body: opts.json,
        options: opts,
        skew: (res) => ({
          serverTime: parseHttpDate(res.headers.get('date')),
          rejected: res.status === 401 && config.auth?.timestamped === true,
          thresholdMs: 30_000,
        }),
        decode(res) {
          if (res.status < 200 || res.status >= 300) {
            throw new SignetHttpError(
              `HTTP ${res.status} from ${upper} ${path}${res.text ? `: ${excerpt(res.text)}` : ''}`,
              {
                status: res.status,
                headers: res.headers,
                body:
                  res.json === undefined
                    ? res.text
                    : losslessToValue(res.json, { bigint: config.bigint }),
                method: upper,
              },
            );
          }
          if (res.isJson) {
            if (res.json === undefined) {
              if (res.text === '')
                return { status: res.status, headers: res.headers, data: undefined as never };
              throw new SignetDecodeError(
                `${upper} ${path}: the body is typed JSON but does not parse: ${res.jsonError?.message}`,
                res.jsonError ? { cause: res.jsonError, position: res.jsonError.position } : {},
              );
            }
            return {
              status: res.status,
              headers: res.headers,
              data: losslessToValue(res.json, { bigint: config.bigint }) as never,
            };
          }
          return { status: res.status, headers: res.headers, data: res.text as never };
        },
      });
    },
    get clockOffsetMs() {
      return config.clock.offsetMs;
    },
  };
}
