import type { CallRecord } from './records.js';

/**
 * What a tracer learns of a call: set before the call starts, completed when it ends.
 * Everything in it is credential-free (the URL is masked like call records).
 */
export interface CallTraceContext {
  /** JitAi api, DataFlux route (`func:demo__main.hello`) or undefined (generic client). */
  api: string | undefined;
  method: string;
  /** The URL of the first attempt, before the auth strategy added anything to it. */
  url: string;
  /** The call's record, filled in when it ends (success or failure). */
  record?: CallRecord;
}

/**
 * Wraps every call of a client: called with the context and the call itself, it must
 * return what `run` returns (or rejects with). This is the seam platform packages
 * publish through without sdk-core knowing their channels: sdk-node's factories set
 * one that publishes on `node:diagnostics_channel` (`tracingChannel('signet:call')`).
 */
export interface CallTracer {
  <T>(context: CallTraceContext, run: () => Promise<T>): Promise<T>;
  /**
   * Optional: whether anything listens right now. When it returns false the call runs
   * without a context, so its masked URL and record are never built (a channel nobody
   * subscribes to then costs nothing).
   */
  enabled?(): boolean;
}
