import { maskJitaiParamStr } from './param-str.js';

/** Where two paramStrs first differ (see {@link diffParamStr}). */
export interface ParamStrDiff {
  identical: boolean;
  /** UTF-16 index of the first difference. */
  index?: number;
  /** Up to ~20 characters either side of the difference, in ours and theirs. */
  ours?: string;
  theirs?: string;
}

const CONTEXT = 20;

/**
 * Compares signet's masked paramStr with the one the server returned in
 * `respExtraData.apiAuthDebug.paramStr` and shows the first difference with context.
 * Both strings are masked again first, so a secret can never reach the output even if an
 * unmasked paramStr is passed by mistake.
 */
export function diffParamStr(ours: string, theirs: string): ParamStrDiff {
  const a = maskJitaiParamStr(ours);
  const b = maskJitaiParamStr(theirs);
  if (a === b) return { identical: true };
  const n = Math.min(a.length, b.length);
  let index = 0;
  while (index < n && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return { identical: false, index, ours: around(a, index), theirs: around(b, index) };
}

/** The text around `index`, widened so no surrogate pair is cut in half. */
function around(s: string, index: number): string {
  let start = Math.max(0, index - CONTEXT);
  let end = Math.min(s.length, index + CONTEXT);
  if (start > 0 && isLow(s.charCodeAt(start))) start--;
  if (end < s.length && isLow(s.charCodeAt(end))) end++;
  return s.slice(start, end);
}

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
