/** One attempt as signet hands it to a transport: the request exactly as it was signed. */
export interface TransportRequest {
  /** Upper-case method. */
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The exact body text (sent as UTF-8), or undefined for none. */
  readonly body: string | undefined;
  /**
   * Ends the attempt: its timeout, the call's `totalTimeout` or the caller's signal. It
   * stays armed while signet reads the body, so a transport must tie the body to it too.
   */
  readonly signal: AbortSignal;
}

/** What a transport hands back: status and headers, and the body still to be read. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Headers;
  /**
   * The body as it arrives; signet reads it under the attempt's signal and byte limit
   * (`maxResponseBytes`). null: no body.
   */
  readonly body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null;
  /** A browser's opaque redirect (`redirect: 'manual'`): a 3xx whose target it hides. */
  readonly opaqueRedirect?: boolean;
}

/**
 * Sends exactly one attempt. A transport never follows a redirect, never retries and
 * never reads the body: signet's attempt loop owns all of that. It rejects when no answer
 * came (refused, reset, DNS, CORS, aborted).
 *
 * @example
 * ```ts
 * const logged: Transport = async (request) => {
 *   console.log(request.method, request.url.pathname)
 *   return fetchTransport()(request)
 * }
 * createClient({ baseUrl, transport: logged })
 * ```
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;
