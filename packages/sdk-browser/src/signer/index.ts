/**
 * The three signing recipes without the HTTP client (no ky), hashing on WebCrypto: for
 * code that builds its own requests on machines the partner controls (edge functions,
 * workers). One profile only? Import its own entry (`@signet/sdk-browser/signer/jitai`,
 * `/signer/dataflux`, `/signer/hmac`): about 4.2–4.4 kB min+gzip each, against 9 kB for
 * all three (`pnpm size`). Every name explicitly, never `export *`.
 *
 * @module @signet/sdk-browser/signer
 */

export type { DataFluxRequestToSign, DataFluxSignedRequest } from './dataflux.js';
export { signDataFluxRequest } from './dataflux.js';
export type { HmacRequestToSign } from './hmac.js';
export { signHmacRequest } from './hmac.js';
export type { JitaiRequestToSign, JitaiSignedRequest } from './jitai.js';
export { signJitaiRequest } from './jitai.js';
