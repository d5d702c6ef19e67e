import {
  type ClientOptions,
  createClient as coreCreateClient,
  createDataFluxClient as coreCreateDataFluxClient,
  createJitaiClient as coreCreateJitaiClient,
  type DataFluxClient,
  type DataFluxClientOptions,
  type GenericClient,
  type JitaiClient,
  type JitaiClientOptions,
  type ServiceMap,
} from '@signet/sdk-core';
import { nodeCrypto } from './node-crypto.js';

// Node defaults: hashing through node:crypto (`pnpm bench`: jitaiSign 1.3× the pure-JS
// provider, DataFlux and HMAC signing 1.6×). Everything else is the core client.

/** `createJitaiClient` of sdk-core, hashing with `node:crypto` unless `crypto` is given. */
export function createJitaiClient<S extends ServiceMap = Record<string, object>>(
  options: JitaiClientOptions,
): JitaiClient<S> {
  return coreCreateJitaiClient<S>({ crypto: nodeCrypto, ...options });
}

/** `createDataFluxClient` of sdk-core, hashing with `node:crypto` unless `crypto` is given. */
export function createDataFluxClient(options: DataFluxClientOptions): DataFluxClient {
  return coreCreateDataFluxClient({ crypto: nodeCrypto, ...options });
}

/** `createClient` of sdk-core, hashing with `node:crypto` unless `crypto` is given. */
export function createClient(options: ClientOptions): GenericClient {
  return coreCreateClient({ crypto: nodeCrypto, ...options });
}
