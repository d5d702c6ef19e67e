import { pythonJsonText } from '../core/python-json.js';

/** Per-request fields of every JitAi envelope. */
export interface EnvelopeMeta {
  requestId: string;
  sysTime: number;
  duration: number;
  ensureAscii: boolean;
}

/** What a traceBack entry of an element exception looks like (seed failure response). */
export interface TraceBackEntry {
  filePath: string;
  lineNumber: number;
  funcName: string;
  errorMsg?: string;
}

/**
 * A JitAi envelope as the platform writes it: `{"errcode": …, "errmsg": …, "requestId": …,
 * "sysTime": …, "duration": …, "data": …}` then any extra members, with Python's default
 * `json.dumps` separators.
 */
export function jitaiEnvelopeText(
  meta: EnvelopeMeta,
  errcode: number,
  errmsg: string | null,
  data: unknown,
  extra: Record<string, unknown> = {},
): string {
  return pythonJsonText(
    {
      errcode,
      errmsg,
      requestId: meta.requestId,
      sysTime: meta.sysTime,
      duration: meta.duration,
      data,
      ...extra,
    },
    { ensureAscii: meta.ensureAscii },
  );
}

/** The extra members of an element-exception envelope (seed failure response). */
export function elementExceptionExtra(
  element: string,
  funcName: string,
  errorMsg: string,
): Record<string, unknown> {
  const traceBack: TraceBackEntry[] = [
    { filePath: `${element.replace(/\./g, '/')}.py`, lineNumber: 1, funcName, errorMsg },
    { filePath: '.system.jit.elements.element.py', lineNumber: 33, funcName: 'wrapper' },
  ];
  return { errHandler: 'promptError', traceBack };
}

/** The `jitNodeValid` member the seed's unsigned success response carries. */
export const JIT_NODE_VALID: Record<string, unknown> = {
  valid: true,
  data: { expired: false, willExpired: false, specExceed: false, stopped: false, errorMsg: '' },
};
