import { EmulatorControls } from '../core/controls.js';
import type { FailFault } from '../core/faults.js';
import { ApiAuthenticator } from './api-auth.js';
import { paramsRecord } from './body.js';
import { type Call, FuncCalls } from './calls.js';
import { DATAFLUX_ERRORS } from './envelope.js';
import {
  DataFluxExchange,
  dataFluxFailureEnvelope,
  dataFluxTruncatedEnvelope,
  JSON_TYPE,
} from './exchange.js';
import { funcApiList } from './func-apis.js';
import { FuncCatalog } from './func-catalog.js';
import { createNonceStore, type NonceStore } from './nonce-store.js';
import type { DataFluxCallRecord, DataFluxEmulatorOptions, DataFluxTaskRecord } from './options.js';
import { type DataFluxRoute, matchRoute } from './routes.js';
import { SyncApiThrottle } from './throttling.js';
import { validateRequest } from './validator.js';
import { presentsAccessKey, verifyDataFluxRequest } from './verify-request.js';

const NO_ROUTE =
  'No such router. Please make sure that the METHOD is correct and no spelling missing in the URL';
const SYSTEM_ERROR = 'A System error occured. Please report this response to the administrator';

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
  readonly #calls: FuncCalls;

  constructor(options: DataFluxEmulatorOptions) {
    super(options, { exposeHeaders: '*' });
    this.#options = options;
    this.#auth = new ApiAuthenticator(() => uuidFromHex(this.randomHex(16)), {
      strictDigest: options.strictDigest ?? false,
      documentedAuthFunc: options.documentedAuthFunc ?? false,
      timeoutMs: options.funcTimeoutMs,
    });
    this.#catalog = new FuncCatalog(options.funcs ?? {}, this.now());
    this.#calls = new FuncCalls({
      options,
      auth: this.#auth,
      catalog: this.#catalog,
      throttle: new SyncApiThrottle(),
      tasks: this.tasks,
      now: () => this.now(),
      randomHex: (bytes) => this.randomHex(bytes),
    });
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
    x.record.id = route.name === 'funcList' || route.name === 'funcApiList' ? undefined : route.id;
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
      case 'funcApiList':
        return x.ok(funcApiList(this.#options, this.#catalog, call.query));
      case 'describeFunc': {
        const func = this.#catalog.get(route.id);
        if (func === undefined) {
          return x.fail(DATAFLUX_ERRORS.notFound, 'No such data', { entity: 'func', id: route.id });
        }
        return x.ok(func.row);
      }
      case 'callFunc':
        return this.#calls.callFunc(call);
      default:
        return this.#calls.callApi(call, route.name === 'async');
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
