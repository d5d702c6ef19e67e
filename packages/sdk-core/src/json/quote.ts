/**
 * A string as Python's `json.dumps(..., ensure_ascii=False)` writes it, or null when it
 * holds a lone surrogate (the peer could not encode it as UTF-8 to hash it).
 *
 * Python escapes `"` `\` `\b \f \n \r \t` and writes other characters below U+0020 as
 * `\u00xx` (lower-case hex); everything else, U+007F, U+2028/2029 and astral characters
 * included, goes in raw. That is exactly `JSON.stringify` for a well-formed string, so
 * the rare strings that need escaping go through the native implementation.
 */
export function quoteJsonString(s: string): string | null {
  // One native regex scan: a charCodeAt loop turns slow as soon as it has seen strings of
  // several representations (one-byte, two-byte, sliced from a parsed text...).
  if (!needsCare.test(s)) return `"${s}"`;
  return isWellFormed(s) ? JSON.stringify(s) : null;
}

const needsCare = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** True when `s` has no lone surrogate (what `String.prototype.isWellFormed` says, ES2024). */
export function isWellFormed(s: string): boolean {
  if (!surrogate.test(s)) return true;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const next = s.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}

const surrogate = /[\ud800-\udfff]/;
