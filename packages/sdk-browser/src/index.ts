/**
 * Everything of @signet/sdk-core, with browser-flavoured factories shadowing
 * sdk-core's: the client factories and the secret-holding strategies refuse a signing
 * secret unless `dangerouslyAllowSecretInBrowser: true`. Delegated signing:
 * `remoteSigner`. WebCrypto signers (also their own entries,
 * `@signet/sdk-browser/signer/*`): `signJitaiRequest`… A name exported here wins over
 * the star export of the same name.
 *
 * @module @signet/sdk-browser
 */

export * from '@signet/sdk-core';
export type {
  BrowserClientOptions,
  BrowserDataFluxClientOptions,
  BrowserGenericClientOptions,
  BrowserJitaiClientOptions,
} from './clients.js';
export {
  createClient,
  createDataFluxClient,
  createDataFluxClientWithAuth,
  createJitaiClient,
  createJitaiClientWithAuth,
  dataflux,
  hmacSignature,
  jitai,
} from './clients.js';
export type { AllowSecretInBrowser } from './secret-guard.js';
export type {
  DataFluxRequestToSign,
  DataFluxSignedRequest,
  HmacRequestToSign,
  JitaiRequestToSign,
  JitaiSignedRequest,
} from './signer';
export { signDataFluxRequest, signHmacRequest, signJitaiRequest } from './signer';
