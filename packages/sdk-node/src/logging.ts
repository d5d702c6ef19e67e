import { Console } from 'node:console';
import { LOG_LEVELS, type Logger, type LogLevel, SignetConfigError } from '@signet/sdk-core';
import type { Environment } from './credentials.js';

/** The variable that turns logging on for sdk-node's clients: `debug`…`error`, or `off`. */
export const LOG_ENV = 'SIGNET_LOG';

/**
 * The `logger`/`logLevel` a Node client gets: the options as given; else, when
 * `SIGNET_LOG` is set, a console on standard error (standard output stays the program's)
 * at that level. An explicit `logLevel` wins over the variable.
 */
export function loggingFromEnv(
  options: { logger?: Logger | undefined; logLevel?: LogLevel | undefined },
  env: Environment | undefined,
): { logger?: Logger; logLevel?: LogLevel } {
  const level = levelOf(env?.[LOG_ENV]);
  const logLevel = options.logLevel ?? level;
  const logger = options.logger ?? (level === undefined ? undefined : stderrConsole());
  const out: { logger?: Logger; logLevel?: LogLevel } = {};
  if (logger !== undefined) out.logger = logger;
  if (logLevel !== undefined) out.logLevel = logLevel;
  return out;
}

function levelOf(value: string | undefined): LogLevel | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const level = value.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new SignetConfigError(
      `${LOG_ENV} must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return level as LogLevel;
}

let shared: Logger | undefined;

function stderrConsole(): Logger {
  shared ??= new Console({ stdout: process.stderr, stderr: process.stderr });
  return shared;
}
