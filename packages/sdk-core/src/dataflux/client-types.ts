import type { CallOptions, RequestOptions } from '../http/options.js';
import type { SignetPromise } from '../http/with-response.js';

/**
 * Typing of DataFlux calls. A typed client is created with a map of what the server
 * offers, as `signet gen --from-dataflux` writes it (`SignetDataFlux`):
 *
 * ```ts
 * interface MyDataFlux {
 *   funcs: { 'demo__main.hello': { kwargs: { name: string; greeting?: string }; result: unknown } };
 *   syncApis: { 'api-hello': { kwargs: { name: string }; result: unknown } };
 * }
 * const dff = createDataFluxClient<MyDataFlux>(options)
 * await dff.callFunc('demo__main.hello', { name: 'x' })      // a wrong id or kwarg fails to compile
 * ```
 *
 * A table left out (`asyncApis` above) keeps that method untyped.
 */
export interface DataFluxTypes {
  /** Functions by id, for `callFunc`. */
  funcs?: object;
  /** Sync APIs by id, for `sync`. */
  syncApis?: object;
  /** Async APIs by id, for `async`. */
  asyncApis?: object;
}

/** Per-call options of DataFlux calls that start a task (no result to validate). */
export interface DataFluxRequestOptions extends RequestOptions {
  /** Sends `X-Trace-Id` (the server echoes it; it shows in the call record). */
  traceId?: string;
}

/** Per-call options of DataFlux calls: a `schema` validates the result. */
export interface DataFluxCallOptions<R = unknown> extends DataFluxRequestOptions, CallOptions<R> {}

/** Options of `sync()`. */
export interface SyncOptions<R = unknown> extends DataFluxCallOptions<R> {
  /**
   * 'normal' (`{kwargs, options}`) or 'simplified' (`/s`: the body or query *is* the
   * kwargs). Default: normal, unless the credential can only travel in the simplified
   * format (a fixed field in the body, or in the query of a GET).
   */
  format?: 'normal' | 'simplified';
  method?: 'POST' | 'GET';
  /** Sync API options; `returnType: 'jsonDumps'` is the only one the server accepts. */
  options?: { returnType?: 'jsonDumps' };
}

type Kwargs = Record<string, unknown>;
type KwargsOf<E> = E extends { kwargs: infer K } ? K : Kwargs;
type ResultOf<E> = E extends { result: infer R } ? R : unknown;
type TableOf<D, K extends keyof DataFluxTypes> = D extends Record<K, infer T> ? T : undefined;
type Untyped<T> = T extends object
  ? string extends keyof T
    ? true
    : [keyof T] extends [never]
      ? true
      : false
  : true;

/** The kwargs (optional when every one is) and options after an id. */
export type DataFluxCallArgs<E, O> =
  Record<never, never> extends KwargsOf<E>
    ? [kwargs?: KwargsOf<E>, options?: O]
    : [kwargs: KwargsOf<E>, options?: O];

/** `callFunc`: typed by the `funcs` table when there is one. */
export type DataFluxFuncCall<D> =
  Untyped<TableOf<D, 'funcs'>> extends true
    ? <R = unknown>(
        funcId: string,
        kwargs?: Kwargs,
        options?: DataFluxCallOptions<R>,
      ) => SignetPromise<R>
    : <
        I extends keyof TableOf<D, 'funcs'> & string,
        R extends ResultOf<TableOf<D, 'funcs'>[I]> = ResultOf<TableOf<D, 'funcs'>[I]>,
      >(
        funcId: I,
        ...rest: DataFluxCallArgs<TableOf<D, 'funcs'>[I], DataFluxCallOptions<R>>
      ) => SignetPromise<R>;

/** `sync`: typed by the `syncApis` table when there is one. */
export type DataFluxSyncCall<D> =
  Untyped<TableOf<D, 'syncApis'>> extends true
    ? <R = unknown>(id: string, kwargs?: Kwargs, options?: SyncOptions<R>) => SignetPromise<R>
    : <
        I extends keyof TableOf<D, 'syncApis'> & string,
        R extends ResultOf<TableOf<D, 'syncApis'>[I]> = ResultOf<TableOf<D, 'syncApis'>[I]>,
      >(
        id: I,
        ...rest: DataFluxCallArgs<TableOf<D, 'syncApis'>[I], SyncOptions<R>>
      ) => SignetPromise<R>;

/** `async`: typed by the `asyncApis` table when there is one. */
export type DataFluxAsyncCall<D> =
  Untyped<TableOf<D, 'asyncApis'>> extends true
    ? (
        id: string,
        kwargs?: Kwargs,
        options?: DataFluxRequestOptions,
      ) => SignetPromise<{ taskId: string }>
    : <I extends keyof TableOf<D, 'asyncApis'> & string>(
        id: I,
        ...rest: DataFluxCallArgs<TableOf<D, 'asyncApis'>[I], DataFluxRequestOptions>
      ) => SignetPromise<{ taskId: string }>;
