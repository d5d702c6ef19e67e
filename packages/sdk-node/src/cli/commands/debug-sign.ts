import { SignetConfigError } from '@signet/sdk-core';
import { AUTH_FLAGS, HMAC_FLAGS, resolveCredentials } from '../auth-flags.js';
import type { Command } from '../command.js';
import { readText } from '../input.js';
import { dataFluxDebug, hmacDebug, jitaiDebug } from './debug-profiles.js';

const PROFILES = ['jitai', 'dataflux', 'hmac'] as const;
type Profile = (typeof PROFILES)[number];

const CREDENTIALS = new Set([
  'credentials',
  'access-key',
  'access-secret',
  'ak-id',
  'ak-secret',
  'key-id',
  'secret',
]);

export const debugSignCommand: Command = {
  name: 'debug-sign',
  summary: 'show how a request is signed: masked paramStr / stringToSign, sign, headers',
  usage:
    'debug-sign --profile jitai|dataflux|hmac [profile flags] --data JSON [--timestamp N] [--nonce S] [--method M --path P]',
  description: `Computes a signature offline and prints every step, for the day a platform answers
"Authentication failed": compare the output with what your code or the server computed.
  jitai     --access-secret [--access-key] --data JSON [--timestamp MS]
            prints the paramStr with the secret masked (as the server's debug output does).
            The args are read losslessly: 1.0 stays a float, big integers stay exact.
  dataflux  --ak-secret [--ak-id] --path P [--method M] [--data JSON] [--timestamp S] [--nonce N]
            --path is the request target exactly as sent (path and ?query); the body is
            read as the server reads it (JSON.parse) and signed as {} when absent.
  hmac      --key-id --secret --path P [--method M] [--data BODY] [--timestamp T] [--nonce N]
            signet's generic profile; --data is the exact body text.
--timestamp defaults to now (ms for jitai, seconds for dataflux and hmac unless
--timestamp-unit ms); --nonce to a fresh random one; --method to POST.
Send the --data text byte for byte as the body with the printed headers.`,
  flags: [
    { name: 'profile', value: PROFILES.join('|'), help: 'which signing recipe' },
    { name: 'data', value: 'JSON|@file|@-', help: 'the args (jitai) or body' },
    { name: 'timestamp', value: 'N', help: 'fixed timestamp (reproduce a signature)' },
    { name: 'nonce', value: 'S', help: 'fixed nonce (dataflux, hmac)' },
    { name: 'method', value: 'M', help: 'HTTP method (dataflux, hmac; default POST)' },
    { name: 'path', value: 'P', help: 'request target as sent (dataflux, hmac)' },
    ...AUTH_FLAGS.filter((spec) => CREDENTIALS.has(spec.name)),
    ...HMAC_FLAGS,
  ],
  positionals: { min: 0, max: 0, names: '' },
  examples: [
    `signet debug-sign --profile jitai --access-secret "$S" --data '{"orderId":"A-1001"}' --timestamp 1764647507632`,
    'signet debug-sign --profile dataflux --ak-id ak --ak-secret "$S" --method GET --path /api/v1/func-list',
  ],
  async run(ctx) {
    const profile = ctx.flag('profile');
    if (profile === undefined)
      throw new SignetConfigError('--profile is required (jitai, dataflux or hmac)');
    if (!(PROFILES as readonly string[]).includes(profile)) {
      throw new SignetConfigError(`--profile must be one of ${PROFILES.join(', ')}`);
    }
    const { creds } = resolveCredentials(ctx.parsed, ctx.io, ctx.masker);
    const data = ctx.flag('data');
    const text = data === undefined ? undefined : await readText(data, '--data', ctx.io);
    const signers: Record<Profile, () => unknown> = {
      jitai: () => jitaiDebug(ctx, creds, text),
      dataflux: () => dataFluxDebug(ctx, creds, text),
      hmac: () => hmacDebug(ctx, creds, text),
    };
    ctx.print(signers[profile as Profile]());
  },
};
