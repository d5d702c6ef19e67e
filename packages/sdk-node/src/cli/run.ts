import { SignetConfigError, VERSION } from '@signet/sdk-core';
import { CREDENTIAL_ENV, SECRET_FIELDS } from '../credentials.js';
import { nearest, parseArgs } from './args.js';
import { type Command, contextFor } from './command.js';
import { callCommand } from './commands/call.js';
import { debugSignCommand } from './commands/debug-sign.js';
import { genCommand } from './commands/gen.js';
import { keygenCommand } from './commands/keygen.js';
import { requestCommand } from './commands/request.js';
import { verifyResponseCommand } from './commands/verify-response.js';
import { commandHelp, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, mainHelp } from './help.js';
import { type CliIo, Masker } from './output.js';

export const COMMANDS: readonly Command[] = [
  callCommand,
  requestCommand,
  debugSignCommand,
  verifyResponseCommand,
  genCommand,
  keygenCommand,
];

/**
 * Runs one `signet` command line (without the `node signet` part) and resolves to the
 * exit status. Never throws: failures are printed as `<ErrorName>: <message>`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const masker = maskerFor(argv, io.env);
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr(mainHelp(COMMANDS));
      return EXIT_USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = COMMANDS.find((c) => c.name === topic);
      if (topic !== undefined && !command) throw unknownCommand(topic);
      io.stdout(command ? commandHelp(command) : mainHelp(COMMANDS));
      return EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw unknownCommand(name);
    const parsed = parseArgs(rest, command.flags);
    if (parsed.help) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    const count = parsed.positionals.length;
    const { min, max, names } = command.positionals;
    if (count < min || count > max) {
      throw new SignetConfigError(
        max === 0
          ? `signet ${command.name} takes no arguments besides flags (got ${count})`
          : `signet ${command.name} takes ${names} (got ${count} argument${count === 1 ? '' : 's'}); see signet ${command.name} --help`,
      );
    }
    await command.run(contextFor(command, parsed, io, masker));
    return EXIT_OK;
  } catch (error) {
    io.stderr(`${masker.mask(describe(error))}\n`);
    return error instanceof SignetConfigError ? EXIT_USAGE : EXIT_FAILURE;
  }
}

/**
 * Registers every secret in sight before anything is parsed, so even an early usage
 * error cannot print one: the secret SIGNET_* variables and the values of secret flags.
 */
function maskerFor(argv: readonly string[], env: CliIo['env']): Masker {
  const masker = new Masker();
  for (const field of SECRET_FIELDS) masker.add(env[CREDENTIAL_ENV[field]]);
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = argv[i]!.split(/=(.*)/s);
    if (!SECRET_FLAGS.has(flag)) continue;
    masker.add(inline ?? argv[i + 1]);
  }
  return masker;
}

const SECRET_FLAGS = new Set(
  ['access-secret', 'ak-secret', 'secret', 'token', 'password', 'value'].map((f) => `--${f}`),
);

function unknownCommand(name: string): SignetConfigError {
  const names = COMMANDS.map((c) => c.name);
  const shown = name.startsWith('-') ? name.split('=')[0]! : name;
  const near = nearest(shown, names);
  return new SignetConfigError(
    `unknown command "${shown}"${near === undefined ? '' : ` (did you mean ${near}?)`} (commands: ${names.join(', ')}; see signet --help)`,
  );
}

/** `<ErrorName>: <message>`, plus the platform's own message when it adds something. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  let text = `${error.name}: ${error.message}`;
  const platform = (error as { platformMessage?: unknown }).platformMessage;
  if (typeof platform === 'string' && platform !== '' && !error.message.includes(platform)) {
    text += ` (${platform})`;
  }
  return text;
}
