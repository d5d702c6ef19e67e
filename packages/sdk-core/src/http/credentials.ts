import { type AuthStrategy, secretValues, type WithSecrets } from '../auth/types.js';
import { MIN_SECRET_LENGTH } from './redact.js';

/** The secrets a strategy holds (for redaction only). */
export function secretsOf(auth: AuthStrategy | undefined): readonly string[] {
  const list = (auth as (AuthStrategy & WithSecrets) | undefined)?.[secretValues]?.() ?? [];
  return list.filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
}

/** What an auth hook may change: the request's headers, query and JSON body. */
export interface CredentialTarget {
  readonly headers: Headers;
  readonly url: URL;
  readonly body?: unknown;
}

/** A request as it was before an auth hook ran. */
export interface CredentialSnapshot {
  readonly headers: Map<string, string>;
  readonly query: Map<string, number>;
  readonly body: Map<string, unknown> | undefined;
}

/**
 * Everything an auth strategy put on the requests of one call. Whatever a strategy sets or
 * changes — a header, a query field, a body field, in `prepare` or in `sign`, its own or a
 * `customAuth` function's — is a credential, masked wherever it could be echoed back
 * (errors, call records). Strategies need not declare anything: the loop compares the
 * request before and after each hook. The exceptions are the client's `keyId` (access
 * key, AK id, key id), shown in call records, and the headers a strategy names in
 * `publicHeaders` (timestamps, nonces: a debug report that masks them says nothing).
 */
export class CallCredentials {
  readonly #auth: AuthStrategy | undefined;
  readonly #keyId: string | undefined;
  readonly #noted = new Set<string>();
  readonly #public: ReadonlySet<string>;

  constructor(auth: AuthStrategy | undefined, keyId?: string) {
    this.#auth = auth;
    this.#keyId = keyId;
    this.#public = new Set((auth?.publicHeaders ?? []).map((name) => name.toLowerCase()));
  }

  /** The request before a hook runs. */
  snapshot(target: CredentialTarget): CredentialSnapshot {
    return {
      headers: new Map(target.headers),
      query: queryCounts(target.url),
      body: topLevel(target.body),
    };
  }

  /** Notes every value the hook set or changed since `before`. */
  note(before: CredentialSnapshot, target: CredentialTarget): void {
    for (const [name, value] of target.headers) {
      if (before.headers.get(name) !== value && !this.#public.has(name)) this.#add(value);
    }
    if (target.url.search.length > 1 || before.query.size > 0) {
      const left = new Map(before.query);
      for (const [key, value] of target.url.searchParams) {
        const pair = `${key}=${value}`;
        const count = left.get(pair) ?? 0;
        if (count > 0) left.set(pair, count - 1);
        else this.#add(value);
      }
    }
    const after = topLevel(target.body);
    if (after !== undefined) {
      const had = before.body;
      for (const [key, value] of after) {
        if (had === undefined || !had.has(key) || had.get(key) !== value) this.#addAll(value, 0);
      }
    }
  }

  /** The strategy's own secrets and every value noted so far. */
  values(): string[] {
    return [...secretsOf(this.#auth), ...this.#noted];
  }

  #add(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH && value !== this.#keyId) this.#noted.add(value);
  }

  /** The strings (and numbers, as written) of a body field a hook added, however nested. */
  #addAll(value: unknown, depth: number): void {
    if (typeof value === 'string') this.#add(value);
    else if (typeof value === 'number' || typeof value === 'bigint') this.#add(String(value));
    else if (typeof value === 'object' && value !== null && depth < 32) {
      for (const item of Object.values(value)) this.#addAll(item, depth + 1);
    }
  }
}

function queryCounts(url: URL): Map<string, number> {
  const counts = new Map<string, number>();
  if (url.search.length <= 1) return counts;
  for (const [key, value] of url.searchParams) {
    const pair = `${key}=${value}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** A JSON body's top-level fields (by identity), or undefined for none / a scalar. */
function topLevel(body: unknown): Map<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return new Map(Object.entries(body));
}
