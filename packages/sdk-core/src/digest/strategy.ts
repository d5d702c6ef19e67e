import { type AuthStrategy, secretValues, type WithSecrets } from '../auth/types.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { RandomSource } from '../crypto/random.js';
import { SignetConfigError } from '../errors.js';
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
  random?: RandomSource;
  crypto?: CryptoProvider | undefined;
}

/**
 * HTTP Digest (RFC 7616/2617): answers the server's challenge once, reuses the nonce
 * preemptively with the next `nc` on later requests, retries once on `stale=true`, and
 * stops on a second plain 401 (wrong credentials) instead of looping.
 */
export function digest(options: DigestAuthOptions): AuthStrategy & WithSecrets {
  const { username, password } = options ?? ({} as DigestAuthOptions);
  if (typeof username !== 'string' || username.length === 0) {
    throw new SignetConfigError('digest: username must be a non-empty string');
  }
  if (typeof password !== 'string')
    throw new SignetConfigError('digest: password must be a string');
  const session = new DigestSession({
    username,
    password,
    ...(options.algorithms ? { preferredAlgorithms: options.algorithms } : {}),
    ...(options.qop ? { qop: options.qop } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.crypto ? { crypto: options.crypto } : {}),
  });
  const verifyServer = options.verifyServer ?? true;
  return {
    kind: 'digest',
    credentialed: true,
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
    [secretValues]: () => [password],
  };
}
