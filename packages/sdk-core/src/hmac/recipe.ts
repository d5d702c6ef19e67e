export { type HmacBody, hmacBodyHash, hmacBodyHashInput } from './body-hash.js';
export type { HeaderSource } from './headers.js';
export {
  DEFAULT_HMAC_HEADERS,
  type HmacAlgorithm,
  type HmacHeaderNames,
  type HmacProfileOptions,
  type ResolvedHmacOptions,
  resolveHmacOptions,
} from './options.js';
export {
  HMAC_REQUEST_SCOPE,
  type HmacCanonicalRequest,
  type HmacRequestInput,
  type HmacSignedRequest,
  hmacCanonicalRequest,
  hmacEncodeSignature,
  hmacRequestHeaders,
  hmacRequestStamp,
  hmacSignRequest,
  hmacSignString,
  hmacStringToSign,
  hmacTimestamp,
} from './request.js';
export {
  HMAC_RESPONSE_SCOPE,
  HMAC_WINDOW_MS,
  type HmacResponseInput,
  type HmacResponseParts,
  type HmacResponseToVerify,
  hmacResponseStringToSign,
  signHmacResponse,
  verifyHmacResponse,
} from './response.js';
export {
  type HmacRequestProblem,
  type HmacRequestToVerify,
  type HmacVerifyRequestOptions,
  type HmacVerifyRequestResult,
  verifyHmacRequest,
} from './verify-request.js';
