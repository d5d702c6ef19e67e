import type { EmulatorBaseOptions } from '../core/runtime.js';
import type { DataFluxAccessKey } from './verify-request.js';

/** What an emulated function gets besides its kwargs (`_DFF_HTTP_REQUEST`-like). */
export interface DataFluxFuncContext {
  funcId: string;
  /** `direct` (`/api/v1/func`), `syncAPI` or `asyncAPI`. */
  origin: 'direct' | 'syncAPI' | 'asyncAPI';
  /** The Sync/Async API id, for API calls. */
  originId?: string;
  method: string;
  /**
   * The request target as received (`_DFF_HTTP_REQUEST.originalUrl`): a fixed-field
   * credential sent in the query stays visible here, as on the server.
   */
  target: string;
  headers: Headers;
  /**
   * `_DFF_HTTP_REQUEST.query`: the query as the server holds it when the function runs,
   * fixed-field credentials it checked deleted, `kwargs`/`options` JSON text parsed.
   */
  query: Record<string, unknown>;
  /**
   * `_DFF_HTTP_REQUEST.body`: the parsed body likewise (an object for JSON and forms, a
   * string for `text/plain`, `{type: 'Buffer', data}` for other bodies, `{}` for none).
   */
  body: unknown;
  traceId: string;
  /** The server's clock, Unix ms. */
  now: number;
}

/**
 * An emulated DataFlux function. Its return value crosses to the Node server as JSON and
 * is sent as the server sends it (PROTOCOLS §2: the Sync API flattens it); a throw is the
 * server's 599 `EFuncFailed`.
 */
export type DataFluxFunc = (
  kwargs: Record<string, unknown>,
  context: DataFluxFuncContext,
) => unknown;

/**
 * A function with what `GET /api/v1/func-list` and `GET /api/v1/func/:funcId` tell about
 * it (the server's `biz_main_func` row); what is left out is `null` there, as in the
 * database (`category` `'general'`, `definition` `name()`).
 */
export interface DataFluxFuncDefinition {
  handler: DataFluxFunc;
  title?: string;
  description?: string;
  /** The signature as the script has it: `hello(name, greeting='Hi')`. */
  definition?: string;
  /** `argsJSON`. */
  args?: readonly string[];
  /** `kwargsJSON`. */
  kwargs?: Readonly<Record<string, unknown>>;
  /** `extraConfigJSON`; `isHidden` (any value) leaves the function out of `func-list`. */
  extraConfig?: Readonly<Record<string, unknown>>;
  /** `general` (default), `prediction`, `action`… */
  category?: string;
  integration?: string;
  /** `tagsJSON`: `func-list?tags=a,b` lists functions holding all of them. */
  tags?: readonly string[];
  scriptTitle?: string;
  scriptDescription?: string;
  scriptSetTitle?: string;
  scriptSetDescription?: string;
}

/** One fixed field: `{location, name, value}` (see the API auth seed). */
export interface DataFluxFixedField {
  location: 'header' | 'query' | 'body';
  name: string;
  value: string;
}

/** A user of HTTP Basic / Digest API auth. */
export interface DataFluxAuthUser {
  username: string;
  password: string;
}

/** What an auth function can look at. */
export interface DataFluxAuthFuncRequest {
  /** Lower-case names. */
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

/** The API auth of a Sync/Async API (seed `dataflux-func-api-auth.md`). */
export type DataFluxApiAuthConfig =
  | { type: 'fixedField'; fields: readonly DataFluxFixedField[] }
  | { type: 'httpBasic'; users: readonly DataFluxAuthUser[] }
  | { type: 'httpDigest'; users: readonly DataFluxAuthUser[] }
  | {
      type: 'func';
      /**
       * Runs like the server's auth function at 5.0.0: only a throw rejects (→ 599
       * EFuncFailed), whatever it returns passes; `documentedAuthFunc` gives the seed's shapes.
       */
      check: (request: DataFluxAuthFuncRequest) => unknown;
    };

/** A throttling rule of a Sync API (the server's `throttlingJSON` keys). */
export type DataFluxThrottlingRule =
  | 'bySecond'
  | 'byMinute'
  | 'byHour'
  | 'byDay'
  | 'byMonth'
  | 'byYear';

/** A Sync or Async API: the function it calls and its auth. */
export interface DataFluxApiConfig {
  /** The function id, `demo__main.hello`. */
  func: string;
  auth?: DataFluxApiAuthConfig;
  /**
   * Sync APIs: the most calls per second/minute/hour/day/month (30 days)/year (365 days),
   * counted per fixed window after the API auth passed; the call over the limit answers
   * 429 `EClientRateLimit.APIThrottling` "Maximum calling rate exceeded" with
   * `detail: {rule, limit, currentCount, waitSeconds}` (the server's `throttlingJSON`).
   */
  throttling?: Readonly<Partial<Record<DataFluxThrottlingRule, number>>>;
  /**
   * The server's `funcCallKwargsJSON`: kwargs the API fixes. A value is passed to the
   * function as is, and a caller who sends that kwarg gets 400 "Cannot specify a fixed
   * kwargs field"; `'INPUT_BY_CALLER'` or `'FROM_PARAMETER'` marks one the caller supplies
   * (left out, it is dropped). Kwargs not named here are passed through.
   */
  funcCallKwargs?: Readonly<Record<string, unknown>>;
  /** Listed by `GET /api/v1/func-api-list` (the server's default is false). */
  showInDoc?: boolean;
}

/** Options of `createDataFluxEmulator`. */
export interface DataFluxEmulatorOptions extends EmulatorBaseOptions {
  /** Keys accepted by the AK/SK OpenAPI (`/api/v1/func/:funcId`). */
  accessKeys?: readonly DataFluxAccessKey[];
  /** Functions by id (`scriptSet__script.func`): the function, or it with its description. */
  funcs?: Readonly<Record<string, DataFluxFunc | DataFluxFuncDefinition>>;
  /** Sync APIs by id: `/api/v1/sync/:id` (+ `/s`, `/simplified`, legacy `/api/v1/al/:id`). */
  syncApis?: Readonly<Record<string, DataFluxApiConfig>>;
  /** Async APIs by id: `/api/v1/async/:id`. */
  asyncApis?: Readonly<Record<string, DataFluxApiConfig>>;
  /**
   * Digest auth that checks what the real server does not, as Apache and other servers
   * do: `uri` equals the request target, `opaque` and `realm` are the ones sent, `nc`
   * grows per nonce, `qop` and `algorithm` are `auth` / MD5; an expired nonce answers
   * `stale=true`. Off (the real server): none of these is checked.
   */
  strictDigest?: boolean;
  /**
   * Auth functions as the seed document describes them, not as release 5.0.0 runs them:
   * only `True` passes, and any other return value or a raise answers 401.99 `EAPIAuth`
   * "Func Auth failed" with the returned value (or the task's failure record) as `detail`.
   * Off (5.0.0): the return value is not checked, only a raise rejects (599 `EFuncFailed`).
   */
  documentedAuthFunc?: boolean;
  /** A function running longer than this answers 599 `EFuncTimeout` (default: no limit). */
  funcTimeoutMs?: number;
  /** AK/SK timestamp window, seconds (default 900). */
  windowSeconds?: number;
}

/** One request the DataFlux emulator answered (signatures and credentials masked). */
export interface DataFluxCallRecord {
  method: string;
  /** The request target as received. */
  target: string;
  route: 'func' | 'describeFunc' | 'funcList' | 'funcApiList' | 'sync' | 'async' | 'unknown';
  /** The function id or API id of the route. */
  id: string | undefined;
  format: 'normal' | 'simplified' | undefined;
  status: number;
  ok: boolean;
  /** The envelope's `error` number (200 on success). */
  error: number;
  reason: string | undefined;
  message: string | undefined;
  /** The key of a verified AK/SK call. */
  akId: string | undefined;
  /** The kwargs the function received. */
  kwargs: Record<string, unknown> | undefined;
  traceId: string;
  /** Lower-case names; `authorization` and `x-dff-ak-sign` masked. */
  headers: Record<string, string>;
}

/** A task started by an Async API call. */
export interface DataFluxTaskRecord {
  id: string;
  apiId: string;
  funcId: string;
  kwargs: Record<string, unknown>;
  status: 'running' | 'success' | 'failure';
  result?: unknown;
  exception?: string;
  /** Settles when the task has run. */
  done: Promise<void>;
}
