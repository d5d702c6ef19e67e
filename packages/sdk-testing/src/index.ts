/**
 * Emulators of the platforms signet talks to (a JitAi app, DataFlux Func), server-side
 * verifiers and fault knobs, for partners' tests. Every public name explicitly, no
 * `export *`.
 *
 * @module @signet/sdk-testing
 */

export type { FetchHandler } from './core/controls.js';
export { EmulatorControls } from './core/controls.js';
export type { CorsOptions } from './core/cors.js';
export type { FailBody, FailFault, FailNextOptions } from './core/faults.js';
export type { HeaderBag } from './core/http.js';
export type { PythonJsonTextOptions } from './core/python-json.js';
export { pythonJsonText } from './core/python-json.js';
export type { EmulatorBaseOptions } from './core/runtime.js';
export { DATAFLUX_DIGEST_OPAQUE } from './dataflux/digest-server.js';
export { createDataFluxEmulator, DataFluxEmulator } from './dataflux/emulator.js';
export type { DataFluxErrorKind } from './dataflux/envelope.js';
export { DATAFLUX_ERRORS } from './dataflux/envelope.js';
export type { NonceStore } from './dataflux/nonce-store.js';
export { createNonceStore } from './dataflux/nonce-store.js';
export type {
  DataFluxApiAuthConfig,
  DataFluxApiConfig,
  DataFluxAuthFuncRequest,
  DataFluxAuthUser,
  DataFluxCallRecord,
  DataFluxEmulatorOptions,
  DataFluxFixedField,
  DataFluxFunc,
  DataFluxFuncContext,
  DataFluxFuncDefinition,
  DataFluxTaskRecord,
  DataFluxThrottlingRule,
} from './dataflux/options.js';
export type {
  DataFluxAccessKey,
  VerifyDataFluxRequestInput,
  VerifyDataFluxRequestResult,
} from './dataflux/verify-request.js';
export { DATAFLUX_SIGN_ERROR_MESSAGE, verifyDataFluxRequest } from './dataflux/verify-request.js';
export { createJitaiEmulator, JitaiEmulator } from './jitai/emulator.js';
export { JITAI_ERRCODES, JitaiBusinessError } from './jitai/errors.js';
export type {
  JitaiApiAuth,
  JitaiBearerOptions,
  JitaiCallRecord,
  JitaiEmulatorOptions,
  JitaiFunctionDefinition,
  JitaiServiceContext,
  JitaiServiceDefinition,
  JitaiServiceFunction,
} from './jitai/options.js';
export { jitaiDefinitionFromEJson } from './jitai/registry.js';
export type {
  JitaiRequestProblem,
  VerifyJitaiRequestInput,
  VerifyJitaiRequestResult,
} from './jitai/verify-request.js';
export { verifyJitaiRequest } from './jitai/verify-request.js';
export type { ServedEmulator, ServeEmulatorOptions } from './node-server.js';
export { serveEmulator } from './node-server.js';
