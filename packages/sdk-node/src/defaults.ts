import type { CryptoProvider } from '@signet/sdk-core';
import { nodeCrypto } from './node-crypto.js';

/**
 * The hash provider the Node factories use unless told otherwise. `pnpm bench`
 * (BENCHMARKS.md) measures `jitaiSign` at about 124k ops/s on `nodeCrypto` against 94k on
 * the pure-JS default, so Node clients hash with OpenSSL. Set this to `undefined` to fall
 * back to sdk-core's process-wide default (`getDefaultCrypto()`).
 */
export const NODE_DEFAULT_CRYPTO: CryptoProvider | undefined = nodeCrypto;
