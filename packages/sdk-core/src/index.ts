// @signet/sdk-core — every public name, explicitly. No `export *`.

export type { BasicAuthOptions } from './auth/basic.js';
export { basic } from './auth/basic.js';
export type { TokenSource } from './auth/bearer.js';
export { bearer } from './auth/bearer.js';
export type { CustomAuthFunction, CustomAuthState } from './auth/custom.js';
export { customAuth } from './auth/custom.js';
export type { DataFluxAuthOptions, DataFluxStrategy } from './auth/dataflux.js';
export { dataflux } from './auth/dataflux.js';
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
export type { DigestAuthOptions } from './auth/digest.js';
export { digest } from './auth/digest.js';
export type { FieldLocation, FixedField, FixedFieldStrategy } from './auth/fixed-field.js';
export { fixedField } from './auth/fixed-field.js';
export type { HmacSignatureOptions, HmacStrategy } from './auth/hmac.js';
export { hmacSignature } from './auth/hmac.js';
export type { JitaiAuthOptions, JitaiStrategy } from './auth/jitai.js';
export { jitai } from './auth/jitai.js';
export type { RemoteSignerOptions, RemoteSignerStrategy } from './auth/remote-signer.js';
export { remoteSigner } from './auth/remote-signer.js';
export type { RemoteSignerAnswer, RemoteSignerPayload } from './auth/remote-signer-wire.js';
export type {
  AuthChallengeState,
  AuthPrepareState,
  AuthResponseState,
  AuthSignState,
  AuthStrategy,
  JitaiVerifyState,
} from './auth/types.js';
export { compareCodePoints } from './canonical/codepoint.js';
export { dfJsonDumps } from './canonical/dfjson.js';
export { jcsCanonicalize } from './canonical/jcs.js';
export type {
  LosslessJson,
  LosslessObject,
  LosslessParseOptions,
  LosslessToValueOptions,
} from './canonical/lossless.js';
export {
  createLosslessObject,
  isLosslessObject,
  LosslessNumber,
  losslessToValue,
  parseLossless,
} from './canonical/lossless.js';
export { pyFloatRepr } from './canonical/pyfloat.js';
export { pyJsonDumps } from './canonical/pyjson.js';
export type {
  DataFluxCallOptions,
  DataFluxClient,
  DataFluxClientOptions,
  SyncOptions,
} from './client/dataflux-client.js';
export { createDataFluxClient, createDataFluxClientWithAuth } from './client/dataflux-client.js';
export type {
  GenericClient,
  GenericRequestOptions,
  GenericResponse,
} from './client/generic-client.js';
export { createClient } from './client/generic-client.js';
export type { JitaiClient, JitaiClientOptions, JitaiDebugReport } from './client/jitai-client.js';
export { createJitaiClient, createJitaiClientWithAuth } from './client/jitai-client.js';
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
export type { GenerateOptions } from './codegen/emit.js';
export { generateServiceModule } from './codegen/emit.js';
export { generateFromAuthDetails, generateFromDefinitions } from './codegen/generate.js';
export type {
  CodegenArg,
  CodegenFunction,
  CodegenService,
  DefinitionFile,
} from './codegen/model.js';
export { parseServiceDefinition, servicesFromAuthDetails } from './codegen/parse.js';
export type { MappedType } from './codegen/type-map.js';
export { JITAI_DATA_TYPES, mapJitaiType } from './codegen/type-map.js';
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
export type { DataFluxHeaderInput } from './profiles/dataflux/headers.js';
export {
  DATAFLUX_HEADERS,
  dataFluxHeaders,
  dataFluxNonce,
  dataFluxTimestamp,
} from './profiles/dataflux/headers.js';
export type { DataFluxSignature, DataFluxSignInput } from './profiles/dataflux/sign.js';
export { dataFluxJsonDumps, dataFluxSign, dataFluxStringToSign } from './profiles/dataflux/sign.js';
export type {
  DataFluxAuthMessage,
  DataFluxVerifyInput,
  DataFluxVerifyResult,
} from './profiles/dataflux/verify.js';
export { verifyDataFluxSignature } from './profiles/dataflux/verify.js';
export type { HmacBody } from './profiles/hmac/body-hash.js';
export { hmacBodyHash, hmacBodyHashInput } from './profiles/hmac/body-hash.js';
export type { HeaderSource } from './profiles/hmac/headers.js';
export type {
  HmacAlgorithm,
  HmacHeaderNames,
  HmacProfileOptions,
  ResolvedHmacOptions,
} from './profiles/hmac/options.js';
export { DEFAULT_HMAC_HEADERS, resolveHmacOptions } from './profiles/hmac/options.js';
export type {
  HmacCanonicalRequest,
  HmacRequestInput,
  HmacSignedRequest,
} from './profiles/hmac/request.js';
export {
  HMAC_REQUEST_SCOPE,
  hmacCanonicalRequest,
  hmacEncodeSignature,
  hmacRequestHeaders,
  hmacRequestStamp,
  hmacSignRequest,
  hmacSignString,
  hmacStringToSign,
  hmacTimestamp,
} from './profiles/hmac/request.js';
export type {
  HmacResponseInput,
  HmacResponseParts,
  HmacResponseToVerify,
} from './profiles/hmac/response.js';
export {
  HMAC_RESPONSE_SCOPE,
  HMAC_WINDOW_MS,
  hmacResponseStringToSign,
  signHmacResponse,
  verifyHmacResponse,
} from './profiles/hmac/response.js';
export type {
  HmacRequestProblem,
  HmacRequestToVerify,
  HmacVerifyRequestOptions,
  HmacVerifyRequestResult,
} from './profiles/hmac/verify-request.js';
export { verifyHmacRequest } from './profiles/hmac/verify-request.js';
export { JITAI_HEADERS, JITAI_SECRET_MASK, JITAI_WINDOW_MS } from './profiles/jitai/constants.js';
export type { ParamStrDiff } from './profiles/jitai/diff.js';
export { diffParamStr } from './profiles/jitai/diff.js';
export type { JitaiHeaderOptions } from './profiles/jitai/headers.js';
export { jitaiRequestHeaders } from './profiles/jitai/headers.js';
export type { JitaiParamStrOptions } from './profiles/jitai/param-str.js';
export { jitaiParamStr, maskJitaiParamStr } from './profiles/jitai/param-str.js';
export { assertJitaiArgs } from './profiles/jitai/params.js';
export type { JitaiRespondOptions, JitaiSignedData } from './profiles/jitai/respond.js';
export { signJitaiResponse } from './profiles/jitai/respond.js';
export type { JitaiSignOptions } from './profiles/jitai/sign.js';
export { jitaiSign, signJitaiParamStr } from './profiles/jitai/sign.js';
export type {
  JitaiVerifyOptions,
  JitaiVerifyResponseOptions,
} from './profiles/jitai/verify.js';
export { verifyJitaiData, verifyJitaiResponse } from './profiles/jitai/verify.js';

export const VERSION: string = '0.1.0';
