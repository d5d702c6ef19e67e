import { hmacHex } from '../crypto/digest.js';
import { type CryptoProvider, getDefaultCrypto } from '../crypto/provider.js';
import { hashHexOfText, Utf8Hash } from '../crypto/stream.js';
import { SignetConfigError } from '../errors.js';
import { dfJsonDumps, dfJsonWrite } from '../json/dfjson.js';
import { TextSink } from '../json/text-sink.js';

/** Inputs of {@link dataFluxSign}. */
export interface DataFluxSignInput {
  /** HTTP method; upper-cased in the string to sign. */
  method: string;
  /** The request target exactly as sent: path plus `?query` (the server's `originalUrl`). */
  pathWithQuery: string;
  /** Unix seconds as a decimal string, as sent in `X-Dff-Ak-Timestamp`. */
  timestamp: string;
  /** As sent in `X-Dff-Ak-Nonce`. */
  nonce: string;
  /**
   * The body as the server parses it; `null`/`undefined` (no body) is signed as `{}`,
   * like every other falsy value (the server computes `jsonDumps(body || {})`).
   */
  body: unknown;
  akSecret: string;
  /** Where MD5 and HMAC-SHA1 run (default: the process-wide provider). */
  crypto?: CryptoProvider | undefined;
}

/** Every intermediate of a DataFlux signature, for debugging and vector checks. */
export interface DataFluxSignature {
  /** DataFlux's `jsonDumps` of the body (see {@link dfJsonDumps}). */
  jsonDumps: string;
  /** Lower-case hex MD5 of the UTF-8 `jsonDumps`. */
  bodyMd5: string;
  /** `METHOD&pathWithQuery&timestamp&nonce&bodyMd5`; contains no secret. */
  stringToSign: string;
  /** Lower-case hex HMAC-SHA1(akSecret, stringToSign): the `X-Dff-Ak-Sign` header. */
  sign: string;
}

/**
 * DataFlux Func OpenAPI AK/SK signing (PROTOCOLS §2), every step exposed:
 *
 * ```
 * jsonDumps    = dfJsonDumps(body || {})
 * bodyMd5      = md5_hex(utf8(jsonDumps))
 * stringToSign = [METHOD.toUpperCase(), pathWithQuery, timestamp, nonce, bodyMd5].join('&')
 * sign         = hex(HMAC-SHA1(utf8(akSecret), utf8(stringToSign)))
 * ```
 * Pure: the timestamp and nonce come in (see {@link dataFluxTimestamp},
 * {@link dataFluxNonce}).
 */
export function dataFluxSign(input: DataFluxSignInput): DataFluxSignature {
  const crypto = input.crypto ?? getDefaultCrypto();
  const jsonDumps = dataFluxJsonDumps(input);
  const bodyMd5 = hashHexOfText('md5', jsonDumps, crypto);
  const stringToSign = dataFluxStringToSign(input, bodyMd5);
  const sign = hmacHex('sha1', input.akSecret, stringToSign, crypto);
  return { jsonDumps, bodyMd5, stringToSign, sign };
}

/**
 * First step of {@link dataFluxSign}: checks every input (before anything is hashed) and
 * returns `dfJsonDumps(body || {})`, the text whose MD5 is signed.
 */
export function dataFluxJsonDumps(input: Omit<DataFluxSignInput, 'crypto'>): string {
  checkString('method', input.method);
  checkString('pathWithQuery', input.pathWithQuery);
  checkString('timestamp', input.timestamp);
  checkString('nonce', input.nonce);
  // An empty secret is a valid HMAC key (the vectors have some); dataflux() refuses it.
  if (typeof input.akSecret !== 'string')
    throw new SignetConfigError('dataFluxSign: akSecret must be a string');
  return dfJsonDumps(input.body || {});
}

/**
 * @internal The `bodyMd5` of {@link dataFluxSign} for a body value, with its jsonDumps
 * hashed as it is written (a big body's text is never held whole).
 */
export function dataFluxBodyMd5(
  body: unknown,
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  const md5 = new Utf8Hash('md5', crypto);
  const sink = new TextSink(md5.write);
  dfJsonWrite(sink, body || {});
  md5.write(sink.end());
  return md5.hexDigest();
}

/** `METHOD&pathWithQuery&timestamp&nonce&bodyMd5`, the text HMAC-SHA1 signs. */
export function dataFluxStringToSign(
  input: Pick<DataFluxSignInput, 'method' | 'pathWithQuery' | 'timestamp' | 'nonce'>,
  bodyMd5: string,
): string {
  return `${input.method.toUpperCase()}&${input.pathWithQuery}&${input.timestamp}&${input.nonce}&${bodyMd5}`;
}

function checkString(name: string, value: unknown): void {
  if (typeof value !== 'string') {
    throw new SignetConfigError(`dataFluxSign: ${name} must be a string, got ${typeof value}`);
  }
}
