import {
  dataFluxHeaders,
  dataFluxNonce,
  dataFluxSign,
  dataFluxTimestamp,
  hmacSignRequest,
  isLosslessObject,
  jitaiParamStr,
  jitaiRequestHeaders,
  type LosslessObject,
  SignetConfigError,
  signJitaiParamStr,
} from '@signet/sdk-core';
import { CREDENTIAL_ENV, type SignetCredentials } from '../../credentials.js';
import { nodeCrypto } from '../../node-crypto.js';
import { HMAC_FLAGS, hmacOptions } from '../auth-flags.js';
import { type CommandContext, integerFlag } from '../command.js';
import { parseDataTree } from '../input.js';

// The three recipes of `signet debug-sign`: every step of a signature, secret masked.

/** What `debug-sign` prints. */
export interface DebugSignOutput {
  profile: 'jitai' | 'dataflux' | 'hmac';
  /** jitai: the paramStr with its secret part masked. */
  paramStr?: string;
  /** dataflux, hmac: holds no secret. */
  stringToSign?: string;
  sign: string;
  headers: Record<string, string>;
  jsonDumps?: string;
  bodyMd5?: string;
}
function need(
  creds: SignetCredentials,
  field: keyof SignetCredentials,
  flag: string,
  profile: string,
): string {
  const value = creds[field];
  if (value === undefined) {
    throw new SignetConfigError(
      `--profile ${profile} needs --${flag} (or ${CREDENTIAL_ENV[field]})`,
    );
  }
  return value;
}

function refuse(ctx: CommandContext, profile: string, flags: readonly string[]): void {
  for (const flag of flags) {
    if (ctx.parsed.flags.has(flag)) {
      throw new SignetConfigError(`--${flag} does not apply to --profile ${profile}`);
    }
  }
}

export function jitaiDebug(
  ctx: CommandContext,
  creds: SignetCredentials,
  text: string | undefined,
): DebugSignOutput {
  // JitAi signs neither method, path nor nonce: accepting them would suggest otherwise.
  refuse(ctx, 'jitai', ['method', 'path', 'nonce', ...HMAC_FLAGS.map((f) => f.name)]);
  const secret = need(creds, 'accessSecret', 'access-secret', 'jitai');
  const args = parseDataTree(text ?? '{}');
  if (!isLosslessObject(args)) {
    throw new SignetConfigError('--data must be a JSON object of args for --profile jitai');
  }
  const stamp = ctx.flag('timestamp');
  const timestamp = stamp === undefined ? Date.now() : integerFlag('timestamp', stamp);
  const paramStr = jitaiParamStr(args as LosslessObject, { timestamp, secret });
  const sign = signJitaiParamStr(paramStr, nodeCrypto);
  // Masked part by part, as the server does: a secret holding `&` leaves nothing behind.
  const masked = jitaiParamStr(args as LosslessObject, { timestamp, secret, masked: true });
  const headers = jitaiRequestHeaders({
    accessKey: creds.accessKey ?? '',
    timestamp,
    accessSign: sign,
  });
  if (creds.accessKey === undefined) delete headers.accessKey;
  return { profile: 'jitai', paramStr: masked, sign, headers };
}

export function dataFluxDebug(
  ctx: CommandContext,
  creds: SignetCredentials,
  text: string | undefined,
): DebugSignOutput {
  refuse(
    ctx,
    'dataflux',
    HMAC_FLAGS.map((f) => f.name),
  );
  const akSecret = need(creds, 'akSecret', 'ak-secret', 'dataflux');
  const pathWithQuery = requestTarget(ctx, 'dataflux');
  const timestamp = stringTimestamp(ctx) ?? dataFluxTimestamp(Date.now());
  const nonce = ctx.flag('nonce') ?? dataFluxNonce();
  let body: unknown = null;
  if (text !== undefined) {
    parseDataTree(text); // a usage error with a position when the text is not JSON
    body = JSON.parse(text); // …then read as the server reads it
  }
  const method = ctx.flag('method') ?? 'POST';
  const signature = dataFluxSign({
    method,
    pathWithQuery,
    timestamp,
    nonce,
    body,
    akSecret,
    crypto: nodeCrypto,
  });
  const headers = dataFluxHeaders({
    akId: creds.akId ?? '',
    timestamp,
    nonce,
    sign: signature.sign,
  });
  if (creds.akId === undefined) delete headers['X-Dff-Ak-Id'];
  return {
    profile: 'dataflux',
    stringToSign: signature.stringToSign,
    sign: signature.sign,
    headers,
    jsonDumps: signature.jsonDumps,
    bodyMd5: signature.bodyMd5,
  };
}

export function hmacDebug(
  ctx: CommandContext,
  creds: SignetCredentials,
  text: string | undefined,
): DebugSignOutput {
  const keyId = need(creds, 'keyId', 'key-id', 'hmac');
  const secret = need(creds, 'secret', 'secret', 'hmac');
  const timestamp = stringTimestamp(ctx);
  const nonce = ctx.flag('nonce');
  const signed = hmacSignRequest(
    {
      method: ctx.flag('method') ?? 'POST',
      pathWithQuery: requestTarget(ctx, 'hmac'),
      ...(text === undefined ? {} : { body: text }),
      now: Date.now(),
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(nonce === undefined ? {} : { nonce }),
      crypto: nodeCrypto,
    },
    { ...hmacOptions(ctx.parsed), keyId, secret },
  );
  return {
    profile: 'hmac',
    stringToSign: signed.stringToSign,
    sign: signed.signature,
    headers: signed.headers,
  };
}

function requestTarget(ctx: CommandContext, profile: string): string {
  const path = ctx.flag('path');
  if (path === undefined) {
    throw new SignetConfigError(
      `--profile ${profile} needs --path: the request target exactly as sent, e.g. /api/v1/func/demo__main.hello?x=1`,
    );
  }
  return path;
}

function stringTimestamp(ctx: CommandContext): string | undefined {
  const stamp = ctx.flag('timestamp');
  if (stamp !== undefined && !/^\d+$/.test(stamp)) {
    throw new SignetConfigError(`--timestamp must be decimal digits, got "${stamp}"`);
  }
  return stamp;
}
