import type { AllowSecretInBrowser } from '../secret-guard.js';
import { refuseSecret } from '../secret-guard.js';

/**
 * The signer entries are meant for code the partner runs on machines it controls: edge
 * functions, workers, backends. In a web page (a `document` exists) a secret is
 * published to every visitor, so it is refused there unless the caller opted in.
 */
export function refuseSecretInPage(
  where: string,
  field: string,
  options: AllowSecretInBrowser,
): void {
  if (typeof (globalThis as { document?: unknown }).document === 'object') {
    refuseSecret(where, field, '', options);
  }
}
