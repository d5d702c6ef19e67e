import type { CryptoProvider } from '../crypto/provider.js';
import type { RandomSource } from '../crypto/random.js';

/**
 * What an auth strategy sees before the body is serialized: it may add query fields,
 * headers, or fields of the JSON body (fixed-field auth, custom auth functions).
 */
export interface AuthPrepareState {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The request URL; add query fields through `url.searchParams`. */
  readonly url: URL;
  readonly headers: Headers;
  /** The JSON body about to be sent (mutable), or undefined for no body. */
  body: unknown;
  /** Which format the call uses, when the client knows (DataFlux sync: 'normal' | 'simplified'). */
  readonly format?: string | undefined;
}

/**
 * What an auth strategy sees for each attempt, after the body text is fixed. Signing
 * strategies compute headers from exactly these bytes, URL and clock; they run again on
 * every retry, so each attempt carries a fresh timestamp and nonce.
 */
export interface AuthSignState<C = unknown> {
  readonly method: string;
  /** The final URL as it goes on the wire: `url.pathname + url.search` is the request target. */
  readonly url: URL;
  readonly headers: Headers;
  /** The exact JSON text of the body, or undefined when there is none. */
  readonly bodyText: string | undefined;
  /**
   * The canonical form of the body that {@link AuthStrategy.write} computed with
   * `bodyText`, from the same value; undefined when there is no body or no `write`.
   */
  readonly canonical: C | undefined;
  /** Skew-corrected Unix ms. */
  readonly now: number;
  /** 0 for the first attempt, then 1, 2... for retries, re-sends and redirect hops. */
  readonly attempt: number;
  /**
   * This strategy's own answer to the challenge the server sent the previous attempt
   * (see {@link AuthStrategy.challenge}), to send on this one; undefined otherwise.
   */
  readonly challenge: ChallengeAnswer | undefined;
  readonly random: RandomSource;
  /**
   * The client's `crypto` option. Undefined: the process-wide default, which every
   * signet recipe falls back to when given none (`getDefaultCrypto()` for your own
   * hashing). Resolving it late keeps the pure-JS hashes out of bundles that never hash.
   */
  readonly crypto: CryptoProvider | undefined;
}

/** The JSON body of one attempt, written once: the wire text and the strategy's view of it. */
export interface WrittenBody<C = unknown> {
  /** Exactly what goes on the wire. */
  readonly text: string;
  /** What the strategy's signature covers, computed from the same value as `text`. */
  readonly canonical: C;
}

/** A 401 (or similar) answer a strategy may be able to satisfy by asking again. */
export interface AuthChallengeState {
  readonly method: string;
  readonly url: URL;
  readonly bodyText: string | undefined;
  readonly status: number;
  readonly headers: Headers;
  /** How many challenge rounds were already answered in this call. */
  readonly round: number;
}

/** What a strategy answers to a challenge: the `Authorization` value of the next attempt. */
export interface ChallengeAnswer {
  readonly authorization: string;
}

/** A 2xx response to check against the request it answers. */
export interface AuthResponseState {
  readonly status: number;
  readonly headers: Headers;
  /** The exact body text. */
  readonly bodyText: string;
  /** The state the answered attempt was signed with. */
  readonly request: AuthSignState<unknown>;
  /** Skew-corrected Unix ms when the response was read. */
  readonly now: number;
}

/**
 * An auth strategy: how one client proves who it is. One state object per hook, so
 * fields can be added later without breaking strategies.
 *
 * @example
 * ```ts
 * const auth: AuthStrategy = {
 *   kind: 'custom', credentialed: true,
 *   sign: ({ headers }) => headers.set('X-Api-Key', key),
 * }
 * ```
 */
export interface AuthStrategy<C = unknown> {
  /** Short name shown in call records and errors: 'jitai', 'dataflux', 'digest'... */
  readonly kind: string;
  /** True when the strategy sends a secret or credential (plain-http guard applies). */
  readonly credentialed: boolean;
  /** Adds query fields, headers or body fields before the body is written (every attempt). */
  prepare?(state: AuthPrepareState): void | Promise<void>;
  /**
   * Writes the JSON body of an attempt once: the wire text, and the canonical form the
   * signature covers, from the same value, so no signer re-parses its own body. Throws
   * SignetConfigError for a body the server would read otherwise. Default: the wire text
   * alone (`toWireJson`). `crypto`: the provider the attempt signs with, for a strategy
   * that hashes its canonical form while writing it (a big body is then never held twice).
   */
  write?(body: unknown, crypto?: CryptoProvider): WrittenBody<C>;
  /** Sets the attempt's credential headers (every attempt: fresh timestamp and nonce). */
  sign?(state: AuthSignState<C>): void | Promise<void>;
  /**
   * Answers a 401 the strategy may satisfy by asking again (Digest): the answer is sent
   * on the next attempt (it reaches `sign` as `state.challenge`); undefined: the call
   * fails with the 401.
   */
  challenge?(
    state: AuthChallengeState,
  ): ChallengeAnswer | undefined | Promise<ChallengeAnswer | undefined>;
  /** Checks a 2xx response (generic HMAC response signatures, Digest rspauth), or throws. */
  verifyResponse?(state: AuthResponseState): void | Promise<void>;
  /** True when requests carry a timestamp the server checks (clock-skew correction applies). */
  readonly timestamped?: boolean;
  /**
   * Headers this strategy sets whose values are no credentials (a key id, a timestamp, a
   * nonce): left unmasked in errors, records and debug reports. Every other value a
   * strategy sets counts as a credential.
   */
  readonly publicHeaders?: readonly string[];
}

/**
 * Values a strategy holds that must never appear in an error, log line or call record.
 * Internal: read by the client's redaction, not part of the public API.
 */
export const secretValues: unique symbol = /* @__PURE__ */ Symbol('signet.secretValues');

/** A strategy that can list its secrets for redaction. */
export interface WithSecrets {
  /** @internal The secrets to redact. */
  readonly [secretValues]?: () => readonly string[];
}

/**
 * What a platform client knows about its server that decides how a strategy writes its
 * headers when the strategy's own options leave it open (they always win).
 */
export interface ServerDefaults {
  /** The server, as named in messages: `'DataFlux Func'`. */
  readonly server: string;
  /**
   * Set when the server decodes auth header bytes as Latin-1 and reads only plain
   * `key="value"` / `key=token` parameters (no RFC 8187 `key*=`): the reason, said when a
   * credential cannot pass such a server.
   */
  readonly latin1AuthParams?: string;
}

/**
 * A strategy that adapts to a client's {@link ServerDefaults}: the client calls it once,
 * when it is created, and uses the strategy returned (which may throw SignetConfigError:
 * nothing was sent). Internal, like {@link secretValues}.
 */
export const withServerDefaults: unique symbol = /* @__PURE__ */ Symbol(
  'signet.withServerDefaults',
);

/** A strategy that can take a client's server defaults. */
export interface WithServerDefaults {
  /** The same strategy with a client's server defaults applied (Digest user-name encoding). */
  readonly [withServerDefaults]?: (defaults: ServerDefaults) => AuthStrategy;
}
