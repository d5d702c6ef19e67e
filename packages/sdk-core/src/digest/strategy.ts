import {
  type AuthStrategy,
  type ServerDefaults,
  secretValues,
  type WithSecrets,
  type WithServerDefaults,
  withServerDefaults,
} from '../auth/types.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { RandomSource } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
import { checkLatin1Username, type DigestUsernameEncoding } from './authorization.js';
import type { DigestAlgorithm } from './compute.js';
import type { DigestQop } from './offer.js';
import { DigestSession } from './session.js';

/**
 * Options of {@link digest}: HTTP Digest credentials (RFC 7616) and the algorithms and
 * qop signet may answer with.
 */
export interface DigestAuthOptions {
  username: string;
  password: string;
  /** Algorithms to accept, best first (default SHA-512-256 > SHA-256 > MD5, -sess after each). */
  algorithms?: readonly DigestAlgorithm[];
  /** qop when the server offers both (default 'auth'). */
  qop?: DigestQop;
  /** Check `rspauth` in `Authentication-Info` when the server sends one (default true). */
  verifyServer?: boolean;
  /**
   * How the user name goes in the `username` parameter: `'rfc7616'` (ASCII quoted, any
   * other name as `username*=UTF-8''…`), `'utf-8'` (its UTF-8 bytes quoted: Apache
   * `mod_auth_digest` with a UTF-8 htdigest file) or `'latin1'` (its Latin-1 bytes quoted:
   * DataFlux Func, Python `requests`; no name beyond U+00FF). Default: the client's
   * (`createDataFluxClient`: `'latin1'`), else `'rfc7616'`. An ASCII name is the same in
   * all three. The hashes are over the name's UTF-8 bytes in every case.
   */
  usernameEncoding?: DigestUsernameEncoding;
  random?: RandomSource;
  crypto?: CryptoProvider | undefined;
}

/** The Digest strategy: the user name encoding it uses shows, for clients and tests. */
export interface DigestStrategy extends AuthStrategy, WithSecrets, WithServerDefaults {
  readonly kind: 'digest';
  readonly usernameEncoding: DigestUsernameEncoding;
}

/**
 * HTTP Digest (RFC 7616/2617): answers the server's challenge once, reuses the nonce
 * preemptively with the next `nc` on later requests, retries once on `stale=true`, and
 * stops on a second plain 401 (wrong credentials) instead of looping.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, auth: digest({ username: 'zoë', password, usernameEncoding: 'utf-8' }) })
 * ```
 */
export function digest(options: DigestAuthOptions): DigestStrategy {
  return digestFor(options, undefined);
}

function digestFor(options: DigestAuthOptions, server: ServerDefaults | undefined): DigestStrategy {
  const { username, password } = options ?? ({} as DigestAuthOptions);
  if (typeof username !== 'string' || username.length === 0) {
    throw new SignetConfigError('digest: username must be a non-empty string');
  }
  if (typeof password !== 'string')
    throw new SignetConfigError('digest: password must be a string');
  // A server that reads only quoted Latin-1 parameters gets the name as Latin-1, and a
  // name beyond Latin-1 is refused with its reason: no encoding could pass it.
  const latin1Only = server?.latin1AuthParams;
  const usernameEncoding =
    options.usernameEncoding ?? (latin1Only === undefined ? 'rfc7616' : 'latin1');
  if (latin1Only !== undefined && usernameEncoding === 'latin1') {
    checkLatin1Username(username, latin1Only);
  }
  const session = new DigestSession({
    username,
    password,
    usernameEncoding,
    ...(options.algorithms ? { preferredAlgorithms: options.algorithms } : {}),
    ...(options.qop ? { qop: options.qop } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.crypto ? { crypto: options.crypto } : {}),
  });
  const verifyServer = options.verifyServer ?? true;
  const strategy: DigestStrategy = {
    kind: 'digest',
    credentialed: true,
    usernameEncoding,
    sign(state) {
      const request = {
        method: state.method,
        uri: state.url.pathname + state.url.search,
        body: state.bodyText,
      };
      const header = state.challenge?.authorization ?? session.preemptive(request);
      if (header) state.headers.set('Authorization', header);
    },
    challenge(state) {
      const www = state.headers.get('www-authenticate');
      if (!www || !/(^|,)\s*digest\s/i.test(www)) return undefined;
      // A second 401 that is not `stale` means the credentials are wrong: stop.
      if (state.round > 0 && !session.isStale(www)) return undefined;
      const request = {
        method: state.method,
        uri: state.url.pathname + state.url.search,
        body: state.bodyText,
      };
      return { authorization: session.respond(www, request) };
    },
    verifyResponse(state) {
      const info = state.headers.get('authentication-info');
      if (!verifyServer || !info) return;
      session.verifyAuthenticationInfo(info, {
        method: state.request.method,
        uri: state.request.url.pathname + state.request.url.search,
        body: state.request.bodyText,
        responseBody: state.bodyText,
      });
    },
    // The caller's own choice wins over the client's.
    [withServerDefaults]: (defaults) =>
      options.usernameEncoding === undefined ? digestFor(options, defaults) : strategy,
    [secretValues]: () => [password],
  };
  return strategy;
}
