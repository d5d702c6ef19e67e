import { SignetConfigError } from '@signet/sdk-core';

/** The opt-out every secret-taking factory of sdk-browser accepts. */
export interface AllowSecretInBrowser {
  /**
   * Accept a signing secret in browser code anyway. Everything shipped to a browser is
   * readable by whoever loads the page, so the secret is as good as published: only for
   * internal tools on trusted machines and for tests. Otherwise sign on your backend with
   * `remoteSigner` and sdk-node's `createSigningHandler`.
   */
  dangerouslyAllowSecretInBrowser?: boolean;
}

/**
 * Refuses a signing secret unless the caller opted in. `field` names the option, so the
 * message says what to remove; the secret itself never appears.
 */
export function refuseSecret(
  where: string,
  field: string,
  secret: unknown,
  options: AllowSecretInBrowser | undefined,
): void {
  if (secret === undefined || options?.dangerouslyAllowSecretInBrowser === true) return;
  throw new SignetConfigError(
    `${where}: a ${field} in browser code is published to everyone who loads the page: sign on your backend (remoteSigner + createSigningHandler), or pass dangerouslyAllowSecretInBrowser: true`,
  );
}

/** Removes the opt-out before options reach sdk-core. */
export function withoutOptIn<T extends AllowSecretInBrowser>(
  options: T,
): Omit<T, 'dangerouslyAllowSecretInBrowser'> {
  const { dangerouslyAllowSecretInBrowser: _, ...rest } = options;
  return rest;
}
