import type { HmacSignatureOptions } from '@signet/sdk-core';
import {
  CREDENTIAL_ENV,
  CREDENTIALS_FILE_ENV,
  credentialsFromEnv,
  credentialsFromFile,
  SECRET_FIELDS,
  type SignetCredentials,
} from '../credentials.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import type { CliIo, Masker } from './output.js';

// The auth flags of the CLI and where their values come from.

export const AUTH_KINDS = [
  'jitai',
  'dataflux',
  'hmac',
  'bearer',
  'fixed',
  'basic',
  'digest',
  'none',
] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export type Field = keyof SignetCredentials;

/** Credential flags and the credential field each one sets. */
const CREDENTIAL_FLAGS: readonly (readonly [string, Field, string, string])[] = [
  ['access-key', 'accessKey', 'KEY', 'JitAi accessKey'],
  ['access-secret', 'accessSecret', 'SECRET', 'JitAi accessSecret'],
  ['ak-id', 'akId', 'ID', 'DataFlux Func AK id'],
  ['ak-secret', 'akSecret', 'SECRET', 'DataFlux Func AK secret'],
  ['key-id', 'keyId', 'ID', 'generic HMAC key id'],
  ['secret', 'secret', 'SECRET', 'generic HMAC secret'],
  ['token', 'token', 'TOKEN', 'Bearer token'],
  ['in', 'fixedIn', 'header|query|body', 'where the fixed field goes (default header)'],
  ['name', 'fixedName', 'NAME', 'fixed field name'],
  ['value', 'fixedValue', 'VALUE', 'fixed field value'],
  ['user', 'username', 'USER', 'Basic/Digest user name'],
  ['password', 'password', 'PASSWORD', 'Basic/Digest password'],
];

/** The flag that sets each credential field. */
export const FLAG_OF = Object.fromEntries(
  CREDENTIAL_FLAGS.map(([flag, field]) => [field, flag]),
) as Record<Field, string>;

/** `--auth`, `--credentials` and every credential flag. */
export const AUTH_FLAGS: readonly FlagSpec[] = [
  { name: 'auth', value: AUTH_KINDS.join('|'), help: 'how to authenticate (default: inferred)' },
  {
    name: 'credentials',
    value: 'FILE',
    env: CREDENTIALS_FILE_ENV,
    help: 'JSON credentials file (mode 600)',
  },
  ...CREDENTIAL_FLAGS.map(([name, field, value, help]) => ({
    name,
    value,
    env: CREDENTIAL_ENV[field],
    help,
  })),
];

/** Options of the generic HMAC profile, for `--auth hmac` and `debug-sign --profile hmac`. */
export const HMAC_FLAGS: readonly FlagSpec[] = [
  { name: 'algorithm', value: 'sha256|sha512|sha1', help: 'HMAC algorithm (default sha256)' },
  { name: 'encoding', value: 'hex|base64', help: 'signature encoding (default hex)' },
  { name: 'timestamp-unit', value: 's|ms', help: 'timestamp unit (default s)' },
  { name: 'body-hash', value: 'bytes|jcs', help: 'what the body hash covers (default bytes)' },
];

/** Credentials from every source, and which fields the command line itself gave. */
export interface ResolvedCredentials {
  creds: SignetCredentials;
  /** Fields given by a flag or by the `--credentials` file. */
  explicit: ReadonlySet<Field>;
}

/**
 * Flags win over the `--credentials` file, which wins over `SIGNET_*` variables, which
 * win over the `SIGNET_CREDENTIALS_FILE` file. Every secret found is registered for masking.
 */
export function resolveCredentials(
  parsed: ParsedArgs,
  io: CliIo,
  masker: Masker,
): ResolvedCredentials {
  const fileFlag = parsed.flags.get('credentials');
  const fileCreds = typeof fileFlag === 'string' ? credentialsFromFile(fileFlag) : {};
  const envCreds = credentialsFromEnv(io.env);
  const flagCreds: SignetCredentials = {};
  for (const [flag, field] of CREDENTIAL_FLAGS) {
    const value = parsed.flags.get(flag);
    if (typeof value === 'string') flagCreds[field] = value;
  }
  const creds: SignetCredentials = { ...envCreds, ...fileCreds, ...flagCreds };
  for (const field of SECRET_FIELDS) masker.add(creds[field]);
  if (creds.username !== undefined && creds.password !== undefined) {
    // What a Basic Authorization header carries.
    masker.add(Buffer.from(`${creds.username}:${creds.password}`).toString('base64'));
  }
  const explicit = new Set([...Object.keys(fileCreds), ...Object.keys(flagCreds)] as Field[]);
  return { creds, explicit };
}

/** HMAC profile options from `HMAC_FLAGS` (validated by the profile itself). */
export function hmacOptions(parsed: ParsedArgs): Partial<HmacSignatureOptions> {
  const out: Record<string, string> = {};
  const names: Record<string, string> = {
    algorithm: 'algorithm',
    encoding: 'encoding',
    'timestamp-unit': 'timestampUnit',
    'body-hash': 'bodyHash',
  };
  for (const [flag, option] of Object.entries(names)) {
    const value = parsed.flags.get(flag);
    if (typeof value === 'string') out[option] = value;
  }
  return out as Partial<HmacSignatureOptions>;
}
