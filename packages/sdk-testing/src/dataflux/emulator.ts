import { EmulatorControls } from '../core/controls.js';
import type { FailFault } from '../core/faults.js';
import { decodePathSegment } from '../core/http.js';
import { ApiAuthenticator } from './api-auth.js';
import { readApiRequest } from './api-request.js';
import { type ExpressBody, paramsRecord } from './body.js';
import { DATAFLUX_ERRORS, nodeJson } from './envelope.js';
import {
  DataFluxExchange,
  dataFluxFailureEnvelope,
  dataFluxTruncatedEnvelope,
  JSON_TYPE,
} from './exchange.js';
import { runFunc } from './func-runner.js';
import { createNonceStore, type NonceStore } from './nonce-store.js';
import type {
  DataFluxApiConfig,
  DataFluxCallRecord,
  DataFluxEmulatorOptions,
  DataFluxFunc,
  DataFluxFuncContext,
  DataFluxTaskRecord,
} from './options.js';
import { verifyDataFluxRequest } from './verify-request.js';

const FUNC_ROUTE = /^\/api\/v1\/func\/([^/]+)\/?$/;
const API_ROUTE = /^\/api\/v1\/(sync|al|func-api|async)\/([^/]+)(?:\/(s|simplified))?\/?$/;

/** An emulated DataFlux Func server: see {@link createDataFluxEmulator}. */
export class DataFluxEmulator extends EmulatorControls {
  /** Every request answered (preflights and faults excepted), oldest first. */
  readonly calls: DataFluxCallRecord[] = [];
  /** Tasks started by Async API calls. */
  readonly tasks: DataFluxTaskRecord[] = [];
  /** The AK/SK nonces seen (24 h, per key). */
  readonly nonces: NonceStore = createNonceStore();
  readonly #options: DataFluxEmulatorOptions;
  readonly #auth: ApiAuthenticator;

  constructor(options: DataFluxEmulatorOptions) {
    super(options, { exposeHeaders: '*' });
    this.#options = options;
    this.#auth = new ApiAuthenticator(
      () => uuidFromHex(this.randomHex(16)),
      options.strictDigest ?? false,
      options.funcTimeoutMs,
    );
  }

  /** Forgets the recorded calls and tasks. */
  clearCalls(): void {
    this.calls.length = 0;
    this.tasks.length = 0;
  }

  protected override async handle(request: Request): Promise<Response> {
    const x = await DataFluxExchange.read(request, () => this.now(), this.#traceId(request));
    this.calls.push(x.record);
    if ('error' in x.body) {
      return x.fail(DATAFLUX_ERRORS.badRequest, 'Invalid request body, bad JSON format', {
        error: x.body.error,
      });
    }
    const path = new URL(request.url).pathname;
    const func = FUNC_ROUTE.exec(path);
    const funcId = func === null ? undefined : decodePathSegment(func[1]!);
    if (funcId !== undefined && request.method === 'POST') return this.#callFunc(x, funcId);
    const api = API_ROUTE.exec(path);
    const apiId = api === null ? undefined : decodePathSegment(api[2]!);
    const isAsync = api?.[1] === 'async';
    if (
      apiId !== undefined &&
      (request.method === 'POST' || (request.method === 'GET' && !isAsync))
    ) {
      return this.#callApi(x, apiId, api![3] !== undefined, isAsync);
    }
    return x.fail(DATAFLUX_ERRORS.notFound, 'No such route', null);
  }

  async #callFunc(x: DataFluxExchange, funcId: string): Promise<Response> {
    x.record.route = 'func';
    x.record.id = funcId;
    const verdict = verifyDataFluxRequest({
      method: x.request.method,
      url: x.target,
      headers: x.request.headers,
      bodyText: x.bodyText,
      accessKeys: this.#options.accessKeys ?? [],
      now: this.now(),
      nonceStore: this.nonces,
      ...(this.#options.windowSeconds === undefined
        ? {}
        : { windowSeconds: this.#options.windowSeconds }),
    });
    if (!verdict.ok) {
      const kind = { status: verdict.status, code: String(verdict.error), reason: verdict.reason };
      return x.fail(kind, verdict.message, verdict.detail);
    }
    x.record.akId = verdict.akId;
    x.record.format = 'normal';
    const data = readApiRequest('POST', false, {}, x.body as ExpressBody);
    if (!data.ok) return x.fail(DATAFLUX_ERRORS.badRequest, data.message, data.detail);
    const outcome = await this.#run(x, funcId, data.kwargs, { origin: 'direct' });
    if (outcome instanceof Response) return outcome;
    const result = data.returnType === 'jsonDumps' ? nodeJson(outcome.value) : outcome.value;
    return x.ok({ result });
  }

  async #callApi(
    x: DataFluxExchange,
    id: string,
    simplified: boolean,
    isAsync: boolean,
  ): Promise<Response> {
    x.record.route = isAsync ? 'async' : 'sync';
    x.record.id = id;
    x.record.format = simplified ? 'simplified' : 'normal';
    const apis = (isAsync ? this.#options.asyncApis : this.#options.syncApis) ?? {};
    const api: DataFluxApiConfig | undefined = Object.hasOwn(apis, id) ? apis[id] : undefined;
    if (api === undefined) {
      return x.fail(DATAFLUX_ERRORS.notFound, `No such ${isAsync ? 'Async' : 'Sync'} API`, {
        id,
      });
    }
    const query = paramsRecord(new URL(x.request.url).searchParams);
    const data = readApiRequest(x.request.method, simplified, query, x.body as ExpressBody);
    if (!data.ok) return x.fail(DATAFLUX_ERRORS.badRequest, data.message, data.detail);
    const realm = `${isAsync ? 'AsyncAPI' : 'SyncAPI'}:${id}`;
    const auth = await this.#auth.check(api.auth, {
      method: x.request.method,
      target: x.target,
      headers: x.request.headers,
      query: data.query,
      body: data.body,
      realm,
      now: this.now(),
    });
    if (!auth.ok) {
      if ('kind' in auth) return x.fail(auth.kind, auth.message, auth.detail);
      const headers =
        auth.wwwAuthenticate === undefined
          ? undefined
          : { 'WWW-Authenticate': auth.wwwAuthenticate };
      return x.fail(DATAFLUX_ERRORS.apiAuth, auth.message, null, headers);
    }
    const origin = isAsync ? 'asyncAPI' : 'syncAPI';
    if (isAsync) return this.#startTask(x, id, api.func, data.kwargs);
    const outcome = await this.#run(x, api.func, data.kwargs, { origin, originId: id });
    if (outcome instanceof Response) return outcome;
    // Sync API success is not wrapped: the body is the return value itself.
    const type = data.returnType === 'jsonDumps' ? 'text/html; charset=utf-8' : JSON_TYPE;
    return x.send(200, nodeJson(outcome.value), type);
  }

  #startTask(
    x: DataFluxExchange,
    apiId: string,
    funcId: string,
    kwargs: Record<string, unknown>,
  ): Response {
    const func = this.#func(funcId);
    if (func === undefined) return x.fail(DATAFLUX_ERRORS.notFound, 'No such Func', { funcId });
    x.record.kwargs = kwargs;
    const id = `task-${this.randomHex(12)}`;
    const context = this.#context(x, funcId, { origin: 'asyncAPI', originId: apiId });
    const task: DataFluxTaskRecord = {
      id,
      apiId,
      funcId,
      kwargs,
      status: 'running',
      done: Promise.resolve(),
    };
    task.done = runFunc(funcId, () => func(kwargs, context), this.#options.funcTimeoutMs).then(
      (outcome) => {
        task.status = outcome.ok ? 'success' : 'failure';
        if (outcome.ok) task.result = outcome.value;
        else task.exception = outcome.detail.exception;
      },
    );
    this.tasks.push(task);
    return x.ok({ id });
  }

  async #run(
    x: DataFluxExchange,
    funcId: string,
    kwargs: Record<string, unknown>,
    origin: Pick<DataFluxFuncContext, 'origin' | 'originId'>,
  ): Promise<{ value: unknown } | Response> {
    const func = this.#func(funcId);
    if (func === undefined) return x.fail(DATAFLUX_ERRORS.notFound, 'No such Func', { funcId });
    x.record.kwargs = kwargs;
    const context = this.#context(x, funcId, origin);
    const outcome = await runFunc(funcId, () => func(kwargs, context), this.#options.funcTimeoutMs);
    if (!outcome.ok) return x.fail(outcome.kind, outcome.message, outcome.detail);
    return { value: outcome.value === undefined ? null : outcome.value };
  }

  #func(funcId: string): DataFluxFunc | undefined {
    const funcs = this.#options.funcs ?? {};
    return Object.hasOwn(funcs, funcId) ? funcs[funcId] : undefined;
  }

  #context(
    x: DataFluxExchange,
    funcId: string,
    origin: Pick<DataFluxFuncContext, 'origin' | 'originId'>,
  ): DataFluxFuncContext {
    const context: DataFluxFuncContext = {
      funcId,
      origin: origin.origin,
      method: x.request.method,
      target: x.target,
      headers: x.request.headers,
      traceId: x.envelope.traceId,
      now: this.now(),
    };
    if (origin.originId !== undefined) context.originId = origin.originId;
    return context;
  }

  #traceId(request: Request): string {
    return request.headers.get('x-trace-id') || `TRACE-${this.randomHex(16).toUpperCase()}`;
  }

  protected override failureEnvelope(
    fault: FailFault,
    request: Request,
  ): { text: string; contentType: string } {
    const text = dataFluxFailureEnvelope(fault, request, this.now(), this.#traceId(request));
    return { text, contentType: JSON_TYPE };
  }

  protected override truncatedBody(): string {
    return dataFluxTruncatedEnvelope(this.now(), `TRACE-${this.randomHex(16).toUpperCase()}`);
  }
}

/** 16 random bytes (as hex) formatted as a UUID, like the server's `genUUID()` nonces. */
function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * An emulated DataFlux Func server (PROTOCOLS §2, which wins over the seed): the AK/SK
 * OpenAPI (`POST /api/v1/func/:funcId`, ±900 s, one-time nonces), Sync APIs whose
 * success is NOT wrapped (normal, simplified and legacy routes, strict field checks,
 * `returnType: "jsonDumps"`), Async APIs, fixed-field / Basic / Digest / function API
 * auth, and the `{ok:false,…}` error envelope with the server's codes.
 *
 * @example
 * ```ts
 * const dff = createDataFluxEmulator({
 *   accessKeys: [{ akId: 'ak-1', akSecret: 'sk-1' }],
 *   funcs: { 'demo__main.hello': ({ name }) => `Hello, ${name}` },
 *   syncApis: { 'my-api-id': { func: 'demo__main.hello',
 *     auth: { type: 'fixedField', fields: [{ location: 'header', name: 'x-auth-token', value: 't' }] } } },
 * })
 * ```
 */
export function createDataFluxEmulator(options: DataFluxEmulatorOptions = {}): DataFluxEmulator {
  return new DataFluxEmulator(options);
}
