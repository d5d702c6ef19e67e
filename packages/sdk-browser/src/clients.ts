import {
  type AuthStrategy,
  type ClientOptions,
  createClient as coreCreateClient,
  createDataFluxClientWithAuth as coreCreateDataFluxClientWithAuth,
  createJitaiClientWithAuth as coreCreateJitaiClientWithAuth,
  dataflux as coreDataflux,
  hmacSignature as coreHmacSignature,
  jitai as coreJitai,
  type DataFluxAuthOptions,
  type DataFluxClient,
  type DataFluxClientOptions,
  type DataFluxStrategy,
  type DataFluxTypes,
  type FetchCredentials,
  type FetchFunction,
  type GenericClient,
  type HmacSignatureOptions,
  type HmacStrategy,
  type JitaiAuthOptions,
  type JitaiClient,
  type JitaiClientOptions,
  type JitaiStrategy,
  type ServiceMap,
  SignetConfigError,
} from '@signet/sdk-core';
import { type AllowSecretInBrowser, refuseSecret, withoutOptIn } from './secret-guard.js';

/** What sdk-browser adds to every client's options. */
export interface BrowserClientOptions extends AllowSecretInBrowser {
  /**
   * `credentials` of the API requests. Default `'omit'` with `basic()` and `digest()`:
   * with cookies allowed, a 401 carrying `WWW-Authenticate: Basic|Digest` makes the
   * browser open its own login dialog (Chromium does for same-origin requests and for
   * cross-origin ones with `'include'`), and hides the challenge from the code that can
   * answer it. Otherwise the browser's default (`'same-origin'`).
   */
  credentials?: FetchCredentials;
}

export interface BrowserJitaiClientOptions extends JitaiClientOptions, BrowserClientOptions {}
export interface BrowserDataFluxClientOptions extends DataFluxClientOptions, BrowserClientOptions {}
export interface BrowserGenericClientOptions extends ClientOptions, BrowserClientOptions {}

/** Strategies built by this package's factories with the opt-out given. */
const optedIn = new WeakSet<AuthStrategy>();
const SECRET_KINDS: Record<string, string> = {
  jitai: 'jitai() accessSecret',
  dataflux: 'dataflux() akSecret',
  hmac: 'hmacSignature() secret',
};

/** `jitai()` of sdk-core, refusing the accessSecret unless `dangerouslyAllowSecretInBrowser`. */
export function jitai(options: JitaiAuthOptions & AllowSecretInBrowser): JitaiStrategy {
  refuseSecret('jitai', 'accessSecret', options?.accessSecret ?? '', options);
  return remember(coreJitai(withoutOptIn(options)));
}

/** `dataflux()` of sdk-core, refusing the akSecret unless `dangerouslyAllowSecretInBrowser`. */
export function dataflux(options: DataFluxAuthOptions & AllowSecretInBrowser): DataFluxStrategy {
  refuseSecret('dataflux', 'akSecret', options?.akSecret ?? '', options);
  return remember(coreDataflux(withoutOptIn(options)));
}

/** `hmacSignature()` of sdk-core, refusing the secret unless `dangerouslyAllowSecretInBrowser`. */
export function hmacSignature(options: HmacSignatureOptions & AllowSecretInBrowser): HmacStrategy {
  refuseSecret('hmacSignature', 'secret', options?.secret ?? '', options);
  return remember(coreHmacSignature(withoutOptIn(options)));
}

/**
 * `createJitaiClient` for browsers: sign with `remoteSigner({ endpoint })` (the secret
 * stays on your backend), or a Bearer token. A raw `accessSecret` is refused unless
 * `dangerouslyAllowSecretInBrowser: true`.
 *
 * @example
 * ```ts
 * createJitaiClient({ baseUrl, accessKey, auth: remoteSigner({ endpoint: '/sign' }) })
 * ```
 */
export function createJitaiClient<S extends ServiceMap = Record<string, object>>(
  options: BrowserJitaiClientOptions,
): JitaiClient<S> {
  refuseSecret('createJitaiClient', 'accessSecret', options?.accessSecret, options);
  if (options?.accessSecret !== undefined) {
    // Opted in: still through jitai(), so bundles that sign remotely carry no local signer.
    throw new SignetConfigError(
      'createJitaiClient: in sdk-browser a local secret goes through the strategy: ' +
        'auth: jitai({ accessKey, accessSecret, dangerouslyAllowSecretInBrowser: true })',
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('createJitaiClient: options must be an object');
  }
  if (!options.auth) {
    throw new SignetConfigError(
      'createJitaiClient: pass auth: remoteSigner({ endpoint }) (the secret stays on your ' +
        'backend), or bearer(token) for interceptor-protected functions',
    );
  }
  return createJitaiClientWithAuth<S>(options, options.auth);
}

/**
 * sdk-core's `createJitaiClientWithAuth` with the browser defaults: a secret-holding
 * strategy from sdk-core is refused, Basic/Digest get `credentials: 'omit'`.
 */
export function createJitaiClientWithAuth<S extends ServiceMap = Record<string, object>>(
  options: Omit<BrowserJitaiClientOptions, 'accessSecret' | 'auth'>,
  auth: AuthStrategy,
): JitaiClient<S> {
  const browser = browserOptions('createJitaiClient', withAuth(options, auth));
  return coreCreateJitaiClientWithAuth<S>(browser, auth);
}

/** `createDataFluxClient` for browsers (see {@link BrowserClientOptions}). */
export function createDataFluxClient<D extends DataFluxTypes = DataFluxTypes>(
  options: BrowserDataFluxClientOptions,
): DataFluxClient<D> {
  refuseSecret('createDataFluxClient', 'akSecret', options?.akSecret, options);
  if (options?.akId !== undefined || options?.akSecret !== undefined) {
    // Opted in: still through dataflux(), so bundles without AK/SK carry no signer.
    throw new SignetConfigError(
      'createDataFluxClient: in sdk-browser a local secret goes through the strategy: ' +
        'auth: dataflux({ akId, akSecret, dangerouslyAllowSecretInBrowser: true })',
    );
  }
  return createDataFluxClientWithAuth<D>(options, options?.auth);
}

/**
 * sdk-core's `createDataFluxClientWithAuth` with the browser defaults: a secret-holding
 * strategy from sdk-core is refused, Basic/Digest get `credentials: 'omit'`.
 */
export function createDataFluxClientWithAuth<D extends DataFluxTypes = DataFluxTypes>(
  options: Omit<BrowserDataFluxClientOptions, 'akId' | 'akSecret' | 'auth'>,
  auth: AuthStrategy | undefined,
): DataFluxClient<D> {
  const browser = browserOptions('createDataFluxClient', withAuth(options, auth));
  return coreCreateDataFluxClientWithAuth<D>(browser, auth);
}

/** `createClient` for browsers (see {@link BrowserClientOptions}). */
export function createClient(options: BrowserGenericClientOptions): GenericClient {
  return coreCreateClient(browserOptions('createClient', options));
}

function remember<T extends AuthStrategy>(strategy: T): T {
  optedIn.add(strategy);
  return strategy;
}

/** The options with the strategy in them; anything but an object is left for sdk-core to report. */
function withAuth<T extends object>(
  options: T,
  auth: AuthStrategy | undefined,
): T & { auth?: AuthStrategy } {
  if (options === null || typeof options !== 'object') return options;
  return auth === undefined ? options : { ...options, auth };
}

/** Refuses secret-holding strategies from sdk-core itself, sets the credentials mode. */
function browserOptions<T extends ClientOptions & BrowserClientOptions>(
  where: string,
  options: T,
): T {
  // Not an object: sdk-core's own check reports it.
  if (options === null || typeof options !== 'object') return options;
  const auth = options.auth;
  const field = auth ? SECRET_KINDS[auth.kind] : undefined;
  if (auth && field && !optedIn.has(auth)) refuseSecret(where, field, '', options);
  const { credentials: given, dangerouslyAllowSecretInBrowser: _, ...rest } = options;
  const credentials =
    given ?? (auth?.kind === 'basic' || auth?.kind === 'digest' ? 'omit' : undefined);
  if (credentials === undefined) return rest as T;
  if (options.transport !== undefined) {
    if (given === undefined) return rest as T; // their transport decides the mode
    throw new SignetConfigError(
      `${where}: the credentials option sets the mode of signet's fetch; with your own transport, set it there`,
    );
  }
  const base: FetchFunction =
    (options.fetch as FetchFunction | undefined) ??
    ((input, init) => globalThis.fetch(input, init));
  const fetch: FetchFunction = (input, init) => base(input, { ...init, credentials });
  return { ...(rest as T), fetch };
}
