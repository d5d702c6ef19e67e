import type { AuthPrepareState, AuthSignState, AuthStrategy } from '@signet/sdk-core';
import { CallCredentials } from '@signet/sdk-core/internal';
import type { Masker } from './output.js';

/**
 * The strategy, with every value its hooks put on a request (an Authorization header, a
 * signature, a query token) registered for masking as soon as it is set: the CLI prints
 * what servers answer, and a server may echo them back even in a success. `identifiers`
 * (access key, AK id, key id) stay visible, as in the SDK's call records.
 */
export function maskedAuth<A extends AuthStrategy | undefined>(
  auth: A,
  masker: Masker,
  identifiers: readonly (string | undefined)[] = [],
): A {
  if (auth === undefined) return auth;
  const credentials = new CallCredentials(undefined);
  const shown = new Set(identifiers);
  const register = () => {
    for (const value of credentials.values()) if (!shown.has(value)) masker.add(value);
  };
  // Everything else (kind, write, challenge, the JitAi response check…) from the original.
  const watched = Object.create(auth) as {
    prepare?: (state: AuthPrepareState) => Promise<void>;
    sign?: (state: AuthSignState) => Promise<void>;
  };
  const { prepare, sign } = auth;
  if (prepare) {
    watched.prepare = async (state) => {
      const before = credentials.snapshot(state);
      try {
        await prepare.call(auth, state);
      } finally {
        credentials.note(before, state);
        register();
      }
    };
  }
  if (sign) {
    watched.sign = async (state) => {
      const before = credentials.snapshot(state);
      try {
        await sign.call(auth, state);
      } finally {
        credentials.note(before, state);
        register();
      }
    };
  }
  return watched as A;
}
