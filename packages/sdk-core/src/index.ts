/**
 * Platform-neutral signing recipes, canonical JSON, response verification, auth
 * strategies and clients. Every public name is exported here explicitly (no `export
 * *`).
 *
 * @module @signet/sdk-core
 */

export type { BasicAuthOptions } from './auth/basic.js';
export { basic } from './auth/basic.js';
export type { TokenSource } from './auth/bearer.js';
export { bearer } from './auth/bearer.js';
export type { CustomAuthFunction, CustomAuthState } from './auth/custom.js';
export { customAuth } from './auth/custom.js';
export type { FieldLocation, FixedField, FixedFieldStrategy } from './auth/fixed-field.js';
export { fixedField } from './auth/fixed-field.js';
export type {
  AuthChallengeState,
  AuthPrepareState,
  AuthResponseState,
  AuthSignState,
  AuthStrategy,
  ChallengeAnswer,
  WrittenBody,
} from './auth/types.js';
export type { NowFn } from './clock.js';
export { DEFAULT_MAX_CLOCK_SKEW_MS, SkewClock } from './clock.js';
export type { GenerateOptions } from './codegen/emit.js';
export { generateServiceModule } from './codegen/emit.js';
export type { DataFluxLists } from './codegen/generate.js';
export {
  generateFromAuthDetails,
  generateFromDataFlux,
  generateFromDefinitions,
} from './codegen/generate.js';
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
export type { CryptoProvider, HashAlgorithm, IncrementalHash } from './crypto/provider.js';
export { getDefaultCrypto, nobleCrypto, setDefaultCrypto } from './crypto/provider.js';
export type { RandomSource } from './crypto/random.js';
export { randomHexNonce, secureRandom } from './crypto/random.js';
export type { DataFluxClient, DataFluxClientOptions } from './dataflux/client.js';
export { createDataFluxClient, createDataFluxClientWithAuth } from './dataflux/client.js';
export type {
  DataFluxAsyncCall,
  DataFluxCallArgs,
  DataFluxCallOptions,
  DataFluxFuncCall,
  DataFluxRequestOptions,
  DataFluxSyncCall,
  DataFluxTypes,
  SyncOptions,
} from './dataflux/client-types.js';
export type {
  DataFluxFuncApiDoc,
  DataFluxFuncApiListFilters,
  DataFluxFuncDoc,
  DataFluxFuncListFilters,
  DataFluxParamDoc,
} from './dataflux/func-list.js';
export { DATAFLUX_KWARG_PLACEHOLDERS } from './dataflux/func-list.js';
export type { DataFluxHeaderInput } from './dataflux/headers.js';
export {
  DATAFLUX_HEADERS,
  dataFluxHeaders,
  dataFluxNonce,
  dataFluxTimestamp,
} from './dataflux/headers.js';
export type { DataFluxSignature, DataFluxSignInput } from './dataflux/sign.js';
export { dataFluxJsonDumps, dataFluxSign, dataFluxStringToSign } from './dataflux/sign.js';
export type { DataFluxAuthOptions, DataFluxStrategy } from './dataflux/strategy.js';
export { dataflux } from './dataflux/strategy.js';
export type {
  DataFluxAuthMessage,
  DataFluxVerifyInput,
  DataFluxVerifyResult,
} from './dataflux/verify.js';
export { verifyDataFluxSignature } from './dataflux/verify.js';
export type {
  DigestAuthorizationFields,
  DigestHeaderLayout,
  DigestUsernameEncoding,
} from './digest/authorization.js';
export { formatDigestAuthorization } from './digest/authorization.js';
export type { AuthChallenge } from './digest/challenge.js';
export { parseAuthParams, parseWwwAuthenticate } from './digest/challenge.js';
export type {
  DigestAlgorithm,
  DigestResponseInput,
  DigestRspauthInput,
} from './digest/compute.js';
export {
  computeDigestResponse,
  computeRspauth,
  DIGEST_ALGORITHMS,
  digestHa1,
  digestUserhash,
  toDigestAlgorithm,
} from './digest/compute.js';
export type { DigestOffer, DigestQop } from './digest/offer.js';
export { selectDigestOffer } from './digest/offer.js';
export type {
  DigestRequest,
  DigestResponseCheck,
  DigestSessionOptions,
} from './digest/session.js';
export { DigestSession } from './digest/session.js';
export type { DigestAuthOptions, DigestStrategy } from './digest/strategy.js';
export { digest } from './digest/strategy.js';
export type {
  SignatureProblem,
  SignetApiErrorOptions,
  SignetDecodeErrorOptions,
  SignetErrorOptions,
  SignetHttpErrorOptions,
  SignetSignatureErrorOptions,
  SignetValidationErrorOptions,
  SignetValidationIssue,
} from './errors.js';
export {
  isSignetError,
  SignetAbortError,
  SignetApiError,
  SignetConfigError,
  SignetDecodeError,
  SignetError,
  SignetHttpError,
  SignetNetworkError,
  SignetSignatureError,
  SignetTimeoutError,
  SignetValidationError,
} from './errors.js';
export type { HmacBody } from './hmac/body-hash.js';
export { hmacBodyHash, hmacBodyHashInput } from './hmac/body-hash.js';
export type { HeaderSource } from './hmac/headers.js';
export type {
  HmacAlgorithm,
  HmacHeaderNames,
  HmacProfileOptions,
  ResolvedHmacOptions,
} from './hmac/options.js';
export { DEFAULT_HMAC_HEADERS, resolveHmacOptions } from './hmac/options.js';
export type {
  HmacCanonicalRequest,
  HmacRequestInput,
  HmacSignedRequest,
} from './hmac/request.js';
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
} from './hmac/request.js';
export type {
  HmacResponseInput,
  HmacResponseParts,
  HmacResponseToVerify,
} from './hmac/response.js';
export {
  HMAC_RESPONSE_SCOPE,
  HMAC_WINDOW_MS,
  hmacResponseStringToSign,
  signHmacResponse,
  verifyHmacResponse,
} from './hmac/response.js';
export type { HmacSignatureOptions, HmacStrategy } from './hmac/strategy.js';
export { hmacSignature } from './hmac/strategy.js';
export type {
  HmacRequestProblem,
  HmacRequestToVerify,
  HmacVerifyRequestOptions,
  HmacVerifyRequestResult,
} from './hmac/verify-request.js';
export { verifyHmacRequest } from './hmac/verify-request.js';
export type { RequestView, ResponseView } from './http/call-view.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './http/config.js';
export type { FetchFunction } from './http/fetch-transport.js';
export { fetchTransport } from './http/fetch-transport.js';
export type {
  GenericClient,
  GenericRequestOptions,
  GenericResponse,
} from './http/generic-client.js';
export { createClient } from './http/generic-client.js';
export type {
  AfterResponseHook,
  AfterResponseState,
  BeforeErrorHook,
  BeforeErrorState,
  BeforeRequestHook,
  BeforeRequestState,
  BeforeRetryHook,
  BeforeRetryState,
  HookCallState,
  Hooks,
  RetryReason,
} from './http/hooks.js';
export type { Logger, LogLevel } from './http/logger.js';
export { LOG_LEVELS } from './http/logger.js';
export type {
  BigIntMode,
  CallOptions,
  ClientOptions,
  FetchCredentials,
  HeaderValues,
  RequestOptions,
  RetryOptions,
} from './http/options.js';
export type { CallRecord } from './http/records.js';
export type { RedirectMode } from './http/redirect.js';
export { MAX_REDIRECTS } from './http/redirect.js';
export type { RetryPolicy } from './http/retry.js';
export { defaultRetryDelay, IDEMPOTENT_METHODS } from './http/retry.js';
export type {
  InferSchemaOutput,
  StandardSchemaFailure,
  StandardSchemaIssue,
  StandardSchemaPathSegment,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaSuccess,
  StandardSchemaTypes,
  StandardSchemaV1,
} from './http/standard-schema.js';
export type { CallTraceContext, CallTracer } from './http/tracer.js';
export type { Transport, TransportRequest, TransportResponse } from './http/transport.js';
export type { InsecureHttp } from './http/url.js';
export type { ResultShape } from './http/validate.js';
export type { ResponseInfo, SignetPromise, WithResponse } from './http/with-response.js';
export type { JitaiClient, JitaiClientOptions, JitaiDebugReport } from './jitai/client.js';
export { createJitaiClient, createJitaiClientWithAuth } from './jitai/client.js';
export { JITAI_HEADERS, JITAI_SECRET_MASK, JITAI_WINDOW_MS } from './jitai/constants.js';
export type {
  JitaiArgDetail,
  JitaiFunctionDetail,
  JitaiServiceDetail,
} from './jitai/details.js';
export { DEFAULT_AUTH_DETAILS_API } from './jitai/details.js';
export type { ParamStrDiff } from './jitai/diff.js';
export { diffParamStr } from './jitai/diff.js';
export type { JitaiEnvelope } from './jitai/envelope.js';
export { JITAI_AUTH_FAILED } from './jitai/envelope.js';
export type { JitaiHeaderOptions } from './jitai/headers.js';
export { jitaiRequestHeaders } from './jitai/headers.js';
export { JITAI_API_NAME } from './jitai/names.js';
export type { JitaiParamStrOptions } from './jitai/param-str.js';
export { jitaiParamStr } from './jitai/param-str.js';
export type { JitaiArgEntries, JitaiArgParts, JitaiSignedArgs } from './jitai/params.js';
export { assertJitaiArgs, jitaiArgParts, joinJitaiParamStr } from './jitai/params.js';
export type { RemoteSignerOptions, RemoteSignerStrategy } from './jitai/remote-signer.js';
export { remoteSigner } from './jitai/remote-signer.js';
export type { RemoteSignerAnswer, RemoteSignerPayload } from './jitai/remote-signer-wire.js';
export type { JitaiRespondOptions, JitaiSignedData } from './jitai/respond.js';
export { signJitaiResponse } from './jitai/respond.js';
export type { JitaiResponseCheck, JitaiVerifyState } from './jitai/response-check.js';
export type {
  ApiCallArgs,
  ApiFunction,
  IsUntyped,
  JitaiCall,
  ServiceApi,
  ServiceArgs,
  ServiceCallOptions,
  ServiceMap,
  ServiceMethods,
  ServiceOptions,
  ServiceProxy,
  ServiceResult,
  ServiceSchemas,
  TypedJitaiCall,
  UntypedJitaiCall,
} from './jitai/service-types.js';
export type { JitaiSignOptions } from './jitai/sign.js';
export { jitaiSign, signJitaiParamStr } from './jitai/sign.js';
export type { JitaiAuthOptions, JitaiStrategy } from './jitai/strategy.js';
export { jitai } from './jitai/strategy.js';
export type {
  JitaiVerifyOptions,
  JitaiVerifyResponseOptions,
} from './jitai/verify.js';
export { verifyJitaiData, verifyJitaiResponse } from './jitai/verify.js';
export { compareCodePoints } from './json/codepoint.js';
export { dfJsonDumps } from './json/dfjson.js';
export { jcsCanonicalize } from './json/jcs.js';
export type {
  LosslessJson,
  LosslessObject,
  LosslessParseOptions,
  LosslessToValueOptions,
} from './json/lossless.js';
export {
  createLosslessObject,
  isLosslessObject,
  LosslessNumber,
  losslessToValue,
  parseLossless,
} from './json/lossless.js';
export { pyFloatRepr } from './json/pyfloat.js';
export { pyJsonDumps } from './json/pyjson.js';
export { toWireJson } from './json/wire-json.js';

/** The version of the signet packages (they are released together). */
export const VERSION: string = '0.1.0';
