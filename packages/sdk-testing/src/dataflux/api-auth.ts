import { base64OfUtf8 } from '@signet/sdk-core';
import { DigestServer } from './digest-server.js';
import { DATAFLUX_ERRORS } from './envelope.js';
import { type FuncOutcome, runFunc } from './func-runner.js';
import type {
  DataFluxApiAuthConfig,
  DataFluxAuthFuncRequest,
  DataFluxFixedField,
} from './options.js';

/** The request as the API auth step sees it; `query` and `body` may be edited (stripped). */
export interface ApiAuthRequest {
  method: string;
  target: string;
  headers: Headers;
  /** `req.query`, the very object the call then reads. */
  query: Record<string, unknown>;
  /** `req.body`, likewise (an object, a string for text/plain, bytes for other types). */
  body: unknown;
  /** `SyncAPI:<id>` (the Basic/Digest realm). */
  realm: string;
  now: number;
}

/** The verdict of the API auth step. */
export type ApiAuthOutcome =
  | { ok: true }
  /** 401.99 EAPIAuth; `detail` only for the documented auth-function failures. */
  | { ok: false; message: string; wwwAuthenticate?: string; detail?: unknown }
  | Extract<FuncOutcome, { ok: false }>;

/** Runs a Sync/Async API's auth like the server's `_doAPIAuth`. */
export class ApiAuthenticator {
  readonly #digest: DigestServer;
  readonly #strictDigest: boolean;
  readonly #documentedAuthFunc: boolean;
  readonly #timeoutMs: number | undefined;

  constructor(
    newNonce: () => string,
    options: { strictDigest: boolean; documentedAuthFunc: boolean; timeoutMs: number | undefined },
  ) {
    this.#digest = new DigestServer(newNonce);
    this.#strictDigest = options.strictDigest;
    this.#documentedAuthFunc = options.documentedAuthFunc;
    this.#timeoutMs = options.timeoutMs;
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
          query: request.query as DataFluxAuthFuncRequest['query'],
          body: request.body,
        };
        const outcome = await runFunc('auth', () => auth.check(input), this.#timeoutMs);
        if (this.#documentedAuthFunc) return documentedAuthFunc(outcome, request.now);
        // At 5.0.0 the server ignores the auth function's return value: only a throw rejects.
        return outcome.ok ? { ok: true } : outcome;
      }
    }
  }
}

/**
 * The auth function as the seed document describes it: `True` passes; anything else
 * returned is the `detail` of 401.99 "Func Auth failed"; a raise too, with the task's
 * failure record as `detail` (the document's fields).
 */
function documentedAuthFunc(outcome: FuncOutcome, now: number): ApiAuthOutcome {
  if (!outcome.ok && outcome.kind !== DATAFLUX_ERRORS.funcFailed) return outcome; // a timeout
  if (outcome.ok) {
    return outcome.value === true
      ? { ok: true }
      : { ok: false, message: 'Func Auth failed', detail: outcome.value ?? null };
  }
  const seconds = now / 1000;
  const origin = outcome.detail.exception;
  const detail = {
    name: 'Func.Runner',
    id: `task-${Math.floor(now).toString(36)}`,
    triggerTime: seconds,
    startTime: seconds,
    endTime: seconds,
    status: 'failure',
    exceptionType: 'UserScriptException',
    exception: `In User Script: ${origin}`,
    exceptionFrom: 'userScript',
    originExceptionType: origin.slice(0, origin.indexOf('(')),
    originException: origin,
  };
  return { ok: false, message: 'Func Auth failed', detail };
}

/**
 * The server's `__matchedFixedFields`, quirks included: fields are tried in their
 * configured order until one matches; a query/body field is deleted from the request
 * whether or not it matched, and the fields after the matching one are left alone (so a
 * client sending several fields leaks the unchecked ones into the kwargs). A query/body
 * field is looked up as `toolkit.jsonFind(req, "query.<name>")` does (a dotted name walks
 * into nested values); header names are case-insensitive.
 */
function matchFixedFields(request: ApiAuthRequest, fields: readonly DataFluxFixedField[]): boolean {
  for (const field of fields) {
    let matched = false;
    if (field.location === 'header') {
      matched = request.headers.get(field.name) === field.value;
    } else {
      const source = field.location === 'query' ? request.query : request.body;
      matched = jsonFind(source, field.name) === field.value;
      try {
        delete (source as Record<string, unknown>)[field.name];
      } catch {
        // A string or a byte array has nothing to delete (`try { delete … } catch`).
      }
    }
    if (matched) return true;
  }
  return false;
}

/** `toolkit.jsonFind` on a dotted path; undefined where it would throw. */
function jsonFind(root: unknown, path: string): unknown {
  let current = root;
  for (const step of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
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
