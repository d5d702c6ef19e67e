// @signet/sdk-core — every public name, explicitly. No `export *`.

export type { BasicAuthOptions } from './auth/basic.js';
export { basic } from './auth/basic.js';
export type { TokenSource } from './auth/bearer.js';
export { bearer } from './auth/bearer.js';
export type { CustomAuthFunction, CustomAuthState } from './auth/custom.js';
export { customAuth } from './auth/custom.js';
export type { DataFluxAuthOptions, DataFluxStrategy } from './auth/dataflux.js';
export { dataflux } from './auth/dataflux.js';
export type { DigestAuthOptions } from './auth/digest.js';
export { digest } from './auth/digest.js';
export type {
  DigestAuthorizationFields,
  DigestHeaderLayout,
} from './auth/digest/authorization.js';
export { formatDigestAuthorization } from './auth/digest/authorization.js';
export type { AuthChallenge } from './auth/digest/challenge.js';
export { parseAuthParams, parseWwwAuthenticate } from './auth/digest/challenge.js';
export type {
  DigestAlgorithm,
  DigestResponseInput,
  DigestRspauthInput,
} from './auth/digest/compute.js';
export {
  computeDigestResponse,
  computeRspauth,
  DIGEST_ALGORITHMS,
  digestHa1,
  digestUserhash,
  toDigestAlgorithm,
} from './auth/digest/compute.js';
export type { DigestOffer, DigestQop } from './auth/digest/offer.js';
export { selectDigestOffer } from './auth/digest/offer.js';
export type {
  DigestRequest,
  DigestResponseCheck,
  DigestSessionOptions,
} from './auth/digest/session.js';
export { DigestSession } from './auth/digest/session.js';
export type { FieldLocation, FixedField, FixedFieldStrategy } from './auth/fixed-field.js';
export { fixedField } from './auth/fixed-field.js';
export type { HmacSignatureOptions, HmacStrategy } from './auth/hmac.js';
export { hmacSignature } from './auth/hmac.js';
export type { JitaiAuthOptions, JitaiStrategy } from './auth/jitai.js';
export { jitai } from './auth/jitai.js';
export type {
  AuthChallengeState,
  AuthPrepareState,
  AuthResponseState,
  AuthSignState,
  AuthStrategy,
  JitaiVerifyState,
} from './auth/types.js';
export type {
  DataFluxCallOptions,
  DataFluxClient,
  DataFluxClientOptions,
  SyncOptions,
} from './client/dataflux-client.js';
export { createDataFluxClient } from './client/dataflux-client.js';
export type {
  GenericClient,
  GenericRequestOptions,
  GenericResponse,
} from './client/generic-client.js';
export { createClient } from './client/generic-client.js';
export type { JitaiClient, JitaiClientOptions, JitaiDebugReport } from './client/jitai-client.js';
export { createJitaiClient } from './client/jitai-client.js';
export type {
  JitaiArgDetail,
  JitaiFunctionDetail,
  JitaiServiceDetail,
} from './client/jitai-details.js';
export { DEFAULT_AUTH_DETAILS_API } from './client/jitai-details.js';
export type { BigIntMode, ClientOptions, RequestOptions, RetryOptions } from './client/options.js';
export type { CallRecord } from './client/records.js';
export type {
  ServiceArgs,
  ServiceCallOptions,
  ServiceMap,
  ServiceProxy,
} from './client/service-types.js';
export { toWireJson } from './client/wire-json.js';
export type { NowFn } from './clock.js';
export { DEFAULT_MAX_CLOCK_SKEW_MS, SkewClock } from './clock.js';
export { timingSafeEqual } from './crypto/compare.js';
export { hashHex, hmacBytes, hmacHex } from './crypto/digest.js';
export { base64OfUtf8, fromHex, toBase64, toHex, utf8 } from './crypto/encoding.js';
export type { CryptoProvider, HashAlgorithm } from './crypto/provider.js';
export { getDefaultCrypto, nobleCrypto, setDefaultCrypto } from './crypto/provider.js';
export type { RandomSource } from './crypto/random.js';
export { randomHexNonce, secureRandom } from './crypto/random.js';
export type { JitaiEnvelope } from './envelope/jitai.js';
export { JITAI_AUTH_FAILED } from './envelope/jitai.js';
export type {
  SignatureProblem,
  SignetApiErrorOptions,
  SignetDecodeErrorOptions,
  SignetErrorOptions,
  SignetHttpErrorOptions,
  SignetSignatureErrorOptions,
} from './errors.js';
export {
  isSignetError,
  SignetApiError,
  SignetConfigError,
  SignetDecodeError,
  SignetError,
  SignetHttpError,
  SignetNetworkError,
  SignetSignatureError,
  SignetTimeoutError,
} from './errors.js';

export const VERSION: string = '0.1.0';
