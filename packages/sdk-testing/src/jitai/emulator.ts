import type { LosslessObject } from '@signet/sdk-core';
import { SignetConfigError, signJitaiResponse } from '@signet/sdk-core';
import { EmulatorControls } from '../core/controls.js';
import type { FailFault } from '../core/faults.js';
import { decodePathSegment } from '../core/http.js';
import {
  API_AUTH_ELEMENT,
  BEARER_ELEMENT,
  checkBearer,
  checkBearerConfig,
  indexApiAuths,
  isBearerFunction,
  UNKNOWN_KEY_ELEMENT,
} from './auth.js';
import { JIT_NODE_VALID } from './envelope.js';
import { JITAI_ERRCODES } from './errors.js';
import { JitaiExchange, jitaiFailureEnvelope, jitaiTruncatedEnvelope } from './exchange.js';
import { elementOf, invokeService } from './invoke.js';
import type { JitaiApiAuth, JitaiCallRecord, JitaiEmulatorOptions } from './options.js';
import { JitaiRegistry, type ResolvedFunction } from './registry.js';
import { parseJitaiBody, verifyJitaiRequest } from './verify-request.js';

const DEFAULT_DETAILS_API = 'apiAuths.services.ApiAuthSvc.getDetails';
const DEFAULT_EXPOSE = [
  'accessKey',
  'timestamp',
  'accessSign',
  'X-Trace-Id',
  'X-Request-Cost',
  'Date',
  'WWW-Authenticate',
  'Authentication-Info',
];

/** An emulated JitAi app: see {@link createJitaiEmulator}. */
export class JitaiEmulator extends EmulatorControls {
  /** `/api/{orgId}/{appName}`: the app's base path. */
  readonly basePath: string;
  /** Every call answered under the base path, oldest first. */
  readonly calls: JitaiCallRecord[] = [];
  tamperResponseSignature: boolean;
  readonly #options: JitaiEmulatorOptions;
  readonly #registry: JitaiRegistry;
  readonly #keys: Map<string, JitaiApiAuth>;
  readonly #detailsApi: string;

  constructor(options: JitaiEmulatorOptions) {
    super(options, { exposeHeaders: DEFAULT_EXPOSE });
    for (const field of ['orgId', 'appName'] as const) {
      if (
        typeof options[field] !== 'string' ||
        options[field] === '' ||
        options[field].includes('/')
      ) {
        throw new SignetConfigError(`${field} must be a non-empty string without "/"`);
      }
    }
    this.#options = options;
    this.basePath = `/api/${options.orgId}/${options.appName}`;
    this.tamperResponseSignature = options.tamperResponseSignature ?? false;
    this.#registry = new JitaiRegistry(options.services ?? {}, options.definitions ?? []);
    this.#keys = indexApiAuths(options.apiAuths ?? []);
    this.#detailsApi = options.authDetailsApi ?? DEFAULT_DETAILS_API;
    checkBearerConfig(options.bearer, this.#registry);
  }

  /** Forgets the recorded calls. */
  clearCalls(): void {
    this.calls.length = 0;
  }

  protected override async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${this.basePath}/`)) {
      return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/html' } });
    }
    const segments = url.pathname
      .slice(this.basePath.length + 1)
      .split('/')
      .filter(Boolean)
      .map(decodePathSegment);
    const element = segments.slice(0, -1).join('.');
    const name = segments.at(-1) ?? '';
    const named = segments.length >= 2 && segments.every((s) => s !== undefined);
    const api = named ? `${element}.${name}` : undefined;
    const ensureAscii = this.#options.ensureAscii ?? false;
    const x = new JitaiExchange(request, api, this.randomHex(16), () => this.now(), ensureAscii);
    this.calls.push(x.record);
    if (request.method !== 'POST') {
      return x.reply(
        JITAI_ERRCODES.methodNotAllowed,
        `Method ${request.method} is not allowed: call services with POST`,
        {},
        {},
        405,
      );
    }
    if (x.record.api === undefined)
      return x.reply(JITAI_ERRCODES.notFound, `No function at ${url.pathname}`, {});
    const bodyText = await request.text();
    const args = parseJitaiBody(bodyText);
    if (typeof args === 'string') return x.reply(JITAI_ERRCODES.badRequest, args, {});
    const isDetails =
      x.record.api === this.#detailsApi && this.#registry.resolve(element, name) === 'no-element';
    const resolved = isDetails ? undefined : this.#registry.resolve(element, name);
    if (resolved === 'no-element')
      return x.reply(JITAI_ERRCODES.notFound, `Element ${element} does not exist`, {});
    if (resolved === 'no-function')
      return x.reply(JITAI_ERRCODES.notFound, `Function ${name} does not exist in ${element}`, {});
    const definition = resolved?.definition;
    if (resolved !== undefined && isBearerFunction(this.#options.bearer, element, name)) {
      return this.#bearer(x, resolved, args, bodyText);
    }
    if (definition?.ignoreSign === true) {
      if (definition.loginRequired === false)
        return this.#unsigned(x, resolved!, args, bodyText, 'open', undefined);
      return x.reply(
        JITAI_ERRCODES.authFailed,
        'Authentication failed: login required (sessions are not emulated)',
        {},
      );
    }
    return this.#signed(x, resolved, bodyText);
  }

  async #signed(
    x: JitaiExchange,
    resolved: ResolvedFunction | undefined,
    bodyText: string,
  ): Promise<Response> {
    const headers = x.request.headers;
    const accessKey = headers.get('accessKey') ?? undefined;
    x.record.auth = 'signed';
    x.record.accessKey = accessKey;
    const key = accessKey === undefined ? undefined : this.#keys.get(accessKey);
    if (key === undefined) {
      const why = accessKey === undefined ? 'missing accessKey header' : 'unknown accessKey';
      return x.authFailure(UNKNOWN_KEY_ELEMENT, `Authentication failed: ${why}`);
    }
    const element = {
      name: key.name ?? API_AUTH_ELEMENT.name,
      title: key.title ?? API_AUTH_ELEMENT.title,
    };
    const api = x.record.api!;
    if (resolved !== undefined && !key.apis.includes(api)) {
      return x.authFailure(
        element,
        `Authentication failed: ${api} is not an authorized API of this accessKey`,
      );
    }
    const verdict = verifyJitaiRequest({
      headers,
      bodyText,
      secret: key.accessSecret,
      now: this.now(),
    });
    x.record.paramStrMasked = verdict.paramStrMasked;
    x.record.debug = verdict.debug;
    const extra: Record<string, unknown> =
      verdict.debug && verdict.paramStrMasked !== undefined
        ? { respExtraData: { apiAuthDebug: { paramStr: verdict.paramStrMasked } } }
        : {};
    if (!verdict.ok) {
      if (verdict.errcode !== JITAI_ERRCODES.authFailed)
        return x.reply(verdict.errcode, verdict.errmsg, {}, extra);
      return x.authFailure(element, verdict.errmsg, extra);
    }
    const outcome =
      resolved === undefined
        ? {
            value: this.#registry.details(
              this.#keys.get(String(verdict.args.accessKey ?? key.accessKey))?.apis ?? [],
            ),
          }
        : await invokeService(x, resolved, {
            argsTree: verdict.argsTree,
            bodyText,
            auth: 'signed',
            caller: key.accessKey,
            now: this.now(),
          });
    if (outcome instanceof Response) return outcome;
    let data: ReturnType<typeof signJitaiResponse<unknown>>;
    try {
      data = signJitaiResponse(outcome.value, { secret: key.accessSecret, timestamp: this.now() });
    } catch (error) {
      return x.serviceFailure(elementOf(resolved), error);
    }
    if (this.tamperResponseSignature) data.accessSign = flipLastHexDigit(data.accessSign);
    return x.reply(0, null, data, extra);
  }

  #bearer(
    x: JitaiExchange,
    resolved: ResolvedFunction,
    args: LosslessObject,
    bodyText: string,
  ): Promise<Response> | Response {
    const bearer = this.#options.bearer!;
    x.record.auth = 'bearer';
    const app = checkBearer(x.request.headers.get('Authorization'), bearer.tokens);
    if (app === undefined) {
      const element = {
        name: bearer.name ?? BEARER_ELEMENT.name,
        title: bearer.title ?? BEARER_ELEMENT.title,
      };
      return x.authFailure(element, 'Authentication failed');
    }
    return this.#unsigned(x, resolved, args, bodyText, 'bearer', app);
  }

  async #unsigned(
    x: JitaiExchange,
    resolved: ResolvedFunction,
    args: LosslessObject,
    bodyText: string,
    auth: 'bearer' | 'open',
    caller: string | undefined,
  ): Promise<Response> {
    x.record.auth = auth;
    const call = { argsTree: args, bodyText, auth, caller, now: this.now() };
    const outcome = await invokeService(x, resolved, call);
    if (outcome instanceof Response) return outcome;
    return x.reply(0, null, outcome.value, { jitNodeValid: JIT_NODE_VALID });
  }

  protected override failureEnvelope(fault: FailFault): { text: string; contentType: string } {
    const text = jitaiFailureEnvelope(fault.status, this.randomHex(16), this.now());
    return { text, contentType: 'application/json' };
  }

  protected override truncatedBody(): string {
    return jitaiTruncatedEnvelope(this.randomHex(16), this.now(), this.randomHex(20));
  }
}

/** A different hex digit in the last position: the signature no longer matches. */
function flipLastHexDigit(sign: string): string {
  const last = sign.at(-1);
  return sign.slice(0, -1) + (last === '0' ? '1' : '0');
}

/**
 * An emulated JitAi app that verifies and answers like the platform (PROTOCOLS §1):
 * signed calls (`accessKey`/`timestamp`/`accessSign`, ±300 s, errcode 20005 on HTTP 200,
 * the debug-mode quirk), Bearer-token functions (seed interceptor), `getDetails`, signed
 * success envelopes written like Python's `json.dumps`. Plug its `fetch` into msw
 * (`emulatorHandlers`) or a real server (`serveEmulator`).
 *
 * @example
 * ```ts
 * const jit = createJitaiEmulator({
 *   orgId: 'whwy', appName: 'testjitai',
 *   apiAuths: [{ accessKey: 'ak', accessSecret: 'secret', apis: ['services.OrderSvc.query'] }],
 *   services: { 'services.OrderSvc': { query: ({ orderId }) => ({ orderId, status: 'PAID' }) } },
 * })
 * const server = await serveEmulator(jit)   // `${server.url}${jit.basePath}` is the client's baseUrl
 * ```
 */
export function createJitaiEmulator(options: JitaiEmulatorOptions): JitaiEmulator {
  return new JitaiEmulator(options);
}
