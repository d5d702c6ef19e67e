// How Node shows a SignetError in console.log, the REPL and test runners. sdk-core stays
// free of node:*, so the presentation lives here; the redaction it relies on is sdk-core's
// (an error leaves a call with every field already masked).
import { type InspectOptions, inspect } from 'node:util';
import { SignetError } from '@signet/sdk-core';

const custom = Symbol.for('nodejs.util.inspect.custom');

/**
 * `util.inspect` of a SignetError: its stack, then the fields `toJSON` writes (`Headers`
 * as an object, bigints as strings; the undefined ones left out), then its cause. One surface for logs,
 * JSON and the console, so what redaction checked is all that is shown.
 */
export function inspectSignetError(
  error: SignetError,
  depth: number,
  options: InspectOptions,
): string {
  const head = typeof error.stack === 'string' ? error.stack : `${error.name}: ${error.message}`;
  if (depth < 0) return `[${error.name}: ${error.message}]`;
  const { name: _name, message: _message, ...all } = error.toJSON();
  const fields = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  const nested = { ...options, depth: options.depth == null ? options.depth : depth - 1 };
  const parts = [head];
  if (Object.keys(fields).length > 0) parts.push(inspect(fields, nested));
  const { cause } = error as { cause?: unknown };
  if (cause !== undefined) parts.push(`[cause]: ${inspect(cause, nested).replace(/\n/g, '\n  ')}`);
  return parts.join(' ');
}

Object.defineProperty(SignetError.prototype, custom, {
  value(this: SignetError, depth: number, options: InspectOptions) {
    return inspectSignetError(this, depth, options);
  },
  configurable: true,
  writable: true,
});
