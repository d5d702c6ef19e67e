import { SignetConfigError } from '@signet/sdk-core';
import { checkAccessKey, generateAccessSecret } from '../../keys.js';
import type { Command } from '../command.js';

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'generate a new JitAi accessSecret (and check an accessKey)',
  usage: 'keygen [--access-key KEY]',
  description: `Prints {"accessSecret": …}: 38 lower-case hex characters from the operating system's
CSPRNG, in the layout of the platform's own secrets. With --access-key, first checks the
key against the platform's rule (8 to 32 ASCII letters or digits) and prints the pair
{"accessKey", "accessSecret"}, ready for the API authorization's configuration file; a
key that breaks the rule fails with SignetConfigError (exit 2).
The secret is printed on purpose: store it, then clear your terminal scrollback.`,
  flags: [{ name: 'access-key', value: 'KEY', help: 'an accessKey to check' }],
  positionals: { min: 0, max: 0, names: '' },
  examples: ['signet keygen', 'signet keygen --access-key partnerApp01'],
  async run(ctx) {
    const accessKey = ctx.parsed.flags.get('access-key');
    if (typeof accessKey === 'string') {
      const check = checkAccessKey(accessKey);
      if (!check.ok) throw new SignetConfigError(check.problem);
      ctx.print({ accessKey, accessSecret: generateAccessSecret() });
      return;
    }
    ctx.print({ accessSecret: generateAccessSecret() });
  },
};
