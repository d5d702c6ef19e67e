import { EmulatorControls } from '../core/controls.js';
import type { FailFault } from '../core/faults.js';
import { ApiAuthenticator } from './api-auth.js';
import { type CallData, checkReturnType, readCallData } from './api-request.js';
import { apiResponse } from './api-response.js';
import { bodyAsJson, type ExpressBody, paramsRecord } from './body.js';
import { DATAFLUX_ERRORS } from './envelope.js';
import {
  DataFluxExchange,
  dataFluxFailureEnvelope,
  dataFluxTruncatedEnvelope,
  JSON_TYPE,
} from './exchange.js';
import { FuncCatalog } from './func-catalog.js';
import { runFunc } from './func-runner.js';
import { createNonceStore, type NonceStore } from './nonce-store.js';
import type {
  DataFluxApiConfig,
  DataFluxCallRecord,
  DataFluxEmulatorOptions,
  DataFluxFuncContext,
  DataFluxTaskRecord,
} from './options.js';
import { type DataFluxRoute, matchRoute } from './routes.js';
import { SyncApiThrottle } from './throttling.js';
import { validateRequest } from './validator.js';
import { presentsAccessKey, verifyDataFluxRequest } from './verify-request.js';

const NO_ROUTE =
  'No such router. Please make sure that the METHOD is correct and no spelling missing in the URL';
const SYSTEM_ERROR = 'A System error occured. Please report this response to the administrator';

/** A request that got through routing, sign-in and validation. */
interface Call {
  x: DataFluxExchange;
  route: DataFluxRoute;
  /** `req.query` / `req.body`, the objects the auth step strips and the function sees. */
  query: Record<string, unknown>;
  body: ExpressBody;
}

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
  readonly #catalog: FuncCatalog;
  readonly #throttle = new SyncApiThrottle();

  constructor(options: DataFluxEmulatorOptions) {
    super(options, { exposeHeaders: '*' });
    this.#options = options;
    this.#auth = new ApiAuthenticator(() => uuidFromHex(this.randomHex(16)), {
      strictDigest: options.strictDigest ?? false,
      documentedAuthFunc: options.documentedAuthFunc ?? false,
      timeoutMs: options.funcTimeoutMs,
    });
    this.#catalog = new FuncCatalog(options.funcs ?? {}, this.now());
  }

  /** Forgets the recorded calls and tasks. */
  clearCalls(): void {
    this.calls.length = 0;
    this.tasks.length = 0;
  }

  /**
   * The server's pipeline: body parsers (a body they cannot parse is 400 before routing),
   * the route, the access-key middleware on every route (bad `X-Dff-Ak-*` headers are
   * refused even on an open Sync API), sign-in where the route needs it, the route's
   * request validator, then the handler.
   */
  protected override async handle(request: Request): Promise<Response> {
    const x = await DataFluxExchange.read(request, () => this.now(), this.#traceId(request));
    this.calls.push(x.record);
    if ('error' in x.body) return x.fail(DATAFLUX_ERRORS.badRequest, 'Invalid request body');
    const url = new URL(request.url);
    const route = matchRoute(request.method, url.pathname);
    if (route === undefined) {
      return x.fail(DATAFLUX_ERRORS.notFound, NO_ROUTE, { method: request.method, url: x.target });
    }
    if ('badParam' in route) return x.fail(DATAFLUX_ERRORS.system, SYSTEM_ERROR, null);
    x.record.route = route.name === 'callFunc' ? 'func' : route.name;
    x.record.id = route.name === 'funcList' ? undefined : route.id;
    const signIn = this.#signIn(x, route);
    if (signIn instanceof Response) return signIn;
    const call: Call = { x, route, query: paramsRecord(url.searchParams), body: x.body };
    const valid = validateRequest(route, call.query, call.body.value);
    if (!valid.ok) {
      const message = valid.where === 'query' ? 'Invalid request query' : 'Invalid request body';
      return x.fail(DATAFLUX_ERRORS.badRequest, message, { message: valid.message });
    }
    switch (route.name) {
      case 'funcList':
        return x.ok(this.#catalog.list(call.query));
      case 'describeFunc': {
        const func = this.#catalog.get(route.id);
        if (func === undefined) {
          return x.fail(DATAFLUX_ERRORS.notFound, 'No such data', { entity: 'func', id: route.id });
        }
        return x.ok(func.row);
      }
      case 'callFunc':
        return this.#callFunc(call);
      default:
        return this.#callApi(call, route.name === 'async');
    }
  }

  /** `byAccessKey` + the sign-in check; the verified key, `null` for none, or the refusal. */
  #signIn(x: DataFluxExchange, route: DataFluxRoute): string | null | Response {
    if (!presentsAccessKey(x.request.headers)) {
      if (!route.requireSignIn) return null;
      return x.fail(DATAFLUX_ERRORS.userAuth, 'User not signed in');
    }
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
    return verdict.akId;
  }

  async #callFunc(call: Call): Promise<Response> {
    const { x, route } = call;
    const data = readCallData('POST', undefined, call.query, call.body, true);
    if (!data.ok) return x.fail(DATAFLUX_ERRORS.badRequest, data.message, data.detail);
    x.record.format = 'normal';
    const outcome = await this.#run(call, route.id, data, { origin: 'direct' });
    if (outcome instanceof Response) return outcome;
    return apiResponse(x, outcome.value, outcome.returnType, data.unbox);
  }

  async #callApi(call: Call, isAsync: boolean): Promise<Response> {
    const { x, route } = call;
    const apis = (isAsync ? this.#options.asyncApis : this.#options.syncApis) ?? {};
    const api: DataFluxApiConfig | undefined = Object.hasOwn(apis, route.id)
      ? apis[route.id]
      : undefined;
    if (api === undefined) {
      const what = isAsync ? 'Async' : 'Sync';
      return x.fail(DATAFLUX_ERRORS.notFound, `No such ${what} API`, { id: route.id });
    }
    const realm = `${isAsync ? 'AsyncAPI' : 'SyncAPI'}:${route.id}`;
    const auth = await this.#auth.check(api.auth, {
      method: x.request.method,
      target: x.target,
      headers: x.request.headers,
      query: call.query,
      body: call.body.value,
      realm,
      now: this.now(),
    });
    if (!auth.ok) {
      if ('kind' in auth) return x.fail(auth.kind, auth.message, auth.detail);
      const headers =
        auth.wwwAuthenticate === undefined
          ? undefined
          : { 'WWW-Authenticate': auth.wwwAuthenticate };
      return x.fail(DATAFLUX_ERRORS.apiAuth, auth.message, auth.detail, headers);
    }
    if (!isAsync) {
      const throttled = this.#throttle.check(route.id, api.throttling, this.now());
      if (throttled !== undefined) {
        return x.fail(DATAFLUX_ERRORS.throttled, 'Maximum calling rate exceeded', throttled);
      }
    }
    const data = readCallData(x.request.method, route.format, call.query, call.body, false);
    if (!data.ok) return x.fail(DATAFLUX_ERRORS.badRequest, data.message, data.detail);
    if (data.format !== 'other') x.record.format = data.format;
    if (isAsync) return this.#startTask(call, api.func, data);
    const origin = { origin: 'syncAPI', originId: route.id } as const;
    const outcome = await this.#run(call, api.func, data, origin);
    if (outcome instanceof Response) return outcome;
    return apiResponse(x, outcome.value, outcome.returnType, data.unbox);
  }

  #startTask(call: Call, funcId: string, data: CallData & { ok: true }): Response {
    const { x, route } = call;
    const func = this.#catalog.get(funcId);
    if (func === undefined) return x.fail(DATAFLUX_ERRORS.notFound, 'No such Func', { funcId });
    const options = checkReturnType(data.returnType);
    if (!options.ok) return x.fail(DATAFLUX_ERRORS.badRequest, options.message, options.detail);
    const kwargs = data.kwargs;
    x.record.kwargs = kwargs;
    const id = `task-${this.randomHex(12)}`;
    const context = this.#context(call, funcId, { origin: 'asyncAPI', originId: route.id });
    const task: DataFluxTaskRecord = {
      id,
      apiId: route.id,
      funcId,
      kwargs,
      status: 'running',
      done: Promise.resolve(),
    };
    task.done = runFunc(
      funcId,
      () => func.handler(kwargs, context),
      this.#options.funcTimeoutMs,
    ).then((outcome) => {
      task.status = outcome.ok ? 'success' : 'failure';
      if (outcome.ok) task.result = outcome.value;
      else task.exception = outcome.detail.exception;
    });
    this.tasks.push(task);
    return x.ok({ id });
  }

  /** Finds the function, checks the options, runs it (599 on a throw or a timeout). */
  async #run(
    call: Call,
    funcId: string,
    data: CallData & { ok: true },
    origin: Pick<DataFluxFuncContext, 'origin' | 'originId'>,
  ): Promise<{ value: unknown; returnType: 'raw' | 'jsonDumps' } | Response> {
    const { x } = call;
    const func = this.#catalog.get(funcId);
    if (func === undefined) return x.fail(DATAFLUX_ERRORS.notFound, 'No such Func', { funcId });
    const options = checkReturnType(data.returnType);
    if (!options.ok) return x.fail(DATAFLUX_ERRORS.badRequest, options.message, options.detail);
    const kwargs = data.kwargs;
    x.record.kwargs = kwargs;
    const context = this.#context(call, funcId, origin);
    const outcome = await runFunc(
      funcId,
      () => func.handler(kwargs, context),
      this.#options.funcTimeoutMs,
    );
    if (!outcome.ok) return x.fail(outcome.kind, outcome.message, outcome.detail);
    return { value: outcome.value, returnType: options.returnType };
  }

  #context(
    call: Call,
    funcId: string,
    origin: Pick<DataFluxFuncContext, 'origin' | 'originId'>,
  ): DataFluxFuncContext {
    const { x } = call;
    const context: DataFluxFuncContext = {
      funcId,
      origin: origin.origin,
      method: x.request.method,
      target: x.target,
      headers: x.request.headers,
      // A copy as the task request carries it (`toolkit.jsonCopy`).
      query: structuredClone(call.query),
      body: structuredClone(bodyAsJson(call.body)),
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
 * An emulated DataFlux Func server, answering like the open-source release 5.0.0
 * (PROTOCOLS §2, which wins over the seed): the AK/SK OpenAPI (`POST /api/v1/func/:funcId`,
 * `GET /api/v1/func/:funcId`, `GET /api/v1/func-list`; ±900 s, one-time nonces), Sync APIs
 * whose success is NOT wrapped and is flattened as the server flattens it (normal,
 * `/:format` and legacy routes, strict field checks, `returnType: "jsonDumps"`,
 * throttling), Async APIs, fixed-field / Basic / Digest / function API auth, and the
 * `{ok:false,…}` error envelope with the server's codes and messages.
 *
 * @example
 * ```ts
 * const dff = createDataFluxEmulator({
 *   accessKeys: [{ akId: 'ak-1', akSecret: 'sk-1' }],
 *   funcs: { 'demo__main.hello': ({ name }) => ({ greeting: `Hello, ${name}` }) },
 *   syncApis: { 'my-api-id': { func: 'demo__main.hello',
 *     auth: { type: 'fixedField', fields: [{ location: 'header', name: 'x-auth-token', value: 't' }] } } },
 * })
 * ```
 */
export function createDataFluxEmulator(options: DataFluxEmulatorOptions = {}): DataFluxEmulator {
  return new DataFluxEmulator(options);
}
