import {
  type AuthStrategy,
  type JitaiClient,
  SignetConfigError,
  SignetHttpError,
} from '@signet/sdk-core';
import { createJitaiClient } from '../../clients.js';
import { CREDENTIAL_ENV } from '../../credentials.js';
import { authKind, buildAuth, inferAuthKind } from '../auth.js';
import { AUTH_FLAGS, resolveCredentials } from '../auth-flags.js';
import {
  CLIENT_FLAGS,
  type Command,
  type CommandContext,
  callOptions,
  clientOptions,
} from '../command.js';
import { parseDataValue, readText } from '../input.js';
import { maskedAuth } from '../masked-auth.js';

export const callCommand: Command = {
  name: 'call',
  summary: 'call a JitAi service function, verify the signed response, print the result',
  usage: 'call <api> --base-url URL [--data JSON|@file] [auth flags]',
  description: `Sends a signed JitAi call (POST {base-url}/services/Svc/fn) and prints the
verified, unwrapped result (data.data) as JSON. Integers beyond 2^53 are printed exactly.
Auth: --access-key/--access-secret (JitAi API authorization, the default), --auth bearer
--token T for functions behind the Bearer interceptor, or --auth none for functions
declared ignoreSign: true, loginRequired: false.
--data is sent as JSON.stringify writes it (integers beyond 2^53 stay exact, but 1.0
goes out as 1, an int to the server); debug-sign shows the signature of an exact text.
--diagnose sends the call in debug mode and prints how signet's masked paramStr compares
with the server's (the server rejects every debug call by design).`,
  flags: [
    {
      name: 'base-url',
      value: 'URL',
      env: CREDENTIAL_ENV.baseUrl,
      help: 'the app: http(s)://host/api/{orgId}/{appName}',
    },
    { name: 'data', value: 'JSON|@file|@-', help: 'the args object (default {})' },
    { name: 'diagnose', help: 'debug round trip: compare paramStr with the server' },
    ...AUTH_FLAGS,
    ...CLIENT_FLAGS,
  ],
  positionals: { min: 1, max: 1, names: '<api>' },
  examples: [
    `signet call services.OrderSvc.query --base-url https://host/api/org/app --data '{"orderId":"1001"}'`,
    'SIGNET_ACCESS_KEY=… SIGNET_ACCESS_SECRET=… signet call services.OrderSvc.query --data @args.json',
  ],
  async run(ctx) {
    const api = ctx.parsed.positionals[0]!;
    const { jit, baseUrl } = jitaiClientFromFlags(ctx);
    const data = ctx.flag('data');
    const args = data === undefined ? {} : parseDataValue(await readText(data, '--data', ctx.io));
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw new SignetConfigError('--data must be a JSON object of args');
    }
    const options = callOptions(ctx);
    try {
      if (ctx.parsed.flags.has('diagnose')) ctx.print(await jit.diagnose(api, args, options));
      else ctx.print(await jit.call(api, args, options));
    } catch (error) {
      throw withBaseUrlHint(error, baseUrl);
    }
  },
};

/** The path every JitAi app is served under. */
const JITAI_APP_PATH = /^\/api\/[^/]+\/[^/]+\/?$/;

/**
 * A 404 or 405 from a base URL that does not end in `/api/{orgId}/{appName}` is most
 * likely that mistake: say so in the error, without the URL's query (it may hold a token).
 */
export function withBaseUrlHint(error: unknown, baseUrl: string): unknown {
  if (!(error instanceof SignetHttpError) || (error.status !== 404 && error.status !== 405)) {
    return error;
  }
  const { pathname } = new URL(baseUrl);
  if (JITAI_APP_PATH.test(pathname)) return error;
  error.message += `; hint: a JitAi base URL ends in /api/{orgId}/{appName} (this one's path is ${pathname})`;
  return error;
}

/** `--auth none`: functions declared `ignoreSign: true, loginRequired: false` need nothing. */
const NO_AUTH: AuthStrategy = { kind: 'none', credentialed: false };

/**
 * A JitAi client (and its base URL) from the auth and client flags, for `baseUrl` or else the
 * base URL the credentials give: `--base-url`, the `--credentials` file, `SIGNET_BASE_URL`,
 * the `SIGNET_CREDENTIALS_FILE` file, in that order (as every credential).
 */
export function jitaiClientFromFlags(
  ctx: CommandContext,
  baseUrl?: string,
  extra: { authDetailsApi?: string } = {},
): { jit: JitaiClient; baseUrl: string } {
  const resolved = resolveCredentials(ctx.parsed, ctx.io, ctx.masker);
  const flagged = ctx.parsed.flags.get('base-url');
  const url = baseUrl ?? (typeof flagged === 'string' ? flagged : resolved.creds.baseUrl);
  if (url === undefined || url === '') {
    throw new SignetConfigError(
      `--base-url is required (or ${CREDENTIAL_ENV.baseUrl}, or baseUrl in the credentials file)`,
    );
  }
  const given = ctx.flag('auth');
  const kind = given === undefined ? inferAuthKind(resolved, ['jitai', 'bearer']) : authKind(given);
  if (kind === undefined) {
    throw new SignetConfigError(
      `no credentials: give --access-key and --access-secret (or ${CREDENTIAL_ENV.accessKey} and ${CREDENTIAL_ENV.accessSecret}), or --auth bearer --token T`,
    );
  }
  const jit = createJitaiClient({
    ...clientOptions(ctx),
    ...extra,
    baseUrl: url,
    env: false,
    auth:
      maskedAuth(buildAuth(kind, resolved.creds), ctx.masker, [resolved.creds.accessKey]) ??
      NO_AUTH,
  });
  return { jit, baseUrl: url };
}
