/**
 * signet's strategies as ky hooks, for apps that already call through their own ky
 * instance. ky is a peer: this entry imports only its types.
 *
 * @module @signet/sdk-core/ky
 */

export type { KyHooksOptions, SignetKyHooks } from './hooks.js';
export { kyHooks, withSignet } from './hooks.js';
