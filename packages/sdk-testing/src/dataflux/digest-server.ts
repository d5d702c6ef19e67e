import { computeDigestResponse, parseWwwAuthenticate, timingSafeEqual } from '@signet/sdk-core';
import type { DataFluxAuthUser } from './options.js';

/** The opaque value the DataFlux server puts in every Digest challenge. */
export const DATAFLUX_DIGEST_OPAQUE = 'DataFlux Func Love You!';
const NONCE_TTL_MS = 300_000;

/** What a Digest check needs from the request. */
export interface DigestAttempt {
  authorization: string | null;
  method: string;
  /** The request target as received, for the strict `uri` check. */
  target: string;
  realm: string;
  users: readonly DataFluxAuthUser[];
  now: number;
  strict: boolean;
}

/**
 * The server's HTTP Digest auth: nonces issued per realm and valid 300 s (reusable
 * within that time), response recomputed with MD5 from the client's own `realm`,
 * `uri`, `nc`, `cnonce` and `qop`. Like the real server it compares neither `uri` with
 * the request target, nor `opaque`, nor `nc` with the last one seen, so a replayed
 * header passes. `strict` adds exactly those checks (and `stale=true` on an expired
 * nonce), to prove a client sends them right.
 */
export class DigestServer {
  readonly #issued = new Map<string, { at: number; lastNc: number }>();
  readonly #newNonce: () => string;

  constructor(newNonce: () => string) {
    this.#newNonce = newNonce;
  }

  /** True when the Authorization header authenticates one of the users. */
  check(attempt: DigestAttempt): { ok: true } | { ok: false; stale: boolean } {
    const header = attempt.authorization;
    if (!header?.toLowerCase().startsWith('digest ')) return { ok: false, stale: false };
    let params: Record<string, string>;
    try {
      const [challenge] = parseWwwAuthenticate(header);
      if (challenge === undefined) return { ok: false, stale: false };
      params = challenge.params;
    } catch {
      return { ok: false, stale: false };
    }
    const issued = this.#issued.get(nonceKey(params.realm, params.nonce));
    if (issued === undefined) return { ok: false, stale: false };
    const expired = attempt.now - issued.at > NONCE_TTL_MS;
    if (expired && !attempt.strict) return { ok: false, stale: false };
    const user = attempt.users.find((u) => u.username === params.username);
    if (user === undefined || params.qop !== 'auth' || params.response === undefined) {
      return { ok: false, stale: false };
    }
    let expected: string;
    try {
      expected = computeDigestResponse({
        algorithm: 'MD5',
        username: user.username,
        password: user.password,
        realm: params.realm ?? '',
        nonce: params.nonce ?? '',
        method: attempt.method.toUpperCase(),
        uri: params.uri ?? '',
        qop: 'auth',
        nc: params.nc ?? '',
        cnonce: params.cnonce ?? '',
      });
    } catch {
      return { ok: false, stale: false };
    }
    if (!timingSafeEqual(expected, params.response)) return { ok: false, stale: false };
    if (attempt.strict) {
      if (expired) return { ok: false, stale: true };
      const nc = Number.parseInt(params.nc ?? '', 16);
      const algorithm = params.algorithm ?? 'MD5';
      if (
        params.uri !== attempt.target ||
        params.opaque !== DATAFLUX_DIGEST_OPAQUE ||
        params.realm !== attempt.realm ||
        algorithm.toUpperCase() !== 'MD5' ||
        !(nc > issued.lastNc)
      ) {
        return { ok: false, stale: false };
      }
      issued.lastNc = nc;
    }
    return { ok: true };
  }

  /** A fresh challenge for `realm` (the `WWW-Authenticate` value). */
  challenge(realm: string, now: number, stale: boolean): string {
    this.#purge(now);
    const nonce = this.#newNonce();
    this.#issued.set(nonceKey(realm, nonce), { at: now, lastNc: 0 });
    const staleParam = stale ? ', stale=true' : '';
    return `Digest realm="${realm}", nonce="${nonce}", opaque="${DATAFLUX_DIGEST_OPAQUE}", qop="auth"${staleParam}`;
  }

  /** Expired nonces are kept one more TTL, so a strict check can still answer `stale`. */
  #purge(now: number): void {
    for (const [key, issued] of this.#issued) {
      if (now - issued.at > 2 * NONCE_TTL_MS) this.#issued.delete(key);
    }
  }
}

function nonceKey(realm: string | undefined, nonce: string | undefined): string {
  return `${realm ?? ''}\u0000${nonce ?? ''}`;
}
