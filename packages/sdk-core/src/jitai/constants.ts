/** What the JitAi server's debug output shows in place of the secret in its `secret=` part. */
export const JITAI_MASKED_SECRET = '*********************';

/** What the JitAi server's debug output shows in place of the secret part of a paramStr. */
export const JITAI_SECRET_MASK: string = `secret=${JITAI_MASKED_SECRET}`;

/** Request header names of JitAi API authorization (`apiAuths.NormalType`). */
export const JITAI_HEADERS: {
  readonly accessKey: 'accessKey';
  readonly timestamp: 'timestamp';
  readonly accessSign: 'accessSign';
  readonly debug: 'debug';
  readonly contentType: 'Content-Type';
} = {
  accessKey: 'accessKey',
  timestamp: 'timestamp',
  accessSign: 'accessSign',
  debug: 'debug',
  contentType: 'Content-Type',
};

/** The server rejects a request (and the client a response) more than 5 minutes off. */
export const JITAI_WINDOW_MS = 300_000;

/**
 * Lower-cased top-level keys the recipe itself uses: `timestamp` and `secret` are merged
 * into the signed dict, and the server merges the `accessSign` header into the same dict.
 */
export const JITAI_RESERVED_KEYS: readonly string[] = ['timestamp', 'secret', 'accesssign'];
