import {
  type AuthStrategy,
  basic,
  bearer,
  dataflux,
  digest,
  fixedField,
  type HmacSignatureOptions,
  hmacSignature,
  jitai,
  SignetConfigError,
} from '@signet/sdk-core';
import { CREDENTIAL_ENV, type SignetCredentials } from '../credentials.js';
import {
  AUTH_KINDS,
  type AuthKind,
  type Field,
  FLAG_OF,
  type ResolvedCredentials,
} from './auth-flags.js';

// From credentials to an auth strategy: which scheme, and the strategy itself.

const KIND_FIELDS: Readonly<Record<Exclude<AuthKind, 'none'>, readonly Field[]>> = {
  jitai: ['accessKey', 'accessSecret'],
  dataflux: ['akId', 'akSecret'],
  hmac: ['keyId', 'secret'],
  bearer: ['token'],
  fixed: ['fixedName', 'fixedValue'],
  basic: ['username', 'password'],
  digest: ['username', 'password'],
};

/** Checks an `--auth` value. */
export function authKind(value: string): AuthKind {
  if (!(AUTH_KINDS as readonly string[]).includes(value)) {
    throw new SignetConfigError(`--auth must be one of ${AUTH_KINDS.join(', ')}`);
  }
  return value as AuthKind;
}

/**
 * The scheme to use when `--auth` is not given: the one whose credentials the command
 * line names, else the first of `order` whose credentials are all configured.
 */
export function inferAuthKind(
  resolved: ResolvedCredentials,
  order: readonly AuthKind[],
): AuthKind | undefined {
  const named = new Set<string>();
  for (const field of resolved.explicit) {
    if (field === 'baseUrl' || field === 'fixedIn') continue;
    for (const [kind, fields] of Object.entries(KIND_FIELDS)) {
      if (fields.includes(field)) named.add(kind === 'digest' ? 'basic' : kind);
    }
  }
  if (named.size > 1) {
    throw new SignetConfigError(
      `the command line holds credentials of several schemes (${[...named].sort(byKind).join(', ')}): choose one with --auth`,
    );
  }
  const [only] = named;
  if (only === 'basic') {
    throw new SignetConfigError('a user and password: choose --auth basic or --auth digest');
  }
  if (only !== undefined) return only as AuthKind;
  return order.find(
    (kind) =>
      kind !== 'none' && KIND_FIELDS[kind].every((field) => resolved.creds[field] !== undefined),
  );
}

function byKind(a: string, b: string): number {
  return AUTH_KINDS.indexOf(a as AuthKind) - AUTH_KINDS.indexOf(b as AuthKind);
}

/** The auth strategy of a scheme, or a usage error naming the missing flag. */
export function buildAuth(
  kind: AuthKind,
  creds: SignetCredentials,
  hmac: Partial<HmacSignatureOptions> = {},
): AuthStrategy | undefined {
  const need = (field: Field): string => {
    const value = creds[field];
    if (value === undefined) {
      throw new SignetConfigError(
        `--auth ${kind} needs --${FLAG_OF[field]} (or ${CREDENTIAL_ENV[field]})`,
      );
    }
    return value;
  };
  switch (kind) {
    case 'jitai':
      return jitai({ accessKey: need('accessKey'), accessSecret: need('accessSecret') });
    case 'dataflux':
      return dataflux({ akId: need('akId'), akSecret: need('akSecret') });
    case 'hmac':
      return hmacSignature({ ...hmac, keyId: need('keyId'), secret: need('secret') });
    case 'bearer':
      return bearer(need('token'));
    case 'fixed': {
      const where = creds.fixedIn ?? 'header';
      if (where !== 'header' && where !== 'query' && where !== 'body') {
        throw new SignetConfigError('--in must be header, query or body');
      }
      return fixedField({ in: where, name: need('fixedName'), value: need('fixedValue') });
    }
    case 'basic':
      return basic({ username: need('username'), password: need('password') });
    case 'digest':
      return digest({ username: need('username'), password: need('password') });
    case 'none':
      return undefined;
  }
}
