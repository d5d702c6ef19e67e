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
  /** The request target as received. */
  target: string;
  headers: Headers;
  traceId: string;
  /** The server's clock, Unix ms. */
  now: number;
}

/**
 * An emulated DataFlux function. Its return value is sent as the Node server sends it
 * (`JSON.stringify`); a throw is the server's 599 `EFuncFailed`.
 */
export type DataFluxFunc = (
  kwargs: Record<string, unknown>,
  context: DataFluxFuncContext,
) => unknown;

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
      /** Runs like the server's auth function: only a throw rejects (→ 599 EFuncFailed). */
      check: (request: DataFluxAuthFuncRequest) => unknown;
    };

/** A Sync or Async API: the function it calls and its auth. */
export interface DataFluxApiConfig {
  /** The function id, `demo__main.hello`. */
  func: string;
  auth?: DataFluxApiAuthConfig;
}

/** Options of `createDataFluxEmulator`. */
export interface DataFluxEmulatorOptions extends EmulatorBaseOptions {
  /** Keys accepted by the AK/SK OpenAPI (`/api/v1/func/:funcId`). */
  accessKeys?: readonly DataFluxAccessKey[];
  /** Functions by id. */
  funcs?: Readonly<Record<string, DataFluxFunc>>;
  /** Sync APIs by id: `/api/v1/sync/:id` (+ `/s`, `/simplified`, legacy `/api/v1/al/:id`). */
  syncApis?: Readonly<Record<string, DataFluxApiConfig>>;
  /** Async APIs by id: `/api/v1/async/:id`. */
  asyncApis?: Readonly<Record<string, DataFluxApiConfig>>;
  /**
   * Digest auth that checks what the real server does not: `uri` equals the request
   * target, `opaque` and `realm` are the ones sent, `nc` grows per nonce, `qop` and
   * `algorithm` are `auth` / MD5; an expired nonce answers `stale=true`.
   */
  strictDigest?: boolean;
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
  route: 'func' | 'sync' | 'async' | 'unknown';
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
