import type { AuthStrategy } from '../auth/types.js';
import { parseHttpDate } from '../clock.js';
import {
  SignetApiError,
  SignetConfigError,
  SignetDecodeError,
  SignetHttpError,
} from '../errors.js';
import { type CallSpec, executeWithResponse } from '../http/call.js';
import { type ClientConfig, normalizeConfig } from '../http/config.js';
import { secretsOf } from '../http/credentials.js';
import type { CallOptions, ClientOptions, RequestOptions } from '../http/options.js';
import { redactText } from '../http/redact.js';
import { type DecodedResponse, excerpt } from '../http/response.js';
import { checkExpectation, type ResultExpectation, type ResultShape } from '../http/validate.js';
import { type SignetPromise, signetPromise } from '../http/with-response.js';
import { type LosslessJson, losslessToValue } from '../json/lossless.js';
import { JITAI_HEADERS, JITAI_WINDOW_MS } from './constants.js';
import { DEFAULT_AUTH_DETAILS_API, type JitaiServiceDetail, parseAuthDetails } from './details.js';
import { diffParamStr } from './diff.js';
import {
  JITAI_AUTH_FAILED,
  type JitaiEnvelope,
  jitaiApiError,
  readJitaiEnvelope,
} from './envelope.js';
import { JITAI_API_NAME } from './names.js';
import { jitaiResponseCheck } from './response-check.js';
import { createServiceProxy } from './service-proxy.js';
import type { JitaiCall, ServiceMap, ServiceOptions, ServiceProxy } from './service-types.js';
import { type JitaiStrategy, jitai } from './strategy.js';

/** Options of `createJitaiClient`: the client options plus JitAi credentials. */
export interface JitaiClientOptions extends ClientOptions {
  /** The API authorization's accessKey. */
  accessKey?: string;
  /** Its accessSecret (Node/backends only; browsers use `remoteSigner`). */
  accessSecret?: string;
  /** Response timestamp window in ms (default 300 000, the platform's). */
  windowMs?: number;
  /** API answering `getAuthDetails()` (default `apiAuths.services.ApiAuthSvc.getDetails`). */
  authDetailsApi?: string;
  /**
   * The shape each API's verified result must have, by API name: what `signet gen` writes
   * as `signetResultShapes` (`'string'`, `'number'`, `'object'`, `'object[]'`…). A result
   * of another shape throws `SignetValidationError`, so a signed `"42"` does not pass as
   * the number a Numeric function returns.
   */
  shapes?: Readonly<Record<string, ResultShape>> | undefined;
}

/** What `diagnose()` found when comparing signet's paramStr with the server's (debug mode). */
export interface JitaiDebugReport {
  identical: boolean;
  /** signet's masked paramStr. */
  ours: string | undefined;
  /** The server's masked paramStr (`respExtraData.apiAuthDebug.paramStr`). */
  theirs: string | undefined;
  /** Index of the first differing character, when they differ. */
  index?: number | undefined;
  errcode: number | string;
  errmsg: string | undefined;
  summary: string;
}

/** A JitAi client: signed service calls with verified, unwrapped results. */
export interface JitaiClient<S extends ServiceMap = Record<string, object>> {
  /**
   * Calls `services.OrderSvc.query`-style APIs; resolves to the verified `data.data`
   * (`.withResponse()` adds the response). With a service map (`createJitaiClient<SignetServices>`)
   * the API name, the args and the result are typed from it; `options.schema` validates the result.
   */
  call: JitaiCall<S>;
  /** A typed proxy: `service('services.OrderSvc').query({...})`; `schemas` validate results. */
  service<N extends keyof S & string>(name: N, options?: ServiceOptions<S[N]>): ServiceProxy<S[N]>;
  /** Untyped clients (or a hand-written interface): any dotted service name. */
  service<T extends object>(
    name: string extends keyof S ? string : never,
    options?: ServiceOptions<T>,
  ): ServiceProxy<T>;
  /** The services and functions this accessKey may call. */
  getAuthDetails(options?: RequestOptions): Promise<JitaiServiceDetail[]>;
  /**
   * Debug round trip: sends the call with `debug: 1` and compares the server's masked
   * paramStr with signet's. The server rejects every debug call by design.
   */
  diagnose(api: string, args?: object, options?: RequestOptions): Promise<JitaiDebugReport>;
  /** Clock offset (server − local, ms) currently applied. */
  readonly clockOffsetMs: number;
}

/**
 * Creates a JitAi client.
 *
 * @example
 * ```ts
 * const jit = createJitaiClient({ baseUrl: 'https://host/api/org/app', accessKey, accessSecret })
 * const order = await jit.call('services.OrderSvc.query', { orderId: '1001' })
 * ```
 */
export function createJitaiClient<S extends ServiceMap = Record<string, object>>(
  options: JitaiClientOptions,
): JitaiClient<S> {
  return createJitaiClientWithAuth<S>(options, resolveAuth(options));
}

/**
 * The JitAi client over an auth strategy already chosen: {@link createJitaiClient}
 * without its `accessKey` + `accessSecret` shortcut, so a bundle that signs remotely
 * (`remoteSigner`) or with a token carries no local JitAi signer and no pure-JS hash.
 * sdk-browser's `createJitaiClient` is built on it.
 */
export function createJitaiClientWithAuth<S extends ServiceMap = Record<string, object>>(
  options: Omit<JitaiClientOptions, 'accessSecret' | 'auth'>,
  auth: AuthStrategy,
): JitaiClient<S> {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('createJitaiClient: options must be an object');
  }
  if (typeof auth?.kind !== 'string') {
    throw new SignetConfigError('createJitaiClient: auth must be an auth strategy');
  }
  const accessKey = options.accessKey ?? (auth as { accessKey?: string }).accessKey;
  const config = normalizeConfig({ ...options, auth }, accessKey);
  const windowMs = options.windowMs ?? JITAI_WINDOW_MS;
  const detailsApi = options.authDetailsApi ?? DEFAULT_AUTH_DETAILS_API;
  const shapes = checkShapes(options.shapes);

  const call = <R>(
    api: string,
    args: object = {},
    opts: CallOptions<R> = {},
    debug = false,
  ): SignetPromise<R> =>
    signetPromise(
      (async () => {
        const expect = expectation(api, opts, shapes);
        return executeWithResponse<R>(
          config,
          jitaiSpec<R>(config, api, args, opts, windowMs, debug, expect),
        );
      })(),
    );

  const client: JitaiClient<S> = {
    call: ((api: string, args?: object, opts?: CallOptions) =>
      call(api, args, opts)) as JitaiCall<S>,
    service: ((name: string, serviceOptions?: ServiceOptions<object>) =>
      createServiceProxy(
        name,
        call,
        serviceOptions?.schemas as Parameters<typeof createServiceProxy>[2],
      )) as JitaiClient<S>['service'],
    async getAuthDetails(opts) {
      if (accessKey === undefined) {
        throw new SignetConfigError('getAuthDetails needs the accessKey option');
      }
      return parseAuthDetails(await call(detailsApi, { accessKey }, opts));
    },
    async diagnose(api, args, opts) {
      try {
        await call(api, args, opts, true);
      } catch (error) {
        const report = (error as { detail?: { debugReport?: JitaiDebugReport } }).detail
          ?.debugReport;
        if (report) return report;
        throw error;
      }
      throw new SignetApiError(
        'diagnose: the server accepted the debug call (is debug mode on there?)',
        { status: 200, errcode: 0 },
      );
    },
    get clockOffsetMs() {
      return config.clock.offsetMs;
    },
  };
  return client;
}

function resolveAuth(options: JitaiClientOptions): AuthStrategy {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('createJitaiClient: options must be an object');
  }
  if (options.auth) {
    if (options.accessSecret !== undefined) {
      throw new SignetConfigError(
        'createJitaiClient: give either accessKey + accessSecret or auth, not both (which one should sign?)',
      );
    }
    return options.auth;
  }
  if (options.accessKey === undefined || options.accessSecret === undefined) {
    throw new SignetConfigError(
      'createJitaiClient: pass accessKey and accessSecret (JitAi API authorization), or an auth strategy such as bearer(token)',
    );
  }
  return jitai({
    accessKey: options.accessKey,
    accessSecret: options.accessSecret,
    ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }),
    ...(options.debug ? { debug: true } : {}),
  });
}

/** The `shapes` option, checked once per client. */
function checkShapes(
  shapes: Readonly<Record<string, ResultShape>> | undefined,
): Readonly<Record<string, ResultShape>> | undefined {
  if (shapes === undefined) return undefined;
  if (shapes === null || typeof shapes !== 'object') {
    throw new SignetConfigError('createJitaiClient: shapes must be an object of api → shape');
  }
  for (const [api, shape] of Object.entries(shapes)) {
    checkExpectation({ shape }, `createJitaiClient: shapes["${api}"]`);
  }
  return shapes;
}

/** What the result of one call must be: the client's shape for the API, the call's schema. */
function expectation(
  api: string,
  opts: CallOptions<unknown>,
  shapes: Readonly<Record<string, ResultShape>> | undefined,
): ResultExpectation | undefined {
  const shape =
    shapes !== undefined && typeof api === 'string' && Object.hasOwn(shapes, api)
      ? shapes[api]
      : undefined;
  if (shape === undefined && opts.schema === undefined) return undefined;
  const expect = { shape, schema: opts.schema };
  checkExpectation(expect, `call ${api}: options`);
  return expect;
}

function jitaiSpec<R>(
  config: ClientConfig,
  api: string,
  args: object,
  opts: RequestOptions,
  windowMs: number,
  forceDebug: boolean,
  expect: ResultExpectation | undefined,
): CallSpec<R> {
  if (typeof api !== 'string' || !JITAI_API_NAME.test(api)) {
    throw new SignetConfigError(
      `api must be a dotted name like "services.OrderSvc.query", got ${JSON.stringify(api)}`,
    );
  }
  const auth = config.auth;
  const debug = forceDebug || config.debug;
  const check = jitaiResponseCheck(auth);
  let envelope: JitaiEnvelope | undefined;
  const readOnce = (response: DecodedResponse): JitaiEnvelope => {
    envelope ??= envelopeOf(response);
    return envelope;
  };
  return {
    method: 'POST',
    path: api.replace(/\./g, '/'),
    body: args,
    headers: debug ? { [JITAI_HEADERS.debug]: '1' } : undefined,
    options: opts,
    api,
    expect,
    annotate(response, record) {
      envelope = undefined; // each response (a re-send gets a fresh one) is read once
      try {
        const env = readOnce(response);
        record.errcode = env.errcode;
        record.requestId = env.requestId;
        if (env.errcode !== 0) record.message = env.errmsg;
      } catch {
        // Not an envelope: decode() reports it.
      }
    },
    skew(response) {
      let env: JitaiEnvelope | undefined;
      try {
        env = readOnce(response);
      } catch {
        env = undefined;
      }
      if (!auth?.timestamped) return undefined;
      return {
        serverTime: env?.sysTime ?? parseHttpDate(response.headers.get('date')),
        rejected: env?.errcode === JITAI_AUTH_FAILED && !debug,
        thresholdMs: windowMs * 0.9,
      };
    },
    async decode(response, { signed }) {
      const env = readOnce(response);
      if (debug && env.errcode !== 0) {
        const sign = signed?.headers.get('accessSign');
        // What the server echoes is its business, but it must not carry our secret or
        // signature into a report (a server that forgot to mask, say).
        const hidden = sign ? [...secretsOf(auth), sign] : secretsOf(auth);
        const errmsg = env.errmsg ? redactText(env.errmsg, hidden) : env.errmsg;
        // Only a strategy that canonicalised the args itself (jitai()) knows our paramStr;
        // with remoteSigner the backend did, and the report says there is none here.
        const ours = signed && (auth as Partial<JitaiStrategy>).maskedParamStr?.(signed as never);
        throw debugError({ ...env, errmsg }, response.status, ours, hidden);
      }
      if (env.errcode !== 0) throw jitaiApiError(env, response.status, api);
      let result: LosslessJson | undefined = env.data;
      if (check) {
        result = await check.verifyJitaiData({
          data: env.data ?? null,
          now: config.clock.now(),
          crypto: config.crypto,
        });
      }
      return losslessToValue(result ?? null, { bigint: config.bigint }) as R;
    },
  };
}

function debugError(
  env: JitaiEnvelope,
  status: number,
  ours: string | undefined,
  hidden: readonly string[],
): SignetApiError {
  const apiAuthDebug = env.extra ? losslessToValue(env.extra) : undefined;
  const theirs = (apiAuthDebug as { apiAuthDebug?: { paramStr?: unknown } } | undefined)
    ?.apiAuthDebug?.paramStr;
  const theirsText = typeof theirs === 'string' ? redactText(theirs, hidden) : undefined;
  let report: JitaiDebugReport;
  if (ours === undefined || theirsText === undefined) {
    report = {
      identical: false,
      ours,
      theirs: theirsText,
      errcode: env.errcode,
      errmsg: env.errmsg,
      summary:
        theirsText === undefined
          ? 'the server sent no respExtraData.apiAuthDebug.paramStr (debug mode off on the server?)'
          : 'signet has no local paramStr for this call (its auth strategy does not canonicalise the args: with remoteSigner, run `signet call --diagnose` where the secret is)',
    };
  } else {
    const diff = diffParamStr(ours, theirsText);
    report = {
      identical: diff.identical,
      ours,
      theirs: theirsText,
      index: diff.index,
      errcode: env.errcode,
      errmsg: env.errmsg,
      summary: diff.identical
        ? 'paramStr identical: signet canonicalises the args exactly as the server does. The server rejects every debug call (it hashes the masked paramStr), so turn debug off to call.'
        : `paramStr differs at character ${diff.index}: signet "…${diff.ours}…" vs server "…${diff.theirs}…"`,
    };
  }
  return new SignetApiError(`JitAi debug: ${report.summary}`, {
    status,
    errcode: env.errcode,
    requestId: env.requestId,
    platformMessage: env.errmsg,
    detail: { debugReport: report },
  });
}

/** The envelope of a response, or the typed error for a body that is none. */
function envelopeOf(response: DecodedResponse): JitaiEnvelope {
  const read = response.json === undefined ? undefined : readJitaiEnvelope(response.json);
  if (read !== undefined && typeof read !== 'string') return read;
  if (read === 'has an errcode that is neither a number nor a string') {
    throw new SignetDecodeError(`JitAi envelope ${read}`);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new SignetHttpError(
      `HTTP ${response.status} without a JitAi envelope${response.text ? `: ${excerpt(response.text)}` : ' (empty body)'}`,
      {
        status: response.status,
        headers: response.headers,
        body: response.json === undefined ? response.text : losslessToValue(response.json),
      },
    );
  }
  if (response.jsonError) {
    throw new SignetDecodeError(
      `JitAi answered HTTP ${response.status} with a body that is not valid JSON: ${response.jsonError.message}`,
      { cause: response.jsonError, position: response.jsonError.position },
    );
  }
  throw new SignetDecodeError(
    `JitAi answered HTTP ${response.status} without an {errcode, data} envelope${response.text ? `: ${excerpt(response.text)}` : ' (empty body)'}`,
  );
}
