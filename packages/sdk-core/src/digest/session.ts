import { timingSafeEqual } from '../crypto/compare.js';
import { toBase64 } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { type RandomSource, secureRandom } from '../crypto/random.js';
import { SignetConfigError, SignetSignatureError } from '../errors.js';
import {
  checkLatin1Username,
  type DigestUsernameEncoding,
  formatDigestAuthorization,
} from './authorization.js';
import { parseAuthParams, parseWwwAuthenticate } from './challenge.js';
import {
  computeDigestResponse,
  computeRspauth,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
  digestUserhash,
} from './compute.js';
import { type DigestOffer, type DigestQop, headerText, selectDigestOffer } from './offer.js';
import { SentRequests } from './sent.js';
import { ProtectionSpaces, type Space } from './spaces.js';

/** Options of a {@link DigestSession}: the credentials and what the client accepts. */
export interface DigestSessionOptions {
  username: string;
  password: string;
  /** Source of cnonce bytes; default `crypto.getRandomValues`. */
  random?: RandomSource;
  crypto?: CryptoProvider | undefined;
  /**
   * Algorithms to accept, best first. Default: SHA-512-256, SHA-512-256-sess, SHA-256,
   * SHA-256-sess, MD5, MD5-sess. A `-sess` variant ranks just below its plain form: it
   * has the same strength and fewer servers implement it right (Apache's is documented
   * as incomplete).
   */
  preferredAlgorithms?: readonly DigestAlgorithm[];
  /**
   * qop to use when the server offers both. Default `auth`: `auth-int` also protects the
   * body, but needs it buffered and many servers implement it badly, so it is used by
   * default only when it is the sole qop offered.
   */
  qop?: DigestQop;
  /** Replaces cnonce generation (interop tests); default 33 random bytes as base64. */
  cnonce?: () => string;
  /**
   * How the user name goes in the header (default `'rfc7616'`); the hashes are always
   * over its UTF-8 bytes (RFC 7616 with `charset=UTF-8`, and what DataFlux Func, Python
   * `requests` and a UTF-8 htdigest file compute).
   */
  usernameEncoding?: DigestUsernameEncoding;
}

/** The request being authorized. */
export interface DigestRequest {
  method: string;
  /** The request target exactly as sent: `url.pathname + url.search`. */
  uri: string;
  /** Needed for `auth-int` only. */
  body?: string | Uint8Array | undefined;
}

/** A response being checked against the request it answers. */
export interface DigestResponseCheck extends DigestRequest {
  /** Needed only when the server used `auth-int`. */
  responseBody?: string | Uint8Array | undefined;
}

const MAX_NC = 0xffffffff;

/**
 * HTTP Digest client state for one set of credentials (RFC 7616, RFC 2617, RFC 2069).
 *
 * How a caller drives it (the rule that keeps it from looping on a wrong password):
 * 1. Before sending, `preemptive(request)`: an `Authorization` reusing a known nonce with
 *    the next `nc`, or undefined.
 * 2. On a 401 with a Digest challenge, answer with `respond(header, request)` and send
 *    again — once. If the request that got the 401 already carried an answer to a
 *    *fresh* challenge, answer again only when `isStale(header)`; otherwise the
 *    credentials are wrong: stop. (A 401 to a preemptive answer just means the server
 *    forgot or expired the nonce: answer the new challenge once.)
 * 3. On success, `verifyAuthenticationInfo(header, request)` checks `rspauth` and adopts
 *    `nextnonce`.
 *
 * @example
 * ```ts
 * const session = new DigestSession({ username: 'Mufasa', password })
 * const request = { method: 'GET', uri: '/dir/index.html' }
 * const preemptive = session.preemptive(request)
 * let res = await fetch(url, { headers: preemptive ? { authorization: preemptive } : {} })
 * if (res.status === 401) {
 *   const authorization = session.respond(res.headers.get('www-authenticate') ?? '', request)
 *   res = await fetch(url, { headers: { authorization } })
 * }
 * ```
 */
export class DigestSession {
  readonly #username: string;
  readonly #password: string;
  readonly #crypto: CryptoProvider | undefined;
  readonly #newCnonce: () => string;
  readonly #algorithms: readonly DigestAlgorithm[];
  readonly #qop: DigestQop;
  readonly #usernameEncoding: DigestUsernameEncoding;
  readonly #spaces = new ProtectionSpaces();
  readonly #sent = new SentRequests();

  constructor(options: DigestSessionOptions) {
    const { username, password } = options ?? ({} as Partial<DigestSessionOptions>);
    if (typeof username !== 'string') {
      throw new SignetConfigError('digest: username must be a string');
    }
    if (typeof password !== 'string') {
      throw new SignetConfigError('digest: password must be a string');
    }
    this.#username = username;
    this.#password = password;
    this.#crypto = options.crypto;
    const random = options.random ?? secureRandom;
    this.#newCnonce = options.cnonce ?? (() => toBase64(random(33)));
    this.#algorithms = options.preferredAlgorithms ?? DIGEST_ALGORITHMS;
    if (
      this.#algorithms.length === 0 ||
      !this.#algorithms.every((name) => DIGEST_ALGORITHMS.includes(name))
    ) {
      throw new SignetConfigError(
        `digest: preferredAlgorithms must list some of ${DIGEST_ALGORITHMS.join(', ')}`,
      );
    }
    this.#usernameEncoding = options.usernameEncoding ?? 'rfc7616';
    if (!['rfc7616', 'utf-8', 'latin1'].includes(this.#usernameEncoding)) {
      throw new SignetConfigError(
        `digest: usernameEncoding must be 'rfc7616', 'utf-8' or 'latin1', got ${JSON.stringify(this.#usernameEncoding)}`,
      );
    }
    if (this.#usernameEncoding === 'latin1') checkLatin1Username(username);
    this.#qop = options.qop ?? 'auth';
    if (this.#qop !== 'auth' && this.#qop !== 'auth-int') {
      throw new SignetConfigError('digest: qop must be "auth" or "auth-int"');
    }
  }

  /**
   * Answers a 401: picks the strongest Digest challenge signet supports, remembers its
   * nonce for later requests and returns the `Authorization` value (`nc=00000001` for a
   * new nonce). Throws `SignetConfigError` naming the offer when nothing fits, and
   * `SignetDecodeError` for a header that does not parse.
   */
  respond(challengeHeader: string | readonly string[], request: DigestRequest): string {
    checkRequest(request);
    const offer = selectDigestOffer(parseWwwAuthenticate(challengeHeader), {
      algorithms: this.#algorithms,
      qop: this.#qop,
    });
    return this.#authorize(this.#spaces.adopt(offer), request);
  }

  /**
   * An `Authorization` for a request not yet challenged, reusing the nonce of the
   * protection space that covers its URI with the next `nc`; undefined when none does.
   */
  preemptive(request: DigestRequest): string | undefined {
    checkRequest(request);
    const space = this.#spaces.find(request.uri);
    if (space === undefined || space.nc >= MAX_NC) return undefined;
    return this.#authorize(space, request);
  }

  /** True when a Digest challenge says `stale=true`: the nonce expired, not the password. */
  isStale(challengeHeader: string | readonly string[]): boolean {
    return parseWwwAuthenticate(challengeHeader).some(
      (challenge) =>
        challenge.scheme === 'digest' && challenge.params.stale?.toLowerCase() === 'true',
    );
  }

  /**
   * Checks an `Authentication-Info` header (RFC 7615, RFC 7616 §3.5) against the
   * request it answers, then adopts its `nextnonce`. Returns true when `rspauth` was
   * present and right, false when there was none to check; throws
   * `SignetSignatureError` when it is wrong or answers a request this session never sent.
   */
  verifyAuthenticationInfo(header: string, request: DigestResponseCheck): boolean {
    checkRequest(request);
    const params = parseAuthParams(header);
    if (params.rspauth === undefined) {
      this.#adoptNextnonce(this.#spaces.find(request.uri), params.nextnonce);
      return false;
    }
    const record = this.#sent.find(params.cnonce, params.nc, request.uri);
    if (
      record === undefined ||
      record.uri !== request.uri ||
      (params.qop !== undefined && params.qop.toLowerCase() !== record.qop)
    ) {
      throw new SignetSignatureError(
        'digest: Authentication-Info does not answer a request this session sent',
        { problem: 'bad-signature' },
      );
    }
    const expected = computeRspauth(
      {
        ...record,
        realm: record.realmText,
        username: this.#username,
        password: this.#password,
        ...(request.responseBody === undefined ? {} : { responseBody: request.responseBody }),
      },
      this.#crypto,
    );
    if (!timingSafeEqual(expected, params.rspauth.toLowerCase())) {
      throw new SignetSignatureError('digest: rspauth in Authentication-Info is wrong', {
        problem: 'bad-signature',
      });
    }
    this.#sent.settle(record);
    this.#adoptNextnonce(this.#spaces.get(record.realm), params.nextnonce);
    return true;
  }

  #authorize(space: Space, request: DigestRequest): string {
    const offer: DigestOffer = space.offer;
    let nc: string | undefined;
    let cnonce: string | undefined;
    if (offer.qop !== undefined) {
      if (space.nc >= MAX_NC) throw new SignetConfigError('digest: nonce count exhausted');
      space.nc += 1;
      nc = space.nc.toString(16).padStart(8, '0');
      if (offer.algorithm.endsWith('-sess')) {
        space.sessCnonce ??= this.#newCnonce();
        cnonce = space.sessCnonce;
      } else {
        cnonce = this.#newCnonce();
      }
    }
    this.#spaces.touch(space, request.uri);
    const realmText = headerText(offer.realm);
    const response = computeDigestResponse(
      {
        algorithm: offer.algorithm,
        username: this.#username,
        password: this.#password,
        realm: realmText,
        nonce: offer.nonce,
        method: request.method,
        uri: request.uri,
        qop: offer.qop,
        ...(nc === undefined ? {} : { nc }),
        ...(cnonce === undefined ? {} : { cnonce }),
        ...(request.body === undefined ? {} : { body: request.body }),
      },
      this.#crypto,
    );
    this.#sent.add({
      realm: offer.realm,
      realmText,
      nonce: offer.nonce,
      algorithm: offer.algorithm,
      qop: offer.qop,
      uri: request.uri,
      ...(nc === undefined ? {} : { nc }),
      ...(cnonce === undefined ? {} : { cnonce }),
    });
    return formatDigestAuthorization({
      username: offer.userhash
        ? digestUserhash(this.#username, realmText, offer.algorithm, this.#crypto)
        : this.#username,
      userhash: offer.userhash,
      usernameEncoding: this.#usernameEncoding,
      realm: offer.realm,
      uri: request.uri,
      algorithm: offer.algorithmToken,
      nonce: offer.nonce,
      nc,
      cnonce,
      qop: offer.qop,
      response,
      opaque: offer.opaque,
    });
  }

  #adoptNextnonce(space: Space | undefined, nextnonce: string | undefined): void {
    if (space === undefined || nextnonce === undefined || nextnonce === space.offer.nonce) return;
    space.offer = { ...space.offer, nonce: nextnonce, stale: false };
    space.nc = 0;
    space.sessCnonce = undefined;
  }
}

function checkRequest(request: DigestRequest): void {
  if (
    typeof request?.method !== 'string' ||
    !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(request.method)
  ) {
    throw new SignetConfigError('digest: request method must be an HTTP token');
  }
  if (typeof request.uri !== 'string' || !/^[\u0021-\u007e]+$/.test(request.uri)) {
    throw new SignetConfigError(
      'digest: request uri must be the request target as sent (visible ASCII, no spaces)',
    );
  }
}
