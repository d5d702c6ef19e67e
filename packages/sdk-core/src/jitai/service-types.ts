import type { CallOptions } from '../http/options.js';
import type { StandardSchemaV1 } from '../http/standard-schema.js';
import type { SignetPromise } from '../http/with-response.js';

/**
 * Typing of JitAi calls and service proxies. A service is described by an interface whose
 * methods take one args object and return the (awaited) result:
 *
 * ```ts
 * interface OrderSvc { query(args: { orderId: string }): Promise<Order> }
 * const orders = jit.service<OrderSvc>('services.OrderSvc')
 * ```
 *
 * Generated clients (`signet gen`) also emit a service map, `{ 'services.OrderSvc':
 * OrderSvc, ... }`: a client created with it types `service('services.OrderSvc')` from its
 * name alone, and `call('services.OrderSvc.query', args)` from the API name (a name,
 * args or result that do not fit fail to compile).
 */

/** Per-call options a proxy method accepts after its args (a schema must give its result type). */
export type ServiceCallOptions<R = unknown> = CallOptions<R>;

/**
 * Maps full service names (`services.OrderSvc`) to service interfaces, like the
 * `SignetServices` interface `signet gen` writes. Any object type fits: an `interface`
 * has no implicit index signature, so `{ [fullName: string]: object }` would reject the
 * very maps the generator emits.
 */
export type ServiceMap = object;

/** The args a service method takes (its first parameter), or an empty object. */
export type ServiceArgs<F> = F extends (...args: infer P) => unknown
  ? P extends []
    ? Record<string, never> | undefined
    : P[0]
  : never;

/** The awaited result of a service method. */
export type ServiceResult<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/** The names of a service interface's methods. */
export type ServiceMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never;
}[keyof T] &
  string;

/** Every API name (`<service>.<method>`) of a service map. */
export type ServiceApi<S> = {
  [N in keyof S & string]: `${N}.${ServiceMethods<S[N]>}`;
}[keyof S & string];

/** The method an API name of a service map denotes. */
export type ApiFunction<S, A extends string> = {
  [N in keyof S & string]: A extends `${N}.${infer M}`
    ? M extends ServiceMethods<S[N]>
      ? S[N][M]
      : never
    : never;
}[keyof S & string];

/**
 * True when a client has no service map (`Record<string, object>`, or a map without
 * names such as `object`): its calls stay untyped.
 */
export type IsUntyped<S> = string extends keyof S ? true : [keyof S] extends [never] ? true : false;

/** `call(api, args, options)` of a typed client: args optional only when the method's are. */
export type ApiCallArgs<F, R> =
  undefined extends ServiceArgs<F>
    ? [args?: ServiceArgs<F>, options?: CallOptions<R>]
    : [args: ServiceArgs<F>, options?: CallOptions<R>];

/** `jit.call` of a client without a service map: any API name, any args. */
export type UntypedJitaiCall = <R = unknown>(
  api: string,
  args?: object,
  options?: CallOptions<R>,
) => SignetPromise<R>;

/**
 * `jit.call` of a client with a service map: the API name must be one of the map's, the
 * args must be that method's, and the result is its result (or what a narrower schema gives).
 */
export type TypedJitaiCall<S> = <
  A extends ServiceApi<S>,
  R extends ServiceResult<ApiFunction<S, A>> = ServiceResult<ApiFunction<S, A>>,
>(
  api: A,
  ...rest: ApiCallArgs<ApiFunction<S, A>, R>
) => SignetPromise<R>;

/** `jit.call`, typed when the client has a service map. */
export type JitaiCall<S> = IsUntyped<S> extends true ? UntypedJitaiCall : TypedJitaiCall<S>;

/** A result schema per method of a service: `{ query: OrderSchema }`. */
export type ServiceSchemas<T> = {
  readonly [K in ServiceMethods<T>]?: StandardSchemaV1<unknown, ServiceResult<T[K]>>;
};

/** Options of `jit.service(name, options)`. */
export interface ServiceOptions<T> {
  /** Each method's result must pass its schema (a per-call `schema` takes precedence). */
  schemas?: ServiceSchemas<T> | undefined;
}

/** A proxy whose methods sign, send, verify and unwrap one JitAi call each. */
export type ServiceProxy<T> = {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (
    ...args: infer P
  ) => infer R
    ? P extends []
      ? (
          args?: Record<string, never>,
          options?: ServiceCallOptions<Awaited<R>>,
        ) => SignetPromise<Awaited<R>>
      : undefined extends P[0]
        ? (args?: P[0], options?: ServiceCallOptions<Awaited<R>>) => SignetPromise<Awaited<R>>
        : (args: P[0], options?: ServiceCallOptions<Awaited<R>>) => SignetPromise<Awaited<R>>
    : never;
};
