import { type AuthStrategy, secretValues, type WithSecrets } from '../auth/types.js';

const MASK = '***';

/** The secrets a strategy holds (for redaction only). */
export function secretsOf(auth: AuthStrategy | undefined): readonly string[] {
  const list = (auth as (AuthStrategy & WithSecrets) | undefined)?.[secretValues]?.() ?? [];
  // Very short values would mask innocent text everywhere; they are not secrets worth the name.
  return list.filter((s) => typeof s === 'string' && s.length >= 4);
}

/** Replaces every occurrence of every secret (raw or URL-encoded) with `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      if (out.includes(form)) out = out.split(form).join(MASK);
    }
  }
  return out;
}

/**
 * Makes sure an error and its cause chain carry no secret in their messages. Mutates
 * messages in place (errors are ours or were just caught) and drops causes it cannot clean.
 */
export function redactError<E>(error: E, secrets: readonly string[], depth = 0): E {
  if (secrets.length === 0 || typeof error !== 'object' || error === null || depth > 5) {
    return error;
  }
  const e = error as { message?: unknown; cause?: unknown; stack?: unknown };
  if (typeof e.message === 'string') {
    const clean = redactText(e.message, secrets);
    if (clean !== e.message) {
      try {
        e.message = clean;
        if (typeof e.stack === 'string') e.stack = redactText(e.stack, secrets);
      } catch {
        return error;
      }
    }
  }
  if (e.cause !== undefined) redactError(e.cause, secrets, depth + 1);
  return error;
}
