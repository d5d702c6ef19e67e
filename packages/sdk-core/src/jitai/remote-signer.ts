import type { AuthSignState, AuthStrategy } from '../auth/types.js';
import { SignetConfigError, SignetDecodeError, SignetSignatureError } from '../errors.js';
import type { FetchCredentials, HeaderValues } from '../http/options.js';
import type { LosslessJson } from '../json/lossless.js';
import { isLosslessObject } from '../json/lossless-number.js';
import { toWireJson } from '../json/wire-json.js';
import { JITAI_HEADERS } from './constants.js';
import {
  askSigner,
  type RemoteSignerAnswer,
  type RemoteSignerPayload,
  readVerdict,
  type SignerCall,
} from './remote-signer-wire.js';
import type { JitaiResponseCheck } from './response-check.js';

/**
 * Options of {@link remoteSigner}.
 *
 * @example
 * ```ts
 * remoteSigner({ endpoint: '/sign', headers: () => ({ 'X-CSRF-Token': csrf() }) })
 * ```
 */
export interface RemoteSignerOptions {
  /**
   * The partner backend's signing endpoint (a `createSigningHandler` of sdk-node). A
   * relative URL resolves against the page's location; elsewhere give an absolute one.
   */
  endpoint: string | URL;
  /** Headers for the signer (a CSRF token, the user's session token), or a function returning them. */
  headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
  /** `credentials` of the signer request (default `same-origin`: session cookies go along). */
  credentials?: FetchCredentials;
  /** The fetch that reaches the signer (default: the global one, looked up per call). */
  fetch?: typeof fetch;
  /**
   * How signed JitAi responses are checked. `'remote'` (default): the response's `data`
   * goes back to the signer, which checks its signature with the secret; anything but
   * `{ ok: true }` fails the call. `'none'`: no check at all — the page then trusts TLS
   * and whoever terminates it (a proxy, a CDN) not to change answers. A browser cannot
   * check alone: the check needs the accessSecret.
   */
  verify?: 'remote' | 'none';
  /** Milliseconds to wait for the signer (default 10 000). */
  timeout?: number;
}

/** The delegated-signing strategy (no canonical form of its own: the backend's). */
export interface RemoteSignerStrategy extends AuthStrategy<undefined>, JitaiResponseCheck {
  readonly kind: 'remoteSigner';
  /** The resolved signer endpoint. */
  readonly endpoint: string;
  readonly verify: 'remote' | 'none';
}

/** JitAi calls are `POST {baseUrl}/{api with "." → "/"}` under `/api/{orgId}/{appName}/`. */
const JITAI_BASE = /^\/api\/[^/]+\/[^/]+\/(.+)$/;

/**
 * Delegated JitAi signing for code that must not hold the accessSecret (browsers, edge
 * workers). Every attempt asks the partner's own backend for the `accessKey`,
 * `timestamp` and `accessSign` headers of exactly this request
 * (`{op: 'sign', profile: 'jitai', api, method, path, bodyText}`); the backend checks its
 * allow-list and the user's session before signing with its clock. Signed responses are
 * sent back for checking (see {@link RemoteSignerOptions.verify}).
 *
 * @example
 * ```ts
 * const jit = createJitaiClient({ baseUrl, accessKey, auth: remoteSigner({ endpoint: '/sign' }) })
 * ```
 */
export function remoteSigner(options: RemoteSignerOptions): RemoteSignerStrategy {
  if (options === null || typeof options !== 'object') {
    throw new SignetConfigError('remoteSigner: options must be an object with an endpoint');
  }
  const endpoint = resolveEndpoint(options.endpoint);
  const verify = options.verify ?? 'remote';
  if (verify !== 'remote' && verify !== 'none') {
    throw new SignetConfigError(`remoteSigner: verify must be 'remote' or 'none'`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new SignetConfigError('remoteSigner: fetch must be a function');
  }
  const timeout = options.timeout ?? 10_000;
  if (!(timeout > 0))
    throw new SignetConfigError('remoteSigner: timeout must be a positive number');
  const call: SignerCall = {
    endpoint,
    timeout,
    headers: options.headers,
    credentials: options.credentials ?? 'same-origin',
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };

  return {
    kind: 'remoteSigner',
    credentialed: true,
    timestamped: true,
    publicHeaders: [JITAI_HEADERS.accessKey, JITAI_HEADERS.timestamp],
    endpoint,
    verify,
    // The args are checked where they are signed: the backend refuses ambiguous ones
    // (colliding or reserved keys, what Python's json cannot carry) with a
    // SignetConfigError of its own, so the page carries no copy of the Python-exact check.
    write: (body) => ({ text: toWireJson(body, 'args'), canonical: undefined }),
    async sign(state) {
      const payload: RemoteSignerPayload = {
        op: 'sign',
        profile: 'jitai',
        api: apiOf(state),
        method: state.method,
        path: state.url.pathname + state.url.search,
        bodyText: state.bodyText ?? '{}',
      };
      const answer = await askSigner(call, payload);
      const headers = signedHeaders(answer);
      state.headers.set(JITAI_HEADERS.accessKey, headers.accessKey);
      state.headers.set(JITAI_HEADERS.timestamp, headers.timestamp);
      state.headers.set(JITAI_HEADERS.accessSign, headers.accessSign);
    },
    async verifyJitaiData({ data }) {
      const result = signedResult(data);
      if (verify === 'none') return result;
      const answer = await askSigner(call, {
        op: 'verify',
        profile: 'jitai',
        // The lexemes as received: the signer re-reads them losslessly.
        dataText: toWireJson(data, 'data'),
      });
      readVerdict(answer);
      return result;
    },
  };
}

function resolveEndpoint(endpoint: string | URL): string {
  if (typeof endpoint !== 'string' && !(endpoint instanceof URL)) {
    throw new SignetConfigError('remoteSigner: endpoint must be a URL or a string');
  }
  const base = (globalThis as { location?: { href?: unknown } }).location?.href;
  try {
    return new URL(endpoint, typeof base === 'string' ? base : undefined).href;
  } catch {
    throw new SignetConfigError(
      `remoteSigner: endpoint "${String(endpoint)}" is relative, and there is no page location`,
    );
  }
}

/** The JitAi api of this call: the client's own name when it passes one, else from the path. */
function apiOf(state: AuthSignState): string {
  const named = (state as AuthSignState & { api?: unknown }).api;
  if (typeof named === 'string' && named !== '') return named;
  const match = JITAI_BASE.exec(state.url.pathname);
  if (!match) {
    throw new SignetConfigError(
      `remoteSigner: cannot tell the JitAi api from the path "${state.url.pathname}" (expected /api/{orgId}/{appName}/...)`,
    );
  }
  return match[1]!.split('/').map(decodeURIComponent).join('.');
}

function signedHeaders(answer: RemoteSignerAnswer): {
  accessKey: string;
  timestamp: string;
  accessSign: string;
} {
  const headers = (answer as { headers?: Record<string, unknown> }).headers;
  const accessKey = headers?.accessKey;
  const timestamp = headers?.timestamp;
  const accessSign = headers?.accessSign;
  if (
    typeof accessKey !== 'string' ||
    !/^[\u0021-\u007e]+$/.test(accessKey) ||
    typeof timestamp !== 'string' ||
    !/^\d{1,16}$/.test(timestamp) ||
    typeof accessSign !== 'string' ||
    !/^[0-9a-f]{40}$/.test(accessSign)
  ) {
    throw new SignetDecodeError(
      'remoteSigner: the signer answered without valid headers (want {"headers":{"accessKey","timestamp","accessSign"}})',
    );
  }
  return { accessKey, timestamp, accessSign };
}

/** `data.data` of a signed response, once its shape is right (before or without a check). */
function signedResult(data: LosslessJson): LosslessJson {
  if (!isLosslessObject(data)) {
    throw new SignetDecodeError('JitAi response `data` is not an object');
  }
  if (!('accessSign' in data) || !('timestamp' in data)) {
    throw new SignetSignatureError('JitAi response is not signed (no data.accessSign/timestamp)', {
      problem: 'accessSign' in data ? 'missing-timestamp' : 'missing-signature',
    });
  }
  if (!('data' in data)) throw new SignetDecodeError('signed JitAi response has no data.data');
  return data.data!;
}
