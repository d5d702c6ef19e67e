import { base64OfUtf8 } from '../crypto/encoding.js';
import { SignetConfigError } from '../errors.js';
import { type AuthStrategy, secretValues, type WithSecrets } from './types.js';

/** Options of {@link basic}: the HTTP Basic credentials (RFC 7617), sent as UTF-8. */
export interface BasicAuthOptions {
  username: string;
  password: string;
}

/**
 * HTTP Basic (RFC 7617, UTF-8 credentials), sent preemptively on every request —
 * DataFlux Func's "HTTP Basic" API auth answers a missing header with
 * `WWW-Authenticate: Basic realm="SyncAPI:<id>"`.
 */
export function basic(options: BasicAuthOptions): AuthStrategy & WithSecrets {
  const { username, password } = options ?? ({} as BasicAuthOptions);
  if (typeof username !== 'string' || username.length === 0) {
    throw new SignetConfigError('basic: username must be a non-empty string');
  }
  if (username.includes(':')) {
    throw new SignetConfigError('basic: username must not contain ":" (RFC 7617)');
  }
  if (typeof password !== 'string') throw new SignetConfigError('basic: password must be a string');
  if (/[\u0000-\u001f\u007f]/.test(username + password)) {
    throw new SignetConfigError('basic: username and password must not contain control characters');
  }
  const header = `Basic ${base64OfUtf8(`${username}:${password}`)}`;
  return {
    kind: 'basic',
    credentialed: true,
    sign({ headers }) {
      headers.set('Authorization', header);
    },
    [secretValues]: () => [password, header.slice(6)],
  };
}
