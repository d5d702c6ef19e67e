import { type FixedFieldStrategy, fixedFieldFits } from '../auth/fixed-field.js';
import { type AuthStrategy, type WithServerDefaults, withServerDefaults } from '../auth/types.js';
import { parseHttpDate } from '../clock.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { type CallSpec, executeWithResponse } from '../http/call.js';
import { type ClientConfig, normalizeConfig } from '../http/config.js';
import type { ClientOptions } from '../http/options.js';
import type { DecodedResponse } from '../http/response.js';
import type { QueryInit } from '../http/url.js';
import { checkExpectation, type ResultExpectation } from '../http/validate.js';
import { type SignetPromise, signetPromise, type WithResponse } from '../http/with-response.js';
import { losslessToValue } from '../json/lossless.js';
import { isLosslessObject, member } from '../json/lossless-access.js';
import { toWireJson } from '../json/wire-json.js';
import type {
  DataFluxAsyncCall,
  DataFluxCallOptions,
  DataFluxFuncCall,
  DataFluxRequestOptions,
  DataFluxSyncCall,
  DataFluxTypes,
  SyncOptions,
} from './client-types.js';
import { dataFluxApiError, dataFluxUnexpected, readDataFluxEnvelope } from './envelope.js';
import {
  type DataFluxFuncApiDoc,
  type DataFluxFuncApiListFilters,
  type DataFluxFuncDoc,
  type DataFluxFuncListFilters,
  listQuery,
} from './func-list.js';
import { DATAFLUX_SERVER_DEFAULTS } from './server-defaults.js';
import { dataflux } from './strategy.js';
import { syncResult } from './sync-result.js';

export interface DataFluxClientOptions extends ClientOptions {
  /** Shortcut for `auth: dataflux({ akId, akSecret })`. */
  akId?: string;
  akSecret?: string;
}

/**
 * A DataFlux Func client. With a type map (`createDataFluxClient<SignetDataFlux>()`, see
 * {@link DataFluxTypes}) ids and kwargs are checked at compile time; every call's promise
 * has `.withResponse()` for the status, headers, traceId and attempts.
 */
export interface DataFluxClient<D extends DataFluxTypes = DataFluxTypes> {
  /**
   * Calls a Sync API (auth link); resolves to the body the server sent for the function's
   * return value: decoded JSON for dicts, lists and `True`, the text for numbers and
   * strings (the wire cannot tell `42` from `'42'`), `null` for an empty body (`None`,
   * `False`, `0`, `''`). Return a dict from the function to keep types.
   */
  sync: DataFluxSyncCall<D>;
  /** Starts an Async API call; resolves to its task id. */
  async: DataFluxAsyncCall<D>;
  /** Calls a function through the AK/SK-signed OpenAPI; resolves to `data.result`. */
  callFunc: DataFluxFuncCall<D>;
  /**
   * The functions the server documents (`GET /api/v1/func-list`, signed in): ids, titles,
   * descriptions and parameters, what `signet gen --from-dataflux` types a client from.
   */
  listFuncs(
    filters?: DataFluxFuncListFilters,
    options?: DataFluxRequestOptions,
  ): SignetPromise<DataFluxFuncDoc[]>;
  /** The Sync and Async APIs shown in the docs (`GET /api/v1/func-api-list`). */
  listFuncApis(
    filters?: DataFluxFuncApiListFilters,
    options?: DataFluxRequestOptions,
  ): SignetPromise<DataFluxFuncApiDoc[]>;
  readonly clockOffsetMs: number;
}

/**
 * Creates a DataFlux Func client.
 *
 * @example
 * ```ts
 * const dff = createDataFluxClient({ baseUrl: 'https://host:8088', auth: dataflux({ akId, akSecret }) })
 * await dff.callFunc('demo__main.hello', { name: 'x' })
 * ```
 */
export function createDataFluxClient<D extends DataFluxTypes = DataFluxTypes>(
  options: DataFluxClientOptions,
): DataFluxClient<D> {
  return createDataFluxClientWithAuth<D>(options, resolveAuth(options));
}

/**
 * The DataFlux client over an auth strategy already chosen (or none): {@link
 * createDataFluxClient} without its `akId` + `akSecret` shortcut, so a bundle that uses
 * `basic()`, `fixedField()` or `digest()` carries no AK/SK signer. sdk-browser's
 * `createDataFluxClient` is built on it.
 */
export function createDataFluxClientWithAuth<D extends DataFluxTypes = DataFluxTypes>(
  options: Omit<DataFluxClientOptions, 'akId' | 'akSecret' | 'auth'>,
  auth: AuthStrategy | undefined,
): DataFluxClient<D> {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('createDataFluxClient: options must be an object');
  }
  if (auth !== undefined && typeof auth?.kind !== 'string') {
    throw new SignetConfigError('createDataFluxClient: auth must be an auth strategy');
  }
  const keyId = (auth as { akId?: string } | undefined)?.akId;
  // A strategy left open on server-dependent details (Digest user names) takes DataFlux's.
  const adapted = (auth as WithServerDefaults | undefined)?.[withServerDefaults]?.(
    DATAFLUX_SERVER_DEFAULTS,
  );
  const config = normalizeConfig({ ...options, auth: adapted ?? auth }, keyId);
  // Specs are built inside the promise, so a refused argument rejects like any failure.
  const run = <T>(spec: () => CallSpec<T>): SignetPromise<T> =>
    signetPromise((async (): Promise<WithResponse<T>> => executeWithResponse(config, spec()))());
  const client: DataFluxClient = {
    sync: (id, kwargs, opts = {}) => run(() => syncSpec(config, id, kwargs ?? {}, opts)),
    async: (id, kwargs, opts = {}) =>
      run(() => ({
        ...common(opts, `async:${id}`),
        method: 'POST',
        path: `api/v1/async/${pathId(id, 'async')}`,
        body: { kwargs: kwargs ?? {} },
        // The Async API validates its body like the Sync API's normal format.
        format: 'normal',
        decode: (res) => {
          const data = envelopeData(res, config, 'async call');
          const taskId = isLosslessObject(data) ? member(data, 'id') : undefined;
          if (typeof taskId !== 'string') {
            throw new SignetDecodeError('DataFlux async call: the envelope has no data.id task id');
          }
          return { taskId };
        },
      })),
    callFunc: (funcId, kwargs, opts = {}) =>
      run(() => ({
        ...common(opts, `func:${funcId}`),
        method: 'POST',
        path: `api/v1/func/${pathId(funcId, 'callFunc')}`,
        body: { kwargs: kwargs ?? {} },
        expect: expectation(opts, `callFunc ${funcId}`),
        decode: (res) => {
          const data = envelopeData(res, config, 'func call');
          if (!isLosslessObject(data) || member(data, 'result') === undefined) {
            throw new SignetDecodeError('DataFlux func call: the envelope has no data.result');
          }
          return losslessToValue(member(data, 'result')!, { bigint: config.bigint }) as never;
        },
      })),
    listFuncs: (filters, opts = {}) =>
      run(() => listSpec<DataFluxFuncDoc>(config, 'api/v1/func-list', 'func-list', filters, opts)),
    listFuncApis: (filters, opts = {}) =>
      run(() =>
        listSpec<DataFluxFuncApiDoc>(
          config,
          'api/v1/func-api-list',
          'func-api-list',
          filters,
          opts,
        ),
      ),
    get clockOffsetMs() {
      return config.clock.offsetMs;
    },
  };
  return client as unknown as DataFluxClient<D>;
}

/** A list route: GET with comma-joined filters; `data` must be a list of objects. */
function listSpec<T>(
  config: ClientConfig,
  path: string,
  what: string,
  filters: object | undefined,
  opts: DataFluxRequestOptions,
): CallSpec<T[]> {
  if (filters !== undefined && (filters === null || typeof filters !== 'object')) {
    throw new SignetConfigError(`${what}: filters must be an object`);
  }
  return {
    ...common(opts, what),
    method: 'GET',
    path,
    query: listQuery(filters),
    decode: (res) => {
      const data = envelopeData(res, config, what);
      const list =
        data === undefined ? undefined : losslessToValue(data, { bigint: config.bigint });
      if (
        !Array.isArray(list) ||
        list.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))
      ) {
        throw new SignetDecodeError(`DataFlux ${what}: data is not a list of objects`);
      }
      return list as T[];
    },
  };
}

/** The call's schema, checked before anything is sent. */
function expectation(opts: DataFluxCallOptions, what: string): ResultExpectation | undefined {
  if (opts.schema === undefined) return undefined;
  const expect = { schema: opts.schema };
  checkExpectation(expect, `${what}: options`);
  return expect;
}

function resolveAuth(options: DataFluxClientOptions): AuthStrategy | undefined {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('createDataFluxClient: options must be an object');
  }
  const hasAk = options.akId !== undefined || options.akSecret !== undefined;
  if (options.auth && hasAk) {
    throw new SignetConfigError(
      'createDataFluxClient: give either akId + akSecret or auth, not both',
    );
  }
  if (hasAk) return dataflux({ akId: options.akId ?? '', akSecret: options.akSecret ?? '' });
  return options.auth;
}

function pathId(id: string, what: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new SignetConfigError(`${what}: the id must be a non-empty string`);
  }
  return encodeURIComponent(id);
}

function common(opts: DataFluxRequestOptions, api: string) {
  return {
    api,
    headers: opts.traceId === undefined ? undefined : { 'X-Trace-Id': opts.traceId },
    options: opts,
    annotate: annotate,
    skew: skew,
  } satisfies Partial<CallSpec<unknown>>;
}

function annotate(
  res: DecodedResponse,
  record: { errcode: unknown; reason: unknown; traceId: unknown },
) {
  const env = readDataFluxEnvelope(res);
  if (env && !env.ok) {
    record.errcode = env.error;
    record.reason = env.reason;
  }
  if (env?.traceId) record.traceId = env.traceId;
}

function skew(res: DecodedResponse) {
  const env = readDataFluxEnvelope(res);
  const respTime = env?.respTime ? Date.parse(env.respTime) : Number.NaN;
  return {
    serverTime: Number.isFinite(respTime) ? respTime : parseHttpDate(res.headers.get('date')),
    // Exactly the window message: the real server's sign error ends with a hint that
    // mentions "<AK Timestamp(Second)>" too.
    rejected:
      res.status === 401 &&
      env?.reason === 'EUserAuth' &&
      env.message?.startsWith('Invalid Access Key timestamp') === true,
    thresholdMs: 810_000,
  };
}

/** The `data` of a success envelope, or the typed error. */
function envelopeData(res: DecodedResponse, config: ClientConfig, what: string) {
  const env = readDataFluxEnvelope(res);
  if (env && !env.ok) throw dataFluxApiError(env, res.status, config.bigint, what);
  if (!env || res.status < 200 || res.status >= 300) throw dataFluxUnexpected(res, what);
  return env.data;
}

function syncSpec(
  config: ClientConfig,
  id: string,
  kwargs: Record<string, unknown>,
  opts: SyncOptions,
): CallSpec<never> {
  if (kwargs === null || typeof kwargs !== 'object' || Array.isArray(kwargs)) {
    throw new SignetConfigError(
      'sync: kwargs must be a plain object (the server rejects anything else)',
    );
  }
  const method = (opts.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'GET') {
    throw new SignetConfigError(`sync: method must be 'POST' or 'GET', got ${String(opts.method)}`);
  }
  const format = chooseFormat(config.auth, method, opts);
  const base = `api/v1/sync/${pathId(id, 'sync')}`;
  let path = base;
  let query: QueryInit | undefined;
  let body: unknown;
  if (format === 'normal') {
    const payload: Record<string, unknown> = { kwargs };
    if (opts.options) payload.options = opts.options;
    if (method === 'POST') body = payload;
    else {
      const q: Record<string, string> = { kwargs: toWireJson(kwargs, 'kwargs') };
      if (opts.options) q.options = toWireJson(opts.options, 'options');
      query = q;
    }
  } else {
    if (opts.options) {
      throw new SignetConfigError(
        'sync: the simplified format cannot carry options (the whole body/query is the kwargs); use the normal format',
      );
    }
    path = `${base}/s`;
    if (method === 'POST') body = kwargs;
    else query = simplifiedQuery(kwargs);
  }
  return {
    ...common(opts, `sync:${id}`),
    method,
    path,
    query,
    body,
    format,
    expect: expectation(opts, `sync ${id}`),
    decode(res) {
      if (res.status >= 200 && res.status < 300) {
        return syncResult(res, `sync ${id}`, config.bigint) as never;
      }
      const env = readDataFluxEnvelope(res);
      if (env && !env.ok) throw dataFluxApiError(env, res.status, config.bigint, `sync ${id}`);
      throw dataFluxUnexpected(res, `sync ${id}`);
    },
  };
}

/**
 * The format the configured credential can travel in (PROTOCOLS §2 field rules): normal
 * when one of the fixed fields fits it, else simplified; the strategy then sends the
 * first field that fits the chosen format, and only that one.
 */
function chooseFormat(
  auth: AuthStrategy | undefined,
  method: string,
  opts: SyncOptions,
): 'normal' | 'simplified' {
  const locations = auth?.kind === 'fixedField' ? (auth as FixedFieldStrategy).locations : [];
  const fitsNormal =
    locations.length === 0 || locations.some((l) => fixedFieldFits(l, method, 'normal'));
  if (opts.format === 'normal' && !fitsNormal) {
    const where = locations.includes('body') ? 'a body field' : 'a query field of a GET';
    throw new SignetConfigError(
      `sync: the normal format rejects unexpected fields, so the credential (${where}) cannot travel in it; use format: 'simplified'${locations.includes('body') ? '' : " or method: 'POST'"}`,
    );
  }
  return opts.format ?? (fitsNormal ? 'normal' : 'simplified');
}

function simplifiedQuery(kwargs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(kwargs)) {
    if (typeof value !== 'string') {
      throw new SignetConfigError(
        `sync: a simplified GET sends kwargs as query strings, but kwargs.${key} is ${value === null ? 'null' : typeof value}; use POST or the normal format`,
      );
    }
    out[key] = value;
  }
  return out;
}
