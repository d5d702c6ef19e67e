import { SignetConfigError, verifyJitaiResponse } from '@signet/sdk-core';
import { CREDENTIAL_ENV } from '../../credentials.js';
import { nodeCrypto } from '../../node-crypto.js';
import { AUTH_FLAGS, resolveCredentials } from '../auth-flags.js';
import { type Command, integerFlag } from '../command.js';
import { readText } from '../input.js';

export const verifyResponseCommand: Command = {
  name: 'verify-response',
  summary: 'verify a signed JitAi response envelope and print its result',
  usage: 'verify-response --profile jitai --access-secret S [--now MS] < envelope.json',
  description: `Reads a whole JitAi response envelope ({"errcode":0,…,"data":{"data":…,"timestamp":…,
"accessSign":…}}) from standard input, or from FILE, checks its timestamp (within
--window-ms of --now, default 300000 ms of the current time) and its accessSign exactly
as the official client does, and prints the result (data.data). A bad or stale
signature fails with SignetSignatureError; an errcode other than 0 with SignetApiError.`,
  flags: [
    { name: 'profile', value: 'jitai', help: 'the response profile (only jitai signs responses)' },
    { name: 'now', value: 'MS', help: "the verifier's clock, Unix ms (default: now)" },
    { name: 'window-ms', value: 'MS', help: 'allowed |now − timestamp| (default 300000)' },
    ...AUTH_FLAGS.filter((spec) => spec.name === 'access-secret' || spec.name === 'credentials'),
  ],
  positionals: { min: 0, max: 1, names: '[FILE]' },
  examples: [
    'curl -s … | signet verify-response --profile jitai --access-secret "$S"',
    'signet verify-response --profile jitai --now 1764147831853 envelope.json',
  ],
  async run(ctx) {
    const profile = ctx.flag('profile') ?? 'jitai';
    if (profile !== 'jitai') {
      throw new SignetConfigError(
        '--profile must be jitai: the other profiles do not sign responses this way',
      );
    }
    const { creds } = resolveCredentials(ctx.parsed, ctx.io, ctx.masker);
    const secret = creds.accessSecret;
    if (secret === undefined) {
      throw new SignetConfigError(
        `--access-secret is required (or ${CREDENTIAL_ENV.accessSecret})`,
      );
    }
    const file = ctx.parsed.positionals[0];
    if ((file === undefined || file === '-') && ctx.io.stdinIsTTY) {
      throw new SignetConfigError('pipe the envelope on standard input, or name a FILE');
    }
    const text = await readText(
      file === undefined || file === '-' ? '@-' : `@${file}`,
      'FILE',
      ctx.io,
    );
    const now = ctx.flag('now');
    const windowMs = ctx.flag('window-ms');
    ctx.print(
      verifyJitaiResponse(text, {
        secret,
        crypto: nodeCrypto,
        ...(now === undefined ? {} : { now: integerFlag('now', now) }),
        ...(windowMs === undefined ? {} : { windowMs: integerFlag('window-ms', windowMs) }),
      }),
    );
  },
};
