export {
  DATAFLUX_HEADERS,
  type DataFluxHeaderInput,
  dataFluxHeaders,
  dataFluxNonce,
  dataFluxTimestamp,
} from './headers.js';
export {
  type DataFluxSignature,
  type DataFluxSignInput,
  dataFluxJsonDumps,
  dataFluxSign,
  dataFluxStringToSign,
} from './sign.js';
export {
  type DataFluxAuthMessage,
  type DataFluxVerifyInput,
  type DataFluxVerifyResult,
  verifyDataFluxSignature,
} from './verify.js';
