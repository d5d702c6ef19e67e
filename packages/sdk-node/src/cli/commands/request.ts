import { SignetConfigError } from '@signet/sdk-core';
import { createClient } from '../../clients.js';
import { authKind, buildAuth, inferAuthKind } from '../auth.js';
import { AUTH_FLAGS, HMAC_FLAGS, hmacOptions, resolveCredentials } from '../auth-flags.js';
import { CLIENT_FLAGS, type Command, callOptions, clientOptions } from '../command.js';
import { parseDataValue, readText } from '../input.js';
import { maskedAuth } from '../masked-auth.js';

export const requestCommand: Command = {
  name: 'request',
  summary: 'send any signed HTTP request and print the response body',
  usage: 'request <METHOD> <url> [--data JSON|@file] [auth flags]',
  description: `Sends one request with the chosen auth scheme and prints the decoded body (JSON, or
the text as a JSON string). A non-2xx answer fails with SignetHttpError. --include prints
{status, headers, data} instead.
Without --auth, the scheme comes from the credential flags on the command line, else
from the environment in this order: hmac (SIGNET_KEY_ID + SIGNET_SECRET), dataflux
(SIGNET_AK_ID + SIGNET_AK_SECRET), jitai (SIGNET_ACCESS_KEY + SIGNET_ACCESS_SECRET),
bearer (SIGNET_TOKEN), fixed (SIGNET_FIXED_NAME + SIGNET_FIXED_VALUE). --auth none
sends no credentials. JitAi responses are not verified here: use \`signet call\`.`,
  flags: [
    { name: 'data', value: 'JSON|@file|@-', help: 'JSON body' },
    { name: 'header', value: "'Name: value'", multiple: true, help: 'extra header (repeatable)' },
    { name: 'include', help: 'print {status, headers, data}' },
    ...AUTH_FLAGS,
    ...HMAC_FLAGS,
    ...CLIENT_FLAGS,
  ],
  positionals: { min: 2, max: 2, names: '<METHOD> <url>' },
  examples: [
    'signet request GET https://api.example.com/orders/1 --auth bearer --token "$TOKEN"',
    `signet request POST http://localhost:8088/api/v1/func/demo__main.hello --auth dataflux --ak-id ak --ak-secret sk --data '{"kwargs":{}}'`,
  ],
  async run(ctx) {
    const [method, target] = ctx.parsed.positionals as [string, string];
    const url = absoluteUrl(target);
    const resolved = resolveCredentials(ctx.parsed, ctx.io, ctx.masker);
    const given = ctx.flag('auth');
    const kind =
      given === undefined
        ? inferAuthKind(resolved, ['hmac', 'dataflux', 'jitai', 'bearer', 'fixed'])
        : authKind(given);
    if (kind === undefined) {
      throw new SignetConfigError(
        'no credentials: give the flags of one scheme (see signet request --help), or --auth none for an unsigned request',
      );
    }
    const { accessKey, akId, keyId } = resolved.creds;
    const auth = maskedAuth(buildAuth(kind, resolved.creds, hmacOptions(ctx.parsed)), ctx.masker, [
      accessKey,
      akId,
      keyId,
    ]);
    const client = createClient({
      ...clientOptions(ctx),
      baseUrl: `${url.origin}/`,
      env: false,
      ...(auth === undefined ? {} : { auth }),
    });
    const data = ctx.flag('data');
    const json =
      data === undefined ? undefined : parseDataValue(await readText(data, '--data', ctx.io));
    const headers = parseHeaders(ctx.parsed.flags.get('header'));
    headers.forEach((value, name) => {
      if (CREDENTIAL_HEADER.test(name)) ctx.masker.add(value);
    });
    const response = await client.request(method, url.pathname + url.search, {
      ...callOptions(ctx),
      ...(json === undefined ? {} : { json }),
      headers,
    });
    ctx.print(ctx.parsed.flags.has('include') ? response : response.data);
  },
};

/** Extra headers that look like credentials get their values masked in the output. */
const CREDENTIAL_HEADER = /auth|token|key|secret|pass|cookie|sign/i;

function absoluteUrl(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new SignetConfigError('<url> must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SignetConfigError(`<url> must be http: or https:, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new SignetConfigError('<url> must not hold credentials: use the auth flags');
  }
  return url;
}

function parseHeaders(values: string | string[] | true | undefined): Headers {
  const headers = new Headers();
  for (const line of Array.isArray(values) ? values : []) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new SignetConfigError("--header must look like 'Name: value'");
    }
    try {
      headers.append(name, line.slice(colon + 1).trim());
    } catch {
      throw new SignetConfigError(`--header ${name}: the value is not a valid header value`);
    }
  }
  return headers;
}
