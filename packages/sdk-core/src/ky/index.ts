// @signet/sdk-core/ky — signet's strategies as ky hooks, for apps that already call
// through their own ky instance. ky is a peer: this entry imports only its types.

export type { KyHooksOptions, SignetKyHooks } from './hooks.js';
export { kyHooks, withSignet } from './hooks.js';
