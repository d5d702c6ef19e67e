import {
  type CallRecord,
  type ClientOptions,
  DEFAULT_MAX_RESPONSE_BYTES,
  type RequestOptions,
  SignetConfigError,
} from '@signet/sdk-core';
import { type FlagSpec, flagValue, type ParsedArgs } from './args.js';
import { type CliIo, formatJson, type Masker } from './output.js';

/** What a command gets to run with. */
export interface CommandContext {
  parsed: ParsedArgs;
  io: CliIo;
  masker: Masker;
  /** Prints a result as JSON on stdout, secrets masked. */
  print(value: unknown): void;
  /** A string flag: the command line, then its environment variable. */
  flag(name: string): string | undefined;
}

export interface Command {
  name: string;
  /** One line for `signet --help`. */
  summary: string;
  /** The synopsis after `signet `. */
  usage: string;
  /** Paragraphs shown by `signet <command> --help`. */
  description: string;
  flags: readonly FlagSpec[];
  /** How many positionals the command takes. */
  positionals: { min: number; max: number; names: string };
  examples: readonly string[];
  run(ctx: CommandContext): Promise<void>;
}

/** Flags of every command that sends requests. */
export const CLIENT_FLAGS: readonly FlagSpec[] = [
  { name: 'timeout', value: 'MS', help: 'timeout per attempt in ms (default 30000)' },
  { name: 'total-timeout', value: 'MS', help: 'timeout of the whole call, every retry included' },
  { name: 'retry', value: 'N', help: 'retries of idempotent requests (default 2)' },
  {
    name: 'idempotent',
    help: 'this call is safe to repeat: retry it like a GET (JitAi/DataFlux calls are POSTs)',
  },
  {
    name: 'redirect',
    value: 'error|same-origin',
    help: 'a 3xx fails (default), or is followed within the origin, re-signed',
  },
  {
    name: 'max-response-bytes',
    value: 'N',
    help: `largest body read (default ${DEFAULT_MAX_RESPONSE_BYTES})`,
  },
  {
    name: 'allow-insecure-http',
    help: 'allow credentials over plain http to a non-loopback host',
  },
  { name: 'verbose', help: 'print the call record (secret-free) on stderr' },
];

/** Client options from `CLIENT_FLAGS`; `--verbose` reports every call on stderr. */
export function clientOptions(ctx: CommandContext): Partial<ClientOptions> {
  const out: Partial<ClientOptions> = {};
  const timeout = ctx.flag('timeout');
  if (timeout !== undefined) out.timeout = integerFlag('timeout', timeout, 1);
  const total = ctx.flag('total-timeout');
  if (total !== undefined) out.totalTimeout = integerFlag('total-timeout', total, 1);
  const retry = ctx.flag('retry');
  if (retry !== undefined) out.retry = integerFlag('retry', retry, 0);
  const redirect = ctx.flag('redirect');
  if (redirect !== undefined) {
    if (redirect !== 'error' && redirect !== 'same-origin') {
      throw new SignetConfigError('--redirect must be error or same-origin');
    }
    out.redirect = redirect;
  }
  const maxBytes = ctx.flag('max-response-bytes');
  if (maxBytes !== undefined) {
    out.maxResponseBytes = integerFlag('max-response-bytes', maxBytes, 1);
  }
  if (ctx.parsed.flags.has('allow-insecure-http')) out.allowInsecureHttp = true;
  if (ctx.parsed.flags.has('verbose')) {
    out.onCall = (record: CallRecord) => ctx.io.stderr(`${ctx.masker.mask(formatJson(record))}\n`);
  }
  return out;
}

/** Per-call options from `CLIENT_FLAGS`: `--idempotent`. */
export function callOptions(ctx: CommandContext): RequestOptions {
  return ctx.parsed.flags.has('idempotent') ? { idempotent: true } : {};
}

/** A non-negative decimal integer flag (`--timestamp`, `--now`, `--timeout`). */
export function integerFlag(name: string, value: string, min = 0): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new SignetConfigError(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  }
  return n;
}

/** The command's flag specs by name, for `CommandContext.flag`. */
export function contextFor(
  command: Command,
  parsed: ParsedArgs,
  io: CliIo,
  masker: Masker,
): CommandContext {
  const specs = new Map(command.flags.map((spec) => [spec.name, spec]));
  return {
    parsed,
    io,
    masker,
    print: (value) => io.stdout(`${masker.mask(formatJson(value))}\n`),
    flag(name) {
      const spec = specs.get(name);
      if (!spec) throw new Error(`internal: ${command.name} has no flag --${name}`);
      return flagValue(parsed, spec, io.env);
    },
  };
}
