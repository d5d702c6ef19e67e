import type { DigestAlgorithm } from './compute.js';
import type { DigestQop } from './offer.js';

/** What an `Authentication-Info` must be checked against; no qop means RFC 2069 form. */
export interface SentRecord {
  realm: string;
  /** The realm as hashed (see `headerText`). */
  realmText: string;
  nonce: string;
  algorithm: DigestAlgorithm;
  qop: DigestQop | undefined;
  uri: string;
  nc?: string;
  cnonce?: string;
}

const MAX_SENT = 64;

/**
 * The last requests a session authorized, so a response's `rspauth` is checked against
 * the request it claims to answer, and only once: a captured `Authentication-Info`
 * replayed onto another response then fails.
 */
export class SentRequests {
  readonly #byKey = new Map<string, SentRecord>();

  add(record: SentRecord): void {
    this.#byKey.set(key(record.cnonce, record.nc, record.uri), record);
    if (this.#byKey.size > MAX_SENT) this.#byKey.delete(this.#byKey.keys().next().value as string);
  }

  /** The request an `Authentication-Info` with these echoes answers, if it was sent here. */
  find(cnonce: string | undefined, nc: string | undefined, uri: string): SentRecord | undefined {
    return this.#byKey.get(key(cnonce, nc, uri));
  }

  /** Marks a record as answered: it cannot be matched again. */
  settle(record: SentRecord): void {
    this.#byKey.delete(key(record.cnonce, record.nc, record.uri));
  }
}

/**
 * `cnonce` and `nc` name a request. Without qop, Authentication-Info echoes neither and
 * its rspauth depends only on nonce and uri (RFC 2617 §3.2.3), so the uri is the key.
 */
function key(cnonce: string | undefined, nc: string | undefined, uri: string): string {
  return cnonce === undefined && nc === undefined ? `\n\n${uri}` : `${cnonce}\n${nc}`;
}
