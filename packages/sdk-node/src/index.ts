/**
 * Everything of @signet/sdk-core, with Node-flavoured client factories (node:crypto
 * hashing, the Node transport, credentials from the environment) shadowing sdk-core's,
 * plus the Node-only names: the signing backend, credentials, keys, codegen from an app
 * folder. A name exported here wins over the star export of the same name.
 *
 * @module @signet/sdk-node
 */

export * from '@signet/sdk-core';
export type {
  NodeClientExtras,
  NodeClientOptions,
  NodeDataFluxClientOptions,
  NodeJitaiClientOptions,
} from './clients.js';
export { createClient, createDataFluxClient, createJitaiClient } from './clients.js';
export type { ServiceDefinitionFile } from './codegen/load-app-folder.js';
export { loadAppServices, writeGeneratedClient } from './codegen/load-app-folder.js';
export type { Environment, SignetCredentials } from './credentials.js';
export {
  CREDENTIAL_ENV,
  CREDENTIALS_FILE_ENV,
  credentialsFromEnv,
  credentialsFromFile,
} from './credentials.js';
export { diagnosticsTracer, SIGNET_CALL_CHANNEL } from './diagnostics.js';
export { inspectSignetError } from './inspect.js';
export type { AccessKeyCheck } from './keys.js';
export { checkAccessKey, generateAccessSecret } from './keys.js';
export { LOG_ENV, loggingFromEnv } from './logging.js';
export { nodeCrypto } from './node-crypto.js';
export type {
  SignerPayload,
  SigningHandler,
  SigningHandlerOptions,
} from './signing-handler.js';
export { createSigningHandler } from './signing-handler.js';
export type { NodeTransportOptions } from './transport.js';
export { nodeTransport } from './transport.js';
