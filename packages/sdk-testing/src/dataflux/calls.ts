import type { ApiAuthenticator } from './api-auth.js';
import { type CallData, checkReturnType, readCallData } from './api-request.js';
import { apiResponse } from './api-response.js';
import { bodyAsJson, type ExpressBody } from './body.js';
import { DATAFLUX_ERRORS } from './envelope.js';
import type { DataFluxExchange } from './exchange.js';
import { assignFuncCallKwargs } from './func-apis.js';
import type { FuncCatalog } from './func-catalog.js';
import { runFunc } from './func-runner.js';
import type {
  DataFluxApiConfig,
  DataFluxEmulatorOptions,
  DataFluxFuncContext,
  DataFluxTaskRecord,
} from './options.js';
import type { DataFluxRoute } from './routes.js';
import type { SyncApiThrottle } from './throttling.js';

/** A request that got through routing, sign-in and validation. */
export interface Call {
  x: DataFluxExchange;
  route: DataFluxRoute;
  /** `req.query` / `req.body`, the objects the auth step strips and the function sees. */
  query: Record<string, unknown>;
  body: ExpressBody;
}

/** What the handlers share with the emulator. */
export interface CallDeps {
  options: DataFluxEmulatorOptions;
  auth: ApiAuthenticator;
  catalog: FuncCatalog;
  throttle: SyncApiThrottle;
  tasks: DataFluxTaskRecord[];
  now: () => number;
  randomHex: (bytes: number) => string;
}

/**
 * The server's `callFunc`, `callSyncAPI` and `callAsyncAPI` handlers: API lookup, API
 * auth, throttling, reading the call, the function lookup and option check, the run.
 */
export class FuncCalls {
  readonly #deps: CallDeps;

  constructor(deps: CallDeps) {
    this.#deps = deps;
  }

  async callFunc(call: Call): Promise<Response> {
    const { x, route } = call;
    const data = readCallData('POST', undefined, call.query, call.body, true);
    if (!data.ok) return x.fail(DATAFLUX_ERRORS.badRequest, data.message, data.detail);
    x.record.format = 'normal';
    const outcome = await this.#run(call, route.id, data, { origin: 'direct' });
    if (outcome instanceof Response) return outcome;
    return apiResponse(x, outcome.value, outcome.returnType, data.unbox);
  }

  async callApi(call: Call, isAsync: boolean): Promise<Response> {
    const { x, route } = call;
    const apis = (isAsync ? this.#deps.options.asyncApis : this.#deps.options.syncApis) ?? {};
    const api: DataFluxApiConfig | undefined = Object.hasOwn(apis, route.id)
      ? apis[route.id]
      : undefined;
    if (api === undefined) {
      const what = isAsync ? 'Async' : 'Sync';
      return x.fail(DATAFLUX_ERRORS.notFound, `No such ${what} API`, { id: route.id });
    }
    const realm = `${isAsync ? 'AsyncAPI' : 'SyncAPI'}:${route.id}`;
    const auth = await this.#deps.auth.check(api.auth, {
      method: x.request.method,
      target: x.target,
      headers: x.request.headers,
      query: call.query,
      body: call.body.value,
      realm,
      now: this.#deps.now(),
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
      const throttled = this.#deps.throttle.check(route.id, api.throttling, this.#deps.now());
      if (throttled !== undefined) {
        return x.fail(DATAFLUX_ERRORS.throttled, 'Maximum calling rate exceeded', throttled);
      }
    }
    const data = readCallData(x.request.method, route.format, call.query, call.body, false);
    if (!data.ok) return x.fail(DATAFLUX_ERRORS.badRequest, data.message, data.detail);
    if (data.format !== 'other') x.record.format = data.format;
    const assigned = assignFuncCallKwargs(api.funcCallKwargs, data.kwargs);
    if (!assigned.ok) {
      return x.fail(DATAFLUX_ERRORS.badRequest, 'Cannot specify a fixed kwargs field', {
        kwargsField: assigned.field,
        kwargsValue: assigned.value,
        funcId: api.func,
      });
    }
    data.kwargs = assigned.kwargs;
    if (isAsync) return this.#startTask(call, api.func, data);
    const origin = { origin: 'syncAPI', originId: route.id } as const;
    const outcome = await this.#run(call, api.func, data, origin);
    if (outcome instanceof Response) return outcome;
    return apiResponse(x, outcome.value, outcome.returnType, data.unbox);
  }

  #startTask(call: Call, funcId: string, data: CallData & { ok: true }): Response {
    const { x, route } = call;
    const func = this.#deps.catalog.get(funcId);
    if (func === undefined) return x.fail(DATAFLUX_ERRORS.notFound, 'No such Func', { funcId });
    const options = checkReturnType(data.returnType);
    if (!options.ok) return x.fail(DATAFLUX_ERRORS.badRequest, options.message, options.detail);
    const kwargs = data.kwargs;
    x.record.kwargs = kwargs;
    const id = `task-${this.#deps.randomHex(12)}`;
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
      this.#deps.options.funcTimeoutMs,
    ).then((outcome) => {
      task.status = outcome.ok ? 'success' : 'failure';
      if (outcome.ok) task.result = outcome.value;
      else task.exception = outcome.detail.exception;
    });
    this.#deps.tasks.push(task);
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
    const func = this.#deps.catalog.get(funcId);
    if (func === undefined) return x.fail(DATAFLUX_ERRORS.notFound, 'No such Func', { funcId });
    const options = checkReturnType(data.returnType);
    if (!options.ok) return x.fail(DATAFLUX_ERRORS.badRequest, options.message, options.detail);
    const kwargs = data.kwargs;
    x.record.kwargs = kwargs;
    const context = this.#context(call, funcId, origin);
    const outcome = await runFunc(
      funcId,
      () => func.handler(kwargs, context),
      this.#deps.options.funcTimeoutMs,
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
      now: this.#deps.now(),
    };
    if (origin.originId !== undefined) context.originId = origin.originId;
    return context;
  }
}
