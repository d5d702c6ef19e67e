/** One plausible bug: `find` (exactly once in `file`) becomes `replace`. */
export interface Mutation {
  id: string;
  protocol: 'jitai' | 'dataflux' | 'digest' | 'hmac';
  what: string;
  /** Relative to the repository root. */
  file: string;
  find: string;
  replace: string;
}

export const MUTATIONS: readonly Mutation[];
export const CALL_LEVEL: readonly string[];
