import { readFileSync, statSync } from 'node:fs';
import { SignetConfigError } from '@signet/sdk-core';

/**
 * Everything signet can take from the environment or a credentials file. Every field is
 * optional; which ones a client uses depends on its auth strategy.
 */
export interface SignetCredentials {
  baseUrl?: string;
  /** JitAi API authorization. */
  accessKey?: string;
  accessSecret?: string;
  /** DataFlux Func OpenAPI Access Key. */
  akId?: string;
  akSecret?: string;
  /** signet's generic timestamp+HMAC profile (`hmacSignature`). */
  keyId?: string;
  secret?: string;
  /** Bearer token. */
  token?: string;
  /** HTTP Basic / Digest. */
  username?: string;
  password?: string;
  /** A fixed credential field (`fixedField`): `header`, `query` or `body`. */
  fixedIn?: string;
  fixedName?: string;
  fixedValue?: string;
}

/** The environment variable of each credential field. */
export const CREDENTIAL_ENV: Readonly<Record<keyof SignetCredentials, string>> = Object.freeze({
  baseUrl: 'SIGNET_BASE_URL',
  accessKey: 'SIGNET_ACCESS_KEY',
  accessSecret: 'SIGNET_ACCESS_SECRET',
  akId: 'SIGNET_AK_ID',
  akSecret: 'SIGNET_AK_SECRET',
  keyId: 'SIGNET_KEY_ID',
  secret: 'SIGNET_SECRET',
  token: 'SIGNET_TOKEN',
  username: 'SIGNET_USER',
  password: 'SIGNET_PASSWORD',
  fixedIn: 'SIGNET_FIXED_IN',
  fixedName: 'SIGNET_FIXED_NAME',
  fixedValue: 'SIGNET_FIXED_VALUE',
});

/** Names a credentials file whose fields fill in what the variables above leave unset. */
export const CREDENTIALS_FILE_ENV = 'SIGNET_CREDENTIALS_FILE';

/** The fields that are secrets: masked in everything signet prints. */
export const SECRET_FIELDS: readonly (keyof SignetCredentials)[] = Object.freeze([
  'accessSecret',
  'akSecret',
  'secret',
  'token',
  'password',
  'fixedValue',
]);

const FIELDS = Object.keys(CREDENTIAL_ENV) as (keyof SignetCredentials)[];

/** An environment: `process.env` or any record of variables. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The credentials the environment configures: the `SIGNET_*` variables of
 * {@link CREDENTIAL_ENV}, over the fields of the file named by `SIGNET_CREDENTIALS_FILE`
 * (see {@link credentialsFromFile}). Empty variables count as unset.
 *
 * @example
 * ```ts
 * const { accessKey, accessSecret } = credentialsFromEnv()
 * ```
 */
export function credentialsFromEnv(env: Environment = process.env): SignetCredentials {
  const filePath = nonEmpty(env[CREDENTIALS_FILE_ENV]);
  const out: SignetCredentials = filePath === undefined ? {} : credentialsFromFile(filePath);
  for (const field of FIELDS) {
    const value = nonEmpty(env[CREDENTIAL_ENV[field]]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/**
 * Reads a JSON credentials file such as `{"accessKey": "…", "accessSecret": "…"}` (fields
 * of {@link SignetCredentials}). Like ssh with a private key, it refuses a file that group
 * or others may access on POSIX systems (fix: `chmod 600 FILE`), and it refuses unknown
 * fields so a misspelt name does not silently leave a credential out. Errors never quote
 * the file's contents.
 */
export function credentialsFromFile(path: string): SignetCredentials {
  if (typeof path !== 'string' || path === '') {
    throw new SignetConfigError('credentialsFromFile: path must be a non-empty string');
  }
  let text: string;
  try {
    checkPermissions(path);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof SignetConfigError) throw error;
    const code = (error as { code?: string }).code ?? 'read error';
    throw new SignetConfigError(`credentials file ${path} cannot be read (${code})`);
  }
  return parseCredentials(text.replace(/^\uFEFF/, ''), path);
}

function checkPermissions(path: string): void {
  const stats = statSync(path);
  if (!stats.isFile()) throw new SignetConfigError(`credentials file ${path} is not a file`);
  if (process.platform === 'win32') return; // no POSIX mode bits to speak of
  const open = stats.mode & 0o077;
  if (open !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    throw new SignetConfigError(
      `credentials file ${path} is accessible by group or others (mode ${mode}); it holds secrets, so signet will not use it: run chmod 600 ${path}`,
    );
  }
}

function parseCredentials(text: string, path: string): SignetCredentials {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text around the error: that could be a secret.
    const where = /position \d+(?: \(line \d+ column \d+\))?/.exec(String(error))?.[0];
    throw new SignetConfigError(
      `credentials file ${path} is not valid JSON${where ? ` (at ${where})` : ''}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SignetConfigError(`credentials file ${path} must hold a JSON object`);
  }
  const out: SignetCredentials = {};
  for (const [key, field] of Object.entries(value)) {
    if (!Object.hasOwn(CREDENTIAL_ENV, key)) {
      throw new SignetConfigError(
        `credentials file ${path}: unknown field "${key}" (known: ${FIELDS.join(', ')})`,
      );
    }
    if (typeof field !== 'string') {
      throw new SignetConfigError(`credentials file ${path}: "${key}" must be a string`);
    }
    if (field !== '') out[key as keyof SignetCredentials] = field;
  }
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
