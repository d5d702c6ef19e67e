import {
  isSignetError,
  JITAI_WINDOW_MS,
  jitaiSign,
  type LosslessObject,
  parseLossless,
  SignetConfigError,
  SignetDecodeError,
  SignetSignatureError,
  verifyJitaiData,
} from '@signet/sdk-core';
import { nodeCrypto } from './node-crypto.js';
import { readBodyWithin } from './signing-body.js';
import {
  normalizeBasePath,
  readPayload,
  type SignerPayload,
  SignerRefusal,
  type SignPayload,
} from './signing-request.js';

export type { SignerPayload } from './signing-request.js';

/**
 * Options of {@link createSigningHandler}.
 *
 * @example
 * ```ts
 * createSigningHandler({
 *   accessKey, accessSecret,
 *   allow: ['services.OrderSvc.query'],
 *   authorize: (request) => sessionOf(request) !== undefined, // required
 * })
 * ```
 */
export interface SigningHandlerOptions {
  accessKey: string;
  accessSecret: string;
  /**
   * The APIs pages may get signatures for: exact names, or a function deciding. This is
   * the handler's own check; the real boundary is the accessKey's API list on the
   * platform (a JitAi signature does not cover the path), so give a browser-facing key
   * only the APIs the browser may call.
   */
  allow: readonly string[] | ((api: string) => boolean);
  /**
   * Decides whether this caller may have a signature (session cookie, CSRF token...):
   * runs for every `sign` and `verify` request after the payload was checked. The
   * request's body has been read; use its headers. Required, unless
   * `dangerouslySignForAnyone` says the endpoint is meant to sign for every caller.
   */
  authorize?: (request: Request, payload: SignerPayload) => boolean | Promise<boolean>;
  /**
   * Sign for anyone who can reach the endpoint, with no `authorize` check: whoever can
   * post to it can then call every allowed api as you. Only for endpoints that something
   * in front already restricts (a private network, an authenticating proxy) — say so here
   * rather than with an `authorize` that always answers true.
   */
  dangerouslySignForAnyone?: boolean;
  /** The JitAi app's path (`/api/{orgId}/{appName}`): when given, `path` must be exactly under it. */
  basePath?: string;
  /** The signing clock, Unix ms (default `Date.now`). Pages never choose the timestamp. */
  now?: () => number;
  /** Response timestamp window for `verify`, ms (default 300 000, the platform's). */
  windowMs?: number;
  /** Largest accepted request body, bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

/** A fetch-style handler: `(request) => Promise<Response>`. */
export type SigningHandler = (request: Request) => Promise<Response>;

/**
 * The backend half of `remoteSigner`: a fetch-style handler (mount it at the page's
 * signer endpoint with node:http, Express, Hono...) that signs JitAi requests for pages
 * that must not hold the secret, and checks signed responses for them.
 *
 * It fails closed: without `authorize` (or an explicit `dangerouslySignForAnyone: true`)
 * it is not created, and a body past `maxBodyBytes` is refused as soon as reading passes
 * the limit, whatever its Content-Length said. A `sign` request is checked (POST, JSON, a
 * known op, the api in `allow`, the path naming that same api, `authorize`) and signed
 * with this server's clock; a `verify`
 * request answers `{ok: true}` or `{ok: false, error}`. Refusals are
 * `{error: {name, message}}` with status 400, 403, 405, 413, 415 or 500, never echoing
 * a secret. CORS is left to the app: serve the signer from the page's own origin, and
 * the JSON content type it requires keeps other sites from posting to it with cookies
 * without a preflight.
 */
export function createSigningHandler(options: SigningHandlerOptions): SigningHandler {
  const { accessKey, accessSecret, allow, authorize } = options ?? ({} as SigningHandlerOptions);
  if (typeof accessKey !== 'string' || !/^[\u0021-\u007e]+$/.test(accessKey)) {
    throw new SignetConfigError('createSigningHandler: accessKey must be printable ASCII');
  }
  if (typeof accessSecret !== 'string' || accessSecret === '') {
    throw new SignetConfigError('createSigningHandler: accessSecret must be a non-empty string');
  }
  if (!Array.isArray(allow) && typeof allow !== 'function') {
    throw new SignetConfigError(
      'createSigningHandler: allow must be a list of api names or a function',
    );
  }
  const anyone = options.dangerouslySignForAnyone;
  if (anyone !== undefined && typeof anyone !== 'boolean') {
    throw new SignetConfigError('createSigningHandler: dangerouslySignForAnyone must be a boolean');
  }
  if (authorize !== undefined && typeof authorize !== 'function') {
    throw new SignetConfigError('createSigningHandler: authorize must be a function');
  }
  if (authorize === undefined && anyone !== true) {
    throw new SignetConfigError(
      'createSigningHandler: authorize is required — a function (request, payload) => boolean that says whether this caller may have a signature (check its session or CSRF token). Without it anyone who can reach the endpoint could call your allowed apis as you; if the endpoint really is meant to sign for every caller, say so with dangerouslySignForAnyone: true.',
    );
  }
  if (authorize !== undefined && anyone === true) {
    throw new SignetConfigError(
      'createSigningHandler: give authorize or dangerouslySignForAnyone: true, not both (should callers be checked or not?)',
    );
  }
  const allowed = typeof allow === 'function' ? allow : (api: string) => allow.includes(api);
  const basePath = normalizeBasePath(options.basePath);
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? JITAI_WINDOW_MS;
  const maxBodyBytes = options.maxBodyBytes ?? 1 << 20;
  if (!(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new SignetConfigError(
      `createSigningHandler: maxBodyBytes must be a positive integer, got ${String(maxBodyBytes)}`,
    );
  }

  async function answer(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      throw new SignerRefusal(405, 'MethodNotAllowed', 'the signer answers POST only');
    }
    if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
      throw new SignerRefusal(415, 'UnsupportedMediaType', 'send Content-Type: application/json');
    }
    const text = await readBodyWithin(request, maxBodyBytes);
    if (text === undefined) {
      throw new SignerRefusal(
        413,
        'PayloadTooLarge',
        `the signing request exceeds ${maxBodyBytes} bytes`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new SignerRefusal(400, 'SignetDecodeError', 'the signing request is not JSON');
    }
    const payload = readPayload(value, basePath);
    if (payload.op === 'sign' && !allowed(payload.api)) {
      throw new SignerRefusal(
        403,
        'Forbidden',
        `api ${payload.api} is not in the signer's allow-list`,
      );
    }
    if (authorize && (await authorize(request, payload)) !== true) {
      throw new SignerRefusal(403, 'Forbidden', 'authorize refused this request');
    }
    return payload.op === 'sign' ? json(200, sign(payload)) : json(200, verify(payload.dataText));
  }

  function sign(payload: SignPayload): { headers: Record<string, string> } {
    const args = parseArgs(payload.bodyText);
    const timestamp = Math.round(now());
    const accessSign = jitaiSign(args, { timestamp, secret: accessSecret, crypto: nodeCrypto });
    return { headers: { accessKey, timestamp: String(timestamp), accessSign } };
  }

  function verify(dataText: string): Record<string, unknown> {
    let data: ReturnType<typeof parseLossless>;
    try {
      data = parseLossless(dataText);
    } catch {
      throw new SignerRefusal(400, 'SignetDecodeError', 'dataText is not JSON');
    }
    try {
      verifyJitaiData(data, { secret: accessSecret, now: now(), windowMs, crypto: nodeCrypto });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof SignetSignatureError) && !(error instanceof SignetDecodeError)) {
        throw error;
      }
      const problem = error instanceof SignetSignatureError ? { problem: error.problem } : {};
      return { ok: false, error: { name: error.name, message: error.message, ...problem } };
    }
  }

  return async (request) => {
    try {
      return await answer(request);
    } catch (error) {
      return refusal(error, accessSecret);
    }
  };
}

function parseArgs(bodyText: string): LosslessObject {
  let args: unknown;
  try {
    args = parseLossless(bodyText);
  } catch {
    throw new SignerRefusal(400, 'SignetDecodeError', 'bodyText is not JSON');
  }
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    throw new SignerRefusal(400, 'SignetConfigError', 'bodyText must be a JSON object of args');
  }
  return args as LosslessObject;
}

function refusal(error: unknown, secret: string): Response {
  if (error instanceof SignerRefusal) {
    const headers = error.status === 405 ? { allow: 'POST' } : undefined;
    return json(error.status, { error: { name: error.name, message: error.message } }, headers);
  }
  // jitaiSign refuses args the server would read differently (colliding keys...).
  if (isSignetError(error) && error.name === 'SignetConfigError') {
    const message = error.message.split(secret).join('***');
    return json(400, { error: { name: error.name, message } });
  }
  return json(500, { error: { name: 'InternalError', message: 'the signer failed' } });
}

function json(status: number, body: unknown, extra?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra },
  });
}
