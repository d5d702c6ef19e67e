import { SignetConfigError } from '../errors.js';
import type { AuthChallenge } from './challenge.js';
import { type DigestAlgorithm, toDigestAlgorithm } from './compute.js';

/**
 * A Digest quality of protection: `auth` (the request line) or `auth-int` (the body
 * too).
 */
export type DigestQop = 'auth' | 'auth-int';

/** A Digest challenge signet can answer, with the choices made for it. */
export interface DigestOffer {
  /** Exactly as sent: echoed back, and the key of the protection space. */
  realm: string;
  nonce: string;
  opaque: string | undefined;
  algorithm: DigestAlgorithm;
  /** The `algorithm` token as the server spelled it; undefined when it sent none. */
  algorithmToken: string | undefined;
  /** Undefined for an RFC 2069 challenge (no `qop`). */
  qop: DigestQop | undefined;
  userhash: boolean;
  stale: boolean;
  /** Path prefixes of the `domain` parameter; undefined means the whole origin. */
  domain: string[] | undefined;
}

export interface OfferPreferences {
  /** Acceptable algorithms, best first. */
  algorithms: readonly DigestAlgorithm[];
  /** The qop to use when the server offers both. */
  qop: DigestQop;
}

/**
 * Picks the Digest challenge to answer: the best-ranked algorithm among the challenges
 * signet can satisfy; on a tie, the server's order (RFC 7616 §3.7 asks servers to list
 * their preferred challenge first). Throws `SignetConfigError` naming what the server
 * offered when nothing fits.
 */
export function selectDigestOffer(
  challenges: readonly AuthChallenge[],
  preferences: OfferPreferences,
): DigestOffer {
  const digests = challenges.filter((challenge) => challenge.scheme === 'digest');
  if (digests.length === 0) {
    const schemes = challenges.map((challenge) => challenge.scheme).join(', ');
    throw new SignetConfigError(
      `digest: the server sent no Digest challenge (offered: ${schemes || 'none'})`,
    );
  }
  let best: DigestOffer | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  const problems: string[] = [];
  for (const challenge of digests) {
    const offer = readOffer(challenge.params, preferences, problems);
    if (offer === undefined) continue;
    const rank = preferences.algorithms.indexOf(offer.algorithm);
    if (rank < bestRank) {
      best = offer;
      bestRank = rank;
    }
  }
  if (best === undefined) {
    throw new SignetConfigError(
      `digest: no usable Digest challenge (${problems.join('; ')}); signet accepts algorithm ` +
        `${preferences.algorithms.join(', ')} with qop auth or auth-int`,
    );
  }
  return best;
}

function readOffer(
  params: Record<string, string>,
  preferences: OfferPreferences,
  problems: string[],
): DigestOffer | undefined {
  const { realm, nonce } = params;
  if (realm === undefined || nonce === undefined) {
    problems.push(`challenge without ${realm === undefined ? 'realm' : 'nonce'}`);
    return undefined;
  }
  const algorithmToken = params.algorithm;
  const algorithm = algorithmToken === undefined ? 'MD5' : toDigestAlgorithm(algorithmToken);
  if (algorithm === undefined || !preferences.algorithms.includes(algorithm)) {
    problems.push(`algorithm=${algorithmToken ?? 'MD5'} is not supported`);
    return undefined;
  }
  let qop: DigestQop | undefined;
  if (params.qop !== undefined) {
    const offered = params.qop
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item !== '');
    qop = offered.includes(preferences.qop)
      ? preferences.qop
      : offered.find((item): item is DigestQop => item === 'auth' || item === 'auth-int');
    if (qop === undefined) {
      problems.push(`qop="${params.qop}" is not supported`);
      return undefined;
    }
  } else if (algorithm.endsWith('-sess')) {
    // -sess needs a cnonce, and RFC 2069 (no qop) has none.
    problems.push(`algorithm=${algorithmToken} without qop is not supported`);
    return undefined;
  }
  return {
    realm,
    nonce,
    opaque: params.opaque,
    algorithm,
    algorithmToken,
    qop,
    userhash: params.userhash?.toLowerCase() === 'true',
    stale: params.stale?.toLowerCase() === 'true',
    domain: parseDomain(params.domain),
  };
}

/** `domain` is a space-separated URI list; absolute URIs are reduced to their path. */
function parseDomain(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const paths = value
    .split(/[ \t]+/)
    .filter((item) => item !== '')
    .map((item) => {
      if (item.startsWith('/')) return item;
      try {
        return new URL(item).pathname;
      } catch {
        return undefined;
      }
    })
    .filter((path): path is string => path !== undefined);
  return paths.length === 0 ? undefined : paths;
}

const utf8Decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/**
 * Header values reach JavaScript as byte strings (fetch decodes them as Latin-1), so a
 * realm the server wrote in UTF-8 arrives as mojibake. Hash the text the bytes spell
 * when they are valid UTF-8, as the server does; otherwise hash what we were given.
 */
export function headerText(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return utf8Decoder.decode(Uint8Array.from(value, (ch) => ch.charCodeAt(0)));
  } catch {
    return value;
  }
}
