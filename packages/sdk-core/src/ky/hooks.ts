import type { AfterResponseHook, BeforeRequestHook, BeforeRetryHook, KyInstance } from 'ky';
import type { AuthSignState, AuthStrategy, ChallengeAnswer, WrittenBody } from '../auth/types.js';
import { SkewClock } from '../clock.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { type RandomSource, secureRandom } from '../crypto/random.js';
import { SignetConfigError, SignetDecodeError } from '../errors.js';
import { guardInsecureHttp, type InsecureHttp } from '../http/url.js';
import { jitaiApiError, readJitaiEnvelope } from '../jitai/envelope.js';
import { jitaiResponseCheck } from '../jitai/response-check.js';
import { type LosslessJson, losslessToValue, parseLossless } from '../json/lossless.js';
import { toWireJson } from '../json/wire-json.js';

/**
 * Options of {@link kyHooks} and {@link withSignet}.
 *
 * @example
 * ```ts
 * const api = withSignet(ky.create({ prefixUrl: 'https://host:8088' }), { auth: dataflux({ akId, akSecret }) })
 * ```
 */
export interface KyHooksOptions {
  /** The strategy that signs every request (and every retry) ky sends. */
  auth: AuthStrategy;
  /**
   * Allow credentials over plain `http:` to a host that is not loopback (default false;
   * `'localhost-subdomains'`: also `*.localhost`, see the client option).
   */
  allowInsecureHttp?: InsecureHttp;
  /** Clock for signing (tests). Default `Date.now`. */
  now?: () => number;
  random?: RandomSource;
  crypto?: CryptoProvider | undefined;
}

/** The hooks {@link kyHooks} returns: put them in a ky instance's `hooks`. */
export interface SignetKyHooks {
  beforeRequest: BeforeRequestHook[];
  beforeRetry: BeforeRetryHook[];
  afterResponse: AfterResponseHook[];
}

/**
 * Hooks that make ky send signet-signed requests: before each request the strategy
 * prepares it (fixed fields, custom auth), the JSON body is written once with its
 * canonical form, and it is signed; before each of ky's retries it is signed again (a
 * fresh timestamp and nonce); JitAi responses are verified before ky hands them out. Each
 * request gets `redirect: 'manual'`, so a 3xx is never followed with its credentials.
 *
 * A Digest challenge needs ky's own `retry`: pass the instance (or use
 * {@link withSignet}, which does).
 */
export function kyHooks(options: KyHooksOptions, ky?: Pick<KyInstance, 'retry'>): SignetKyHooks {
  const auth = options?.auth;
  if (typeof auth?.kind !== 'string') {
    throw new SignetConfigError('kyHooks: options.auth must be an auth strategy');
  }
  const clock = new SkewClock(options.now ? { now: options.now } : {});
  const random = options.random ?? secureRandom;
  const check = jitaiResponseCheck(auth);
  /** Authorization values answering a challenge, awaiting the retry that carries them. */
  const answers = new Set<string>();

  const sign = async (
    request: Request,
    bodyText: string | undefined,
    written: WrittenBody | undefined,
    attempt: number,
  ): Promise<void> => {
    if (!auth.sign) return;
    const given = request.headers.get('authorization');
    const challenge: ChallengeAnswer | undefined =
      given !== null && answers.delete(given) ? { authorization: given } : undefined;
    const state: AuthSignState = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      bodyText,
      canonical: written?.canonical,
      now: clock.now(),
      attempt,
      challenge,
      random,
      crypto: options.crypto,
    };
    await auth.sign(state);
  };

  const beforeRequest: BeforeRequestHook = async ({ request }) => {
    const text = request.body === null ? undefined : await request.clone().text();
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    const value = bodyValue(text, auth);
    // prepare (fixed fields, custom auth) sees plain values, as with signet's clients.
    const plain =
      auth.prepare && value !== undefined ? losslessToValue(value as LosslessJson) : value;
    const state = { method: request.method, url, headers, body: plain };
    await auth.prepare?.(state);
    const changed =
      auth.prepare !== undefined && state.body !== undefined && !sameJson(state.body, text);
    const written = writeBody(changed ? state.body : value, auth, text, changed);
    if (written !== undefined && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    guardInsecureHttp(url, auth.credentialed, options.allowInsecureHttp ?? false);
    const signed = new Request(url, {
      method: request.method,
      headers,
      signal: request.signal,
      credentials: request.credentials,
      redirect: 'manual',
      ...(written === undefined ? {} : { body: written.text }),
    });
    await sign(signed, written?.text, written, 0);
    return signed;
  };

  const beforeRetry: BeforeRetryHook = async ({ request, retryCount }) => {
    const text = request.body === null ? undefined : await request.clone().text();
    const body = bodyValue(text, auth);
    const written =
      text === undefined || !auth.write
        ? undefined
        : { text, canonical: auth.write(body).canonical };
    await sign(request, text, written, retryCount);
  };

  const afterResponse: AfterResponseHook = async ({ request, response }) => {
    if (response.status === 401 && auth.challenge && ky) {
      const text = request.body === null ? undefined : await request.clone().text();
      const answer = await auth.challenge({
        method: request.method,
        url: new URL(request.url),
        bodyText: text,
        status: response.status,
        headers: response.headers,
        round: 0,
      });
      if (answer) {
        answers.add(answer.authorization);
        const headers = new Headers(request.headers);
        headers.set('authorization', answer.authorization);
        return ky.retry({ request: new Request(request, { headers }) });
      }
    }
    if (check && response.status >= 200 && response.status < 300) {
      const envelope = readJitaiEnvelope(parseLossless(await response.clone().text()));
      if (typeof envelope === 'string') {
        throw new SignetDecodeError(`JitAi response ${envelope}`);
      }
      if (envelope.errcode !== 0) throw jitaiApiError(envelope, response.status);
      await check.verifyJitaiData({
        data: envelope.data ?? null,
        now: clock.now(),
        crypto: options.crypto,
      });
    }
    return response;
  };

  return {
    beforeRequest: [beforeRequest],
    beforeRetry: [beforeRetry],
    afterResponse: [afterResponse],
  };
}

/**
 * `ky.extend()` with {@link kyHooks} (including Digest challenges, through the instance's
 * own `retry`).
 *
 * @example
 * ```ts
 * import ky from 'ky'
 * const jit = withSignet(ky.create({ prefixUrl: 'https://host/api/org/app' }), {
 *   auth: jitai({ accessKey, accessSecret }),
 * })
 * const envelope = await jit.post('services/OrderSvc/query', { json: { orderId: '1' } }).json()
 * ```
 */
export function withSignet(instance: KyInstance, options: KyHooksOptions): KyInstance {
  return instance.extend({ hooks: kyHooks(options, instance) });
}

/** The JSON value of a request body, lossless, when a strategy needs it. */
function bodyValue(text: string | undefined, auth: AuthStrategy): unknown {
  if (text === undefined || text === '' || (!auth.write && !auth.prepare)) return undefined;
  try {
    return parseLossless(text);
  } catch (error) {
    throw new SignetConfigError(
      `kyHooks: the ${auth.kind} strategy signs a JSON body, and this one is not JSON (send it with ky's json option)`,
      { cause: error },
    );
  }
}

/**
 * The body to send: ky's own text (with the strategy's canonical form of it), or the
 * value `prepare` changed, written anew.
 */
function writeBody(
  value: unknown,
  auth: AuthStrategy,
  text: string | undefined,
  changed: boolean,
): WrittenBody | undefined {
  if (value === undefined) return text === undefined ? undefined : { text, canonical: undefined };
  if (auth.write) return auth.write(value);
  return { text: changed || text === undefined ? toWireJson(value) : text, canonical: undefined };
}

/** True when `value` still serializes to ky's own body text (prepare left it alone). */
function sameJson(value: unknown, text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    return toWireJson(value) === toWireJson(losslessToValue(parseLossless(text)));
  } catch {
    return false;
  }
}
