import { type AuthStrategy, secretValues, type WithSecrets } from '../auth/types.js';
import { hmacHex } from '../crypto/digest.js';
import { SignetConfigError } from '../errors.js';
import { toWireJson } from '../json/wire-json.js';
import { DATAFLUX_HEADERS, dataFluxHeaders, dataFluxNonce, dataFluxTimestamp } from './headers.js';
import { dataFluxBodyMd5, dataFluxStringToSign } from './sign.js';

/** A request without a body: the server signs `jsonDumps(body || {})`. */
const EMPTY_BODY = {};

/** Options of {@link dataflux}: the Access Key (`X-Dff-Ak-Id`) and its secret. */
export interface DataFluxAuthOptions {
  akId: string;
  akSecret: string;
}

/** The DataFlux strategy; its canonical form of a body is the body's `bodyMd5`. */
export interface DataFluxStrategy extends AuthStrategy<string>, WithSecrets {
  readonly kind: 'dataflux';
  readonly akId: string;
}

/**
 * DataFlux Func OpenAPI Access Key signing: `X-Dff-Ak-Id`, `-Timestamp` (s), `-Nonce`
 * (CSPRNG, fresh per attempt: the server accepts each nonce once) and `-Sign` =
 * HMAC-SHA1 over `METHOD&pathWithQuery&timestamp&nonce&md5(jsonDumps(body))`.
 */
export function dataflux(options: DataFluxAuthOptions): DataFluxStrategy {
  const { akId, akSecret } = options ?? ({} as DataFluxAuthOptions);
  if (typeof akId !== 'string' || akId.length === 0 || /[^\u0021-\u007e]/.test(akId)) {
    throw new SignetConfigError('dataflux: akId must be a non-empty printable ASCII string');
  }
  if (typeof akSecret !== 'string' || akSecret.length === 0) {
    throw new SignetConfigError('dataflux: akSecret must be a non-empty string');
  }
  return {
    kind: 'dataflux',
    credentialed: true,
    timestamped: true,
    publicHeaders: [DATAFLUX_HEADERS.id, DATAFLUX_HEADERS.timestamp, DATAFLUX_HEADERS.nonce],
    akId,
    // The server hashes jsonDumps of what JSON.parse makes of our body: dfJsonDumps of
    // the value written is exactly that, so the body is written once and never re-parsed.
    // The canonical form kept is its MD5, hashed while it is written.
    write: (body, crypto) => ({ text: toWireJson(body), canonical: dataFluxBodyMd5(body, crypto) }),
    sign(state) {
      const timestamp = dataFluxTimestamp(state.now);
      const nonce = dataFluxNonce(state.random);
      const request = {
        method: state.method,
        pathWithQuery: state.url.pathname + state.url.search,
        timestamp,
        nonce,
      };
      const bodyMd5 = state.canonical ?? dataFluxBodyMd5(EMPTY_BODY, state.crypto);
      const sign = hmacHex('sha1', akSecret, dataFluxStringToSign(request, bodyMd5), state.crypto);
      const headers = dataFluxHeaders({ akId, timestamp, nonce, sign });
      for (const [name, value] of Object.entries(headers)) state.headers.set(name, value);
      // Without a body the server hashes `{}` only when its JSON parser ran, that is with
      // this content type; else it hashes the empty buffer and refuses the sign (PROTOCOLS
      // §2). The official SDK sends it on every request, GET included.
      if (state.bodyText === undefined) state.headers.set('content-type', 'application/json');
    },
    [secretValues]: () => [akSecret],
  };
}
