import { SignetConfigError } from '@signet/sdk-core';
import type { JitaiApiAuth, JitaiBearerOptions } from './options.js';
import type { JitaiRegistry } from './registry.js';

/** The names the platform's error messages give the authorization elements. */
export const API_AUTH_ELEMENT = { name: 'apiAuths.myApiAuth', title: 'API Authorization' };
export const UNKNOWN_KEY_ELEMENT = { name: 'apiAuths.NormalType', title: 'API Authorization' };
export const BEARER_ELEMENT = {
  name: 'interceptors.BearerToken',
  title: 'BearerToken Authentication',
};

/**
 * The seed interceptor's check, line for line: an `Authorization` header, split at the
 * first space, scheme `bearer` in any case, a non-empty credential, stripped, that is
 * one of the allowed tokens. Returns the token's app name, or undefined.
 */
export function checkBearer(
  header: string | null,
  tokens: Readonly<Record<string, string>>,
): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = space === -1 ? header : header.slice(0, space);
  const credential = space === -1 ? '' : header.slice(space + 1);
  if (scheme.toLowerCase() !== 'bearer' || credential === '') return undefined;
  const token = credential.trim();
  return Object.hasOwn(tokens, token) ? tokens[token] : undefined;
}

/** True when `[element, name]` is on the Bearer whitelist. */
export function isBearerFunction(
  bearer: JitaiBearerOptions | undefined,
  element: string,
  name: string,
): boolean {
  return bearer?.functions.some(([e, f]) => e === element && f === name) ?? false;
}

/**
 * Refuses a configuration the platform would not run as written: a whitelisted Bearer
 * function must be declared `ignoreSign: true, loginRequired: false` (seed note 1 and 2),
 * or the platform's own signature and login checks would still apply to it.
 */
export function checkBearerConfig(
  bearer: JitaiBearerOptions | undefined,
  registry: JitaiRegistry,
): void {
  for (const [element, name] of bearer?.functions ?? []) {
    const resolved = registry.resolve(element, name);
    const definition = typeof resolved === 'string' ? undefined : resolved.definition;
    if (definition?.ignoreSign !== true || definition.loginRequired !== false) {
      throw new SignetConfigError(
        `bearer.functions lists ${element}.${name}, but its definition does not declare ignoreSign: true, loginRequired: false (add it to definitions)`,
      );
    }
  }
}

/** Checks the apiAuths option and indexes it by accessKey. */
export function indexApiAuths(apiAuths: readonly JitaiApiAuth[]): Map<string, JitaiApiAuth> {
  const byKey = new Map<string, JitaiApiAuth>();
  for (const [i, auth] of apiAuths.entries()) {
    if (typeof auth.accessKey !== 'string' || auth.accessKey === '') {
      throw new SignetConfigError(`apiAuths[${i}].accessKey must be a non-empty string`);
    }
    if (typeof auth.accessSecret !== 'string' || auth.accessSecret === '') {
      throw new SignetConfigError(`apiAuths[${i}].accessSecret must be a non-empty string`);
    }
    if (!Array.isArray(auth.apis))
      throw new SignetConfigError(`apiAuths[${i}].apis must be a list`);
    if (byKey.has(auth.accessKey)) {
      throw new SignetConfigError(`apiAuths[${i}].accessKey appears twice`);
    }
    byKey.set(auth.accessKey, auth);
  }
  return byKey;
}
