import { tracingChannel } from 'node:diagnostics_channel';
import type { CallTraceContext, CallTracer } from '@signet/sdk-core';

/** The tracing channel every sdk-node client publishes its calls on. */
export const SIGNET_CALL_CHANNEL = 'signet:call';

const channel = /* @__PURE__ */ tracingChannel<unknown, CallTraceContext>(SIGNET_CALL_CHANNEL);

/**
 * Publishes each call on `node:diagnostics_channel`, so tracing tools can subscribe
 * without a dependency on signet: `tracingChannel('signet:call')` gives `start` (the
 * context: `api`, `method`, `url`, masked), `asyncEnd` (with `result` — `{ data,
 * response }` — and `record`, the call record) and `error` (with `error`, the SignetError,
 * credentials masked, and `record`). Costs nothing while nobody subscribes.
 *
 * @example
 * ```ts
 * import diagnostics_channel from 'node:diagnostics_channel'
 * diagnostics_channel.tracingChannel('signet:call').subscribe({
 *   start(ctx) { console.log('→', ctx.method, ctx.api ?? ctx.url) },
 *   asyncEnd(ctx) { console.log('←', ctx.record?.status, ctx.record?.durationMs) },
 *   error(ctx) { console.log('✗', ctx.error) },
 *   end() {}, asyncStart() {},
 * })
 * ```
 */
export const diagnosticsTracer: CallTracer = Object.assign(
  <T>(context: CallTraceContext, run: () => Promise<T>): Promise<T> =>
    channel.hasSubscribers ? channel.tracePromise(run, context) : run(),
  { enabled: () => channel.hasSubscribers },
);
