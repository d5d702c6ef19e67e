import { VERSION } from '@signet/sdk-core';
import type { FlagSpec } from './args.js';
import type { Command } from './command.js';

/** Exit status: success. */
export const EXIT_OK = 0;
/** Exit status: the call, check or generation failed (any error but a usage error). */
export const EXIT_FAILURE = 1;
/** Exit status: nothing was sent or written — the command line or its inputs are wrong (SignetConfigError). */
export const EXIT_USAGE = 2;

/** `signet --help`. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `signet ${VERSION}: call signature-protected APIs (JitAi, DataFlux Func, timestamp+HMAC)

Usage: signet <command> [flags]     signet <command> --help

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Credentials (and the base URL) come from flags, else from the JSON file named by
--credentials (mode 600), else from SIGNET_* environment variables (SIGNET_BASE_URL,
SIGNET_ACCESS_KEY, SIGNET_ACCESS_SECRET, SIGNET_AK_ID, SIGNET_AK_SECRET, SIGNET_KEY_ID,
SIGNET_SECRET, SIGNET_TOKEN, SIGNET_USER, SIGNET_PASSWORD, SIGNET_FIXED_IN/NAME/VALUE),
else from the file named by SIGNET_CREDENTIALS_FILE.
Prefer the environment or a file to secret flags: flags show up in \`ps\` and shell history.

Results are printed as JSON on stdout; failures as "<ErrorName>: <message>" on stderr.
Secrets are masked as *** in everything signet prints.
Exit status: 0 success, 1 the call or check failed, 2 usage error (nothing was sent).
`;
}

/** `signet <command> --help`. */
export function commandHelp(command: Command): string {
  const flags = command.flags.map((spec) => [flagSynopsis(spec), flagDescription(spec)] as const);
  const width = Math.min(34, Math.max(...flags.map(([left]) => left.length), 10));
  const lines = flags.map(([left, right]) =>
    left.length > width
      ? `  ${left}\n  ${' '.repeat(width)}  ${right}`
      : `  ${left.padEnd(width)}  ${right}`,
  );
  return `Usage: signet ${command.usage}

${command.description}

Flags:
${lines.join('\n')}
  ${'-h, --help'.padEnd(width)}  show this help

Examples:
${command.examples.map((e) => `  ${e}`).join('\n')}
`;
}

function flagSynopsis(spec: FlagSpec): string {
  return spec.value === undefined ? `--${spec.name}` : `--${spec.name} ${spec.value}`;
}

function flagDescription(spec: FlagSpec): string {
  return spec.env === undefined ? spec.help : `${spec.help} [env ${spec.env}]`;
}
