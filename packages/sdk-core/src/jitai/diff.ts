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
 * Compares signet's masked paramStr (`jitaiParamStr(args, { …, masked: true })`) with the
 * one the server returned in `respExtraData.apiAuthDebug.paramStr` and shows the first
 * difference with context. Pass masked strings: a joined paramStr cannot be masked
 * afterwards (a secret may hold `&` and `=`, an arg value may hold `&secret=`), which is
 * why the server and signet both mask the secret's part before joining.
 */
export function diffParamStr(ours: string, theirs: string): ParamStrDiff {
  if (ours === theirs) return { identical: true };
  const n = Math.min(ours.length, theirs.length);
  let index = 0;
  while (index < n && ours.charCodeAt(index) === theirs.charCodeAt(index)) index++;
  return { identical: false, index, ours: around(ours, index), theirs: around(theirs, index) };
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
