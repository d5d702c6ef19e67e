import {
  computeDigestResponse,
  hashHex,
  parseWwwAuthenticate,
  timingSafeEqual,
} from '@signet/sdk-core';
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
 * The server's HTTP Digest auth: nonces issued per realm and valid 300 s (reusable within
 * that time); the header read by the server's own parser (`toolkit.parseKVString`, see
 * {@link parseKVString}), which never sees RFC 7616 `username*` and takes the header bytes
 * as Latin-1 text (so `zoë` matches only as the Latin-1 bytes of a quoted `username`);
 * the response recomputed with MD5 (over the UTF-8 of that text, as `http-auth-utils`
 * hashes) from the client's own `realm`, `uri`, `nc`, `cnonce` and `qop`. Like the real
 * server it compares neither `uri` with the request target, nor `opaque`, nor `nc` with
 * the last one seen, so a replayed header passes. `strict` reads the header as an RFC
 * 7616 parser does and adds exactly those checks (and `stale=true` on an expired nonce),
 * as Apache `mod_auth_digest` and other servers do.
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
    if (attempt.strict) return this.#checkStrict(header, attempt);
    const params = parseKVString(header.slice('digest '.length));
    const issued = this.#issued.get(nonceKey(params.realm, params.nonce));
    if (issued === undefined || attempt.now - issued.at > NONCE_TTL_MS) {
      return { ok: false, stale: false };
    }
    const user = attempt.users.find((u) => u.username === params.username);
    if (user === undefined) return { ok: false, stale: false };
    // http-auth-utils' computeHash: fields joined with ':' (undefined ones as ''), MD5 of
    // the UTF-8 text, whatever algorithm or qop the client named.
    const md5 = (parts: (string | undefined)[]) => hashHex('md5', parts.join(':'));
    const ha1 = md5([params.username, params.realm, user.password]);
    const ha2 = md5([attempt.method.toUpperCase(), params.uri]);
    const expected = md5([ha1, params.nonce, params.nc, params.cnonce, params.qop, ha2]);
    return timingSafeEqual(expected, params.response ?? '')
      ? { ok: true }
      : { ok: false, stale: false };
  }

  #checkStrict(
    header: string,
    attempt: DigestAttempt,
  ): { ok: true } | { ok: false; stale: boolean } {
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

/**
 * The server's `toolkit.parseKVString`: the text split at commas outside quotes, each
 * piece read with `/(\w+)=["]?([^"]*)["]?$/`, so `username*=UTF-8''…` never matches (the
 * `*` is no word character) and a quoted value ends at its first `"`, escapes unread.
 */
export function parseKVString(text: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const token of text.split(/,(?=(?:[^"]|"[^"]*")*$)/)) {
    const match = /(\w+)=["]?([^"]*)["]?$/.exec(token);
    if (match) out[match[1]!] = match[2]!;
  }
  return out;
}
