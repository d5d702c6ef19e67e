/**
 * A secret-free record of one call, the client-side mirror of JitAi's apiAuths call log
 * (`accessKey, requestId, timestamp, path, element, funcName, duration, errcode, errmsg`).
 * Never holds secrets, signatures, Authorization values or credential query fields: every
 * string in it is masked for whatever the auth strategy put on the call's requests.
 */
export interface CallRecord {
  /** JitAi api (`services.OrderSvc.query`), DataFlux route (`sync:my-api-id`) or undefined. */
  api: string | undefined;
  method: string;
  /** Request path and query as sent, every credential in it masked (`***`). */
  path: string;
  /** Final HTTP status, or undefined when no answer came. */
  status: number | undefined;
  ok: boolean;
  /** JitAi errcode or DataFlux `error`, when the platform sent one. */
  errcode: number | string | undefined;
  /** DataFlux `reason`. */
  reason: string | undefined;
  /** The platform's message when the call failed. */
  message: string | undefined;
  /** SignetError name when the call threw. */
  error: string | undefined;
  requestId: string | undefined;
  traceId: string | undefined;
  /** Unix ms when the call started. */
  startedAt: number;
  /** Total ms including retries and re-sends. */
  durationMs: number;
  /** HTTP attempts made (ky retries and signet re-sends included). */
  attempts: number;
  /** Clock offset in use (server − local, ms), and the last one measured. */
  clockOffsetMs: number;
  measuredSkewMs: number | undefined;
  /** Which auth strategy signed the call. */
  auth: string | undefined;
  /** Access key / AK id / key id / username: identifiers, not secrets. */
  keyId: string | undefined;
}
