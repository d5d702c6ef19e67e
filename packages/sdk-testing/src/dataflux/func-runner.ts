import { exceedsJsonDepth } from '@signet/sdk-core/internal';
import { recursionError } from '../core/python-json.js';
import { DATAFLUX_ERRORS, type DataFluxErrorKind } from './envelope.js';

/** A function's outcome: its value, or the server's 599 error for it. */
export type FuncOutcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      kind: DataFluxErrorKind;
      message: string;
      detail: { exception: string; traceback: string };
    };

/**
 * Runs a function as the worker would: a throw is `EFuncFailed` "Func task failed", a
 * run longer than `timeoutMs` is `EFuncTimeout` "Func task timeout", both with detail
 * `{exception, traceback}` (the server's own messages).
 */
export async function runFunc(
  name: string,
  call: () => unknown,
  timeoutMs: number | undefined,
): Promise<FuncOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    if (timeoutMs !== undefined) timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const value = await Promise.race([Promise.resolve().then(call), timeout]);
    if (value === 'timeout' && timeoutMs !== undefined) {
      return failure(
        DATAFLUX_ERRORS.funcTimeout,
        'Func task timeout',
        name,
        'TimeoutError',
        `Func ran longer than ${timeoutMs} ms`,
      );
    }
    // The worker's json.dumps of the result raises past Python's recursion limit.
    if (exceedsJsonDepth(value)) throw recursionError();
    return { ok: true, value };
  } catch (error) {
    const type = error instanceof Error ? error.name : 'Exception';
    const message = error instanceof Error ? error.message : String(error);
    return failure(DATAFLUX_ERRORS.funcFailed, 'Func task failed', name, type, message);
  } finally {
    clearTimeout(timer);
  }
}

function failure(
  kind: DataFluxErrorKind,
  message: string,
  name: string,
  type: string,
  text: string,
): FuncOutcome {
  const exception = `${type}(${pyRepr(text)})`;
  const traceback = `Traceback (most recent call last):\n  File "<emulator>", line 1, in ${name}\n${type}: ${text}\n`;
  return { ok: false, kind, message, detail: { exception, traceback } };
}

/** A string as Python's repr() quotes it (single quotes unless the text has one). */
function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}
