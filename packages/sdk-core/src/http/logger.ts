import { SignetConfigError } from '../errors.js';

/**
 * Where signet logs: `console` fits, and so do pino, winston and most loggers (four
 * methods taking a message and data).
 */
export interface Logger {
  /** Every attempt in detail. */
  debug(message: string, ...data: unknown[]): void;
  /** One line per call. */
  info(message: string, ...data: unknown[]): void;
  /** Retries and re-sends. */
  warn(message: string, ...data: unknown[]): void;
  /** Calls that failed. */
  error(message: string, ...data: unknown[]): void;
}

/**
 * What is logged, from the most to the least: `debug` every attempt's request and answer
 * (headers and body excerpts, credentials masked); `info` one line per call; `warn`
 * retries and re-sends; `error` calls that failed; `off` nothing.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** The names `logLevel` and `SIGNET_LOG` accept, least to most severe. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/** A logger that writes what reaches its level and never throws into a call. */
export interface LevelLogger {
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
  log(level: Exclude<LogLevel, 'off'>, message: string, data?: unknown): void;
}

/** The `logger` and `logLevel` options, checked (default level `warn`). */
export function normalizeLogger(
  logger: Logger | undefined,
  level: LogLevel | undefined,
): LevelLogger | undefined {
  if (level !== undefined && !LOG_LEVELS.includes(level)) {
    throw new SignetConfigError(
      `logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`,
    );
  }
  if (logger === undefined) return undefined;
  const methods = ['debug', 'info', 'warn', 'error'] as const;
  if (
    logger === null ||
    typeof logger !== 'object' ||
    methods.some((m) => typeof logger[m] !== 'function')
  ) {
    throw new SignetConfigError(
      'logger must have debug, info, warn and error methods (console fits)',
    );
  }
  const threshold = LOG_LEVELS.indexOf(level ?? 'warn');
  if (threshold === LOG_LEVELS.indexOf('off')) return undefined;
  return {
    enabled: (at) => LOG_LEVELS.indexOf(at) >= threshold,
    log(at, message, data) {
      if (LOG_LEVELS.indexOf(at) < threshold) return;
      try {
        if (data === undefined) logger[at](message);
        else logger[at](message, data);
      } catch {
        // A logger must never turn a result into a failure.
      }
    },
  };
}
