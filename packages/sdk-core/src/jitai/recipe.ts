export { utf8Base64Ascii } from './base64.js';
export {
  JITAI_HEADERS,
  JITAI_RESERVED_KEYS,
  JITAI_SECRET_MASK,
  JITAI_WINDOW_MS,
} from './constants.js';
export { diffParamStr, type ParamStrDiff } from './diff.js';
export { checkJitaiEnvelope } from './envelope-check.js';
export { type JitaiHeaderOptions, jitaiRequestHeaders } from './headers.js';
export {
  type JitaiParamStrOptions,
  jitaiParamStr,
  maskJitaiParamStr,
} from './param-str.js';
export { assertJitaiArgs, buildJitaiParamStr } from './params.js';
export { type JitaiRespondOptions, type JitaiSignedData, signJitaiResponse } from './respond.js';
export { type JitaiSignOptions, jitaiSign, signJitaiParamStr } from './sign.js';
export {
  type JitaiVerifyOptions,
  type JitaiVerifyResponseOptions,
  verifyJitaiData,
  verifyJitaiResponse,
} from './verify.js';
