/** One segment of a JitAi name: an ASCII identifier (`OrderSvc`, `query`, `$x`, `_y`). */
export const JITAI_NAME_SEGMENT: RegExp = /^[A-Za-z_$][\w$]*$/;

/** A service name: dotted segments (`services.OrderSvc`). */
export const JITAI_SERVICE_NAME: RegExp = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * An api name `jit.call` accepts: at least two dotted segments
 * (`services.OrderSvc.query`), each of which becomes one path segment of the call.
 */
export const JITAI_API_NAME: RegExp = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

/** Names a service proxy returns `undefined` for, so that it is never taken for a promise. */
export const PROXY_RESERVED: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'then',
  'catch',
  'finally',
  'toJSON',
  'constructor',
  'valueOf',
  'toString',
]);
