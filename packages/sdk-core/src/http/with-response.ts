/** What came with a result: the final answer's status and headers, and how it went. */
export interface ResponseInfo {
  /** Status of the answer the result came from. */
  status: number;
  /** Its headers, as the server sent them. */
  headers: Headers;
  /** JitAi `requestId`, when the envelope had one. */
  requestId: string | undefined;
  /** DataFlux `traceId` / `X-Trace-Id`, when the server sent one. */
  traceId: string | undefined;
  /** Attempts sent (retries and re-sends included). */
  attempts: number;
  /** The whole call, ms. */
  durationMs: number;
}

/** A result with its response: `await jit.call(…).withResponse()`. */
export interface WithResponse<T> {
  data: T;
  response: ResponseInfo;
}

/**
 * The promise of a call's result, with `withResponse()` for the response it came from
 * (OpenAI's model). Awaiting it gives the result alone.
 *
 * @example
 * ```ts
 * const { data, response } = await jit.call('services.OrderSvc.query', args).withResponse()
 * console.log(response.requestId, response.attempts)
 * ```
 */
export interface SignetPromise<T> extends Promise<T> {
  /** The result and the response it came from. */
  withResponse(): Promise<WithResponse<T>>;
}

/**
 * A SignetPromise over the full outcome. The result alone is derived only when someone
 * awaits it, so a caller of `withResponse()` alone leaves no second promise to reject
 * unhandled.
 */
export function signetPromise<T>(full: Promise<WithResponse<T>>): SignetPromise<T> {
  let data: Promise<T> | undefined;
  const result = () => {
    data ??= full.then((outcome) => outcome.data);
    return data;
  };
  const promise: SignetPromise<T> = {
    // biome-ignore lint/suspicious/noThenProperty: this object is a promise (a thenable by design)
    then: (onFulfilled, onRejected) => result().then(onFulfilled, onRejected),
    catch: (onRejected) => result().catch(onRejected),
    finally: (onFinally) => result().finally(onFinally),
    withResponse: () => full,
    [Symbol.toStringTag]: 'SignetPromise',
  };
  return promise;
}
