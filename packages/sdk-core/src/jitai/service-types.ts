/**
 * Typing of JitAi service proxies. A service is described by an interface whose methods
 * take one args object and return the (awaited) result:
 *
 * ```ts
 * interface OrderSvc { query(args: { orderId: string }): Promise<Order> }
 * const orders = jit.service<OrderSvc>('services.OrderSvc')
 * ```
 *
 * Generated clients (`signet gen`) also emit a service map, `{ 'services.OrderSvc':
 * OrderSvc, ... }`, that a client can be created with so `service('services.OrderSvc')`
 * is typed from its name alone.
 */

/** Per-call options a proxy method accepts after its args. */
export interface ServiceCallOptions {
  /** Aborts this call (all of its attempts). */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout, in ms. */
  timeout?: number | false;
}

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

/** A proxy whose methods sign, send, verify and unwrap one JitAi call each. */
export type ServiceProxy<T> = {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (
    ...args: infer P
  ) => infer R
    ? P extends []
      ? (args?: Record<string, never>, options?: ServiceCallOptions) => Promise<Awaited<R>>
      : undefined extends P[0]
        ? (args?: P[0], options?: ServiceCallOptions) => Promise<Awaited<R>>
        : (args: P[0], options?: ServiceCallOptions) => Promise<Awaited<R>>
    : never;
};
