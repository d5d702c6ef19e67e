import { SignetConfigError } from '../errors.js';
import { type AuthStrategy, secretValues, type WithSecrets } from './types.js';

/** A token, or a function that returns the current one (refreshed tokens). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * `Authorization: Bearer <token>` — the JitAi interceptor style (functions declared
 * `ignoreSign: true, loginRequired: false` behind a Bearer-checking interceptor), or any
 * other Bearer API. Responses are not signed in this mode.
 *
 * @example
 * ```ts
 * createJitaiClient({ baseUrl, auth: bearer('testtoken123') })
 * ```
 */
export function bearer(token: TokenSource): AuthStrategy & WithSecrets {
  if (typeof token === 'string') checkToken(token);
  else if (typeof token !== 'function') {
    throw new SignetConfigError(
      'bearer(token): token must be a string or a function returning one',
    );
  }
  let last: string | undefined = typeof token === 'string' ? token : undefined;
  return {
    kind: 'bearer',
    credentialed: true,
    async sign({ headers }) {
      const value = typeof token === 'string' ? token : await token();
      checkToken(value);
      last = value;
      headers.set('Authorization', `Bearer ${value}`);
    },
    [secretValues]: () => (last === undefined ? [] : [last]),
  };
}

function checkToken(token: unknown): asserts token is string {
  if (typeof token !== 'string' || token.length === 0) {
    throw new SignetConfigError('bearer: the token is empty or not a string');
  }
  if (/[\s\u0000-\u001f\u007f]/.test(token) || /[^\u0020-\u007e]/.test(token)) {
    throw new SignetConfigError(
      'bearer: the token contains whitespace, control or non-ASCII characters; an HTTP header cannot carry it as is',
    );
  }
}
