import { toHex } from '../crypto/encoding.js';
import { type CryptoProvider, getDefaultCrypto } from '../crypto/provider.js';
import { startHash, Utf8Chunks } from '../crypto/stream.js';
import type { LosslessObject } from '../json/lossless-number.js';
import { TextSink } from '../json/text-sink.js';
import { Base64Chunks, utf8Base64Ascii } from './base64.js';
import { checkedSecret, timestampText } from './param-str.js';
import { type JitaiSignedArgs, jitaiArgEntries, writeJitaiParamStr } from './params.js';

/** Inputs of {@link jitaiSign}. */
export interface JitaiSignOptions {
  /** Unix time in milliseconds, as sent in the `timestamp` header. */
  timestamp: number;
  /** The accessSecret. */
  secret: string;
  /** Where SHA-1 runs (default: the process-wide provider). */
  crypto?: CryptoProvider | undefined;
}

/**
 * The JitAi `accessSign`: lower-case hex SHA-1 of the base64 text of the UTF-8 paramStr
 * (see {@link jitaiParamStr}). 40 hex characters. A big paramStr is never built whole:
 * it goes through UTF-8 and base64 into SHA-1 in chunks of about 64 Ki characters.
 */
export function jitaiSign(
  args: Record<string, unknown> | LosslessObject,
  options: JitaiSignOptions,
): string {
  const secret = checkedSecret(options.secret);
  const timestamp = timestampText(options.timestamp);
  return signJitaiArgs(jitaiArgEntries(args, 'args'), timestamp, secret, options.crypto);
}

/**
 * @internal The accessSign of checked args: the paramStr is written into a sink that
 * hands SHA-1 its base64 in chunks once it is big, and takes the one-string fast path
 * while it is small (the signature is the same either way).
 */
export function signJitaiArgs(
  args: JitaiSignedArgs,
  timestamp: string,
  secret: string,
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  let stream: ReturnType<typeof base64Sha1> | undefined;
  const sink = new TextSink((chunk) => {
    stream ??= base64Sha1(crypto);
    stream.write(chunk);
  });
  writeJitaiParamStr(sink, args, timestamp, secret);
  const whole = sink.end();
  return stream ? stream.hexDigest() : signJitaiParamStr(whole, crypto);
}

/** SHA-1 of the base64 of the UTF-8 of a text that is written in chunks. */
function base64Sha1(crypto: CryptoProvider): {
  write(chunk: string): void;
  hexDigest(): string;
} {
  const sha1 = startHash('sha1', crypto);
  const base64 = new Base64Chunks((ascii) => sha1.update(ascii));
  const utf8 = new Utf8Chunks((bytes) => base64.write(bytes));
  return {
    write: (chunk) => utf8.write(chunk),
    hexDigest: () => {
      utf8.end();
      base64.end();
      return toHex(sha1.digest());
    },
  };
}

/** The accessSign of a ready paramStr (the unmasked one). */
export function signJitaiParamStr(
  paramStr: string,
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  if (crypto.utf8Base64 && crypto.hashHexOfAscii) {
    // Native base64 + hex digest (node:crypto): about 30 % faster than the JS path.
    return crypto.hashHexOfAscii('sha1', crypto.utf8Base64(paramStr));
  }
  return toHex(crypto.hash('sha1', utf8Base64Ascii(paramStr)));
}
