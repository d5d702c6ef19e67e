import type { DigestOffer } from './offer.js';

/** What a session knows about one realm: the offer answered last and its nonce count. */
export interface Space {
  offer: DigestOffer;
  /** Last `nc` sent with `offer.nonce`. */
  nc: number;
  /** The cnonce bound into a `-sess` H(A1); one per nonce. */
  sessCnonce: string | undefined;
  /** Request paths (no query) already answered in this realm. */
  readonly paths: Set<string>;
}

const MAX_SPACES = 32;
const MAX_PATHS = 64;

/**
 * The realms a session has answered, most recently used last. DataFlux Func gives every
 * Sync API its own realm (`SyncAPI:<id>`) without a `domain`, so "the realm that covers
 * this URI" must fall back on which paths each realm was seen on.
 */
export class ProtectionSpaces {
  readonly #byRealm = new Map<string, Space>();

  get(realm: string): Space | undefined {
    return this.#byRealm.get(realm);
  }

  /** Records a fresh challenge; `nc` keeps counting only when the nonce is unchanged. */
  adopt(offer: DigestOffer): Space {
    const known = this.#byRealm.get(offer.realm);
    const space: Space =
      known !== undefined && known.offer.nonce === offer.nonce
        ? known
        : { offer, nc: 0, sessCnonce: undefined, paths: known?.paths ?? new Set() };
    space.offer = offer;
    this.#markUsed(space);
    if (this.#byRealm.size > MAX_SPACES) {
      this.#byRealm.delete(this.#byRealm.keys().next().value as string);
    }
    return space;
  }

  /**
   * The space to answer `uri` in without a challenge: one that already answered this
   * path, else the longest `domain` prefix covering it, else the most recent space
   * without a `domain` (RFC 7616 §3.3: no domain means the whole origin).
   */
  find(uri: string): Space | undefined {
    const path = pathOf(uri);
    let seen: Space | undefined;
    let byDomain: Space | undefined;
    let byDomainLength = -1;
    let anywhere: Space | undefined;
    for (const space of this.#byRealm.values()) {
      const domain = space.offer.domain;
      const prefix = domain
        ?.filter((item) => path.startsWith(item))
        .sort((a, b) => b.length - a.length)[0];
      if (domain !== undefined && prefix === undefined) continue;
      if (space.paths.has(path)) seen = space;
      if (prefix !== undefined && prefix.length > byDomainLength) {
        byDomain = space;
        byDomainLength = prefix.length;
      }
      if (domain === undefined) anywhere = space;
    }
    return seen ?? byDomain ?? anywhere;
  }

  /** Notes that `uri` was answered in `space`, making it the most recent. */
  touch(space: Space, uri: string): void {
    space.paths.delete(pathOf(uri));
    space.paths.add(pathOf(uri));
    if (space.paths.size > MAX_PATHS)
      space.paths.delete(space.paths.values().next().value as string);
    this.#markUsed(space);
  }

  #markUsed(space: Space): void {
    this.#byRealm.delete(space.offer.realm);
    this.#byRealm.set(space.offer.realm, space);
  }
}

/** The path of a request target, without query or fragment; absolute URIs reduced too. */
function pathOf(uri: string): string {
  if (uri.startsWith('/')) return uri.replace(/[?#].*$/s, '');
  try {
    return new URL(uri).pathname;
  } catch {
    return uri;
  }
}
