import { base64OfUtf8 } from '@signet/sdk-core';
import { DigestServer } from './digest-server.js';
import { type FuncOutcome, runFunc } from './func-runner.js';
import type { DataFluxApiAuthConfig, DataFluxFixedField } from './options.js';

/** The request as the API auth step sees it; `query` and `body` may be edited (stripped). */
export interface ApiAuthRequest {
  method: string;
  target: string;
  headers: Headers;
  query: Record<string, string | string[]>;
  body: unknown;
  /** `SyncAPI:<id>` (the Basic/Digest realm). */
  realm: string;
  now: number;
}

/** The verdict of the API auth step. */
export type ApiAuthOutcome =
  | { ok: true }
  | { ok: false; message: string; wwwAuthenticate?: string }
  | Extract<FuncOutcome, { ok: false }>;

/** Runs a Sync/Async API's auth like the server's `_doAPIAuth`. */
export class ApiAuthenticator {
  readonly #digest: DigestServer;
  readonly #strictDigest: boolean;
  readonly #timeoutMs: number | undefined;

  constructor(newNonce: () => string, strictDigest: boolean, timeoutMs: number | undefined) {
    this.#digest = new DigestServer(newNonce);
    this.#strictDigest = strictDigest;
    this.#timeoutMs = timeoutMs;
  }

  async check(
    auth: DataFluxApiAuthConfig | undefined,
    request: ApiAuthRequest,
  ): Promise<ApiAuthOutcome> {
    switch (auth?.type) {
      case undefined:
        return { ok: true };
      case 'fixedField':
        return matchFixedFields(request, auth.fields)
          ? { ok: true }
          : { ok: false, message: 'Fixed Field Auth failed' };
      case 'httpBasic':
        return checkBasic(request.headers.get('authorization'), auth.users)
          ? { ok: true }
          : {
              ok: false,
              message: 'HTTP Basic Auth failed',
              wwwAuthenticate: `Basic realm="${request.realm}"`,
            };
      case 'httpDigest': {
        const verdict = this.#digest.check({
          authorization: request.headers.get('authorization'),
          method: request.method,
          target: request.target,
          realm: request.realm,
          users: auth.users,
          now: request.now,
          strict: this.#strictDigest,
        });
        if (verdict.ok) return verdict;
        const wwwAuthenticate = this.#digest.challenge(request.realm, request.now, verdict.stale);
        return { ok: false, message: 'HTTP Digest Auth failed', wwwAuthenticate };
      }
      case 'func': {
        const input = {
          headers: headerRecord(request.headers),
          query: request.query,
          body: request.body,
        };
        const outcome = await runFunc('auth', () => auth.check(input), this.#timeoutMs);
        // At 5.0.0 the server ignores the auth function's return value: only a throw rejects.
        return outcome.ok ? { ok: true } : outcome;
      }
    }
  }
}

/**
 * The server's `__matchedFixedFields`, quirks included: fields are tried in order until
 * one matches; a query/body field is deleted from the request whether or not it matched
 * (fields after the matching one are left alone). Header names are case-insensitive.
 */
function matchFixedFields(request: ApiAuthRequest, fields: readonly DataFluxFixedField[]): boolean {
  for (const field of fields) {
    let matched: boolean;
    if (field.location === 'header') {
      matched = request.headers.get(field.name) === field.value;
    } else {
      const source = field.location === 'query' ? request.query : request.body;
      if (typeof source !== 'object' || source === null) continue;
      const record = source as Record<string, unknown>;
      matched = Object.hasOwn(record, field.name) && record[field.name] === field.value;
      delete record[field.name];
    }
    if (matched) return true;
  }
  return false;
}

/**
 * The server's Basic check: a user with that name, and the credential text after
 * `Basic ` equal to base64(`user:password`) (so unpadded base64 fails, as on the server).
 */
function checkBasic(
  header: string | null,
  users: readonly { username: string; password: string }[],
): boolean {
  if (!header?.toLowerCase().startsWith('basic ')) return false;
  const credential = header.slice('basic '.length);
  const username = decodeBase64(credential)?.split(':')[0];
  const user = users.find((u) => u.username === username);
  return user !== undefined && base64OfUtf8(`${user.username}:${user.password}`) === credential;
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
