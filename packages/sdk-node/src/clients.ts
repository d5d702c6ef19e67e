import {
  bearer,
  type ClientOptions,
  createClient as coreCreateClient,
  createDataFluxClient as coreCreateDataFluxClient,
  createJitaiClient as coreCreateJitaiClient,
  type DataFluxClient,
  type DataFluxClientOptions,
  type DataFluxTypes,
  type GenericClient,
  hmacSignature,
  type JitaiClient,
  type JitaiClientOptions,
  type ServiceMap,
  SignetConfigError,
} from '@signet/sdk-core';
import {
  CREDENTIAL_ENV,
  credentialsFromEnv,
  type Environment,
  type SignetCredentials,
} from './credentials.js';
import { NODE_DEFAULT_CRYPTO } from './defaults.js';
import { diagnosticsTracer } from './diagnostics.js';
import { loggingFromEnv } from './logging.js';
import { nodeTransport } from './transport.js';

/** What the Node factories add to sdk-core's options. */
export interface NodeClientExtras {
  /**
   * Where credentials and `baseUrl` missing from the options come from: an environment
   * (default `process.env`, see `credentialsFromEnv`), or `false` to read nothing.
   */
  env?: Environment | false;
}

/** Options of sdk-node's `createJitaiClient`: `baseUrl` may come from `SIGNET_BASE_URL`. */
export type NodeJitaiClientOptions = Omit<JitaiClientOptions, 'baseUrl'> &
  NodeClientExtras & { baseUrl?: string | URL };

/** Options of sdk-node's `createDataFluxClient`. */
export type NodeDataFluxClientOptions = Omit<DataFluxClientOptions, 'baseUrl'> &
  NodeClientExtras & { baseUrl?: string | URL };

/** Options of sdk-node's `createClient`. */
export type NodeClientOptions = Omit<ClientOptions, 'baseUrl'> &
  NodeClientExtras & { baseUrl?: string | URL };

/**
 * sdk-core's `createJitaiClient` with Node defaults: hashing on `node:crypto`, sending on
 * undici ({@link nodeTransport}, a connection pool per client), and when no
 * `auth` is given, `accessKey`/`accessSecret` filled from `SIGNET_ACCESS_KEY`/
 * `SIGNET_ACCESS_SECRET` (or the credentials file). With no key pair anywhere,
 * `SIGNET_TOKEN` becomes `bearer(token)`.
 *
 * @example
 * ```ts
 * // SIGNET_BASE_URL, SIGNET_ACCESS_KEY and SIGNET_ACCESS_SECRET set in the environment
 * const jit = createJitaiClient({})
 * ```
 */
export function createJitaiClient<S extends ServiceMap = Record<string, object>>(
  options: NodeJitaiClientOptions,
): JitaiClient<S> {
  const { env, ...rest } = checkOptions(options, 'createJitaiClient');
  const creds = environment(env);
  const out: JitaiClientOptions = {
    ...rest,
    baseUrl: baseUrlOf(rest.baseUrl, creds, 'createJitaiClient', env),
    ...cryptoOf(rest),
    ...transportOf(rest),
    ...observing(rest, env),
  };
  if (rest.auth === undefined) {
    const accessKey = rest.accessKey ?? creds.accessKey;
    const accessSecret = rest.accessSecret ?? creds.accessSecret;
    if (accessKey === undefined && accessSecret === undefined && creds.token !== undefined) {
      out.auth = bearer(creds.token);
    } else {
      out.accessKey = required(accessKey, 'accessKey', 'createJitaiClient', env);
      out.accessSecret = required(accessSecret, 'accessSecret', 'createJitaiClient', env);
    }
  }
  return coreCreateJitaiClient<S>(out);
}

/**
 * sdk-core's `createDataFluxClient` with Node defaults: hashing on `node:crypto`, and when
 * no `auth` is given, `akId`/`akSecret` filled from `SIGNET_AK_ID`/`SIGNET_AK_SECRET`
 * (or the credentials file). Without any AK/SK the client sends no credentials, which
 * suits Sync APIs that have no auth configured.
 */
export function createDataFluxClient<D extends DataFluxTypes = DataFluxTypes>(
  options: NodeDataFluxClientOptions,
): DataFluxClient<D> {
  const { env, ...rest } = checkOptions(options, 'createDataFluxClient');
  const creds = environment(env);
  const out: DataFluxClientOptions = {
    ...rest,
    baseUrl: baseUrlOf(rest.baseUrl, creds, 'createDataFluxClient', env),
    ...cryptoOf(rest),
    ...transportOf(rest),
    ...observing(rest, env),
  };
  if (rest.auth === undefined) {
    const akId = rest.akId ?? creds.akId;
    const akSecret = rest.akSecret ?? creds.akSecret;
    if (akId !== undefined || akSecret !== undefined) {
      out.akId = required(akId, 'akId', 'createDataFluxClient', env);
      out.akSecret = required(akSecret, 'akSecret', 'createDataFluxClient', env);
    }
  }
  return coreCreateDataFluxClient<D>(out);
}

/**
 * sdk-core's `createClient` with Node defaults: hashing on `node:crypto`, and when no
 * `auth` is given, `hmacSignature({ keyId, secret })` from `SIGNET_KEY_ID`/`SIGNET_SECRET`.
 * It never picks up `SIGNET_TOKEN` or a password by itself: a generic client may point
 * anywhere, and those credentials would be handed to whoever answers.
 */
export function createClient(options: NodeClientOptions): GenericClient {
  const { env, ...rest } = checkOptions(options, 'createClient');
  const creds = environment(env);
  const out: ClientOptions = {
    ...rest,
    baseUrl: baseUrlOf(rest.baseUrl, creds, 'createClient', env),
    ...cryptoOf(rest),
    ...transportOf(rest),
    ...observing(rest, env),
  };
  if (rest.auth === undefined && (creds.keyId !== undefined || creds.secret !== undefined)) {
    out.auth = hmacSignature({
      keyId: required(creds.keyId, 'keyId', 'createClient', env),
      secret: required(creds.secret, 'secret', 'createClient', env),
    });
  }
  return coreCreateClient(out);
}

function checkOptions<T extends object>(options: T, factory: string): T {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError(`${factory}: options must be an object`);
  }
  return options;
}

function environment(env: Environment | false | undefined): SignetCredentials {
  return env === false ? {} : credentialsFromEnv(env ?? process.env);
}

function baseUrlOf(
  baseUrl: string | URL | undefined,
  creds: SignetCredentials,
  factory: string,
  env: Environment | false | undefined,
): string | URL {
  const value = baseUrl ?? creds.baseUrl;
  if (value === undefined) {
    throw new SignetConfigError(`${factory}: baseUrl is required: ${howToGive('baseUrl', env)}`);
  }
  return value;
}

/** What to do about a missing field, true to the `env` option in force. */
function howToGive(field: keyof SignetCredentials, env: Environment | false | undefined): string {
  return env === false
    ? `pass it (env: false, so ${CREDENTIAL_ENV[field]} is not read)`
    : `pass it, or set ${CREDENTIAL_ENV[field]}`;
}

/**
 * Logging from `SIGNET_LOG` (unless the options set a logger or `env: false`), and every
 * call published on `node:diagnostics_channel` (unless the options bring a tracer).
 */
function observing(
  options: Pick<ClientOptions, 'logger' | 'logLevel' | 'tracer'>,
  env: Environment | false | undefined,
): Pick<ClientOptions, 'logger' | 'logLevel' | 'tracer'> {
  const logging = loggingFromEnv(options, env === false ? undefined : (env ?? process.env));
  return { ...logging, tracer: options.tracer ?? diagnosticsTracer };
}

/** Each client its own undici pool, unless the caller picked a fetch or a transport. */
function transportOf(
  options: Pick<ClientOptions, 'fetch' | 'transport'>,
): Pick<ClientOptions, 'transport'> {
  return options.fetch === undefined && options.transport === undefined
    ? { transport: nodeTransport() }
    : {};
}

function cryptoOf(options: { crypto?: ClientOptions['crypto'] }): Pick<ClientOptions, 'crypto'> {
  const crypto = options.crypto ?? NODE_DEFAULT_CRYPTO;
  return crypto === undefined ? {} : { crypto };
}

function required(
  value: string | undefined,
  field: keyof SignetCredentials,
  factory: string,
  env: Environment | false | undefined,
): string {
  if (value === undefined) {
    throw new SignetConfigError(`${factory}: ${field} is missing: ${howToGive(field, env)}`);
  }
  return value;
}
