/**
 * Orders strings by Unicode code point, as Python's `sorted` does for `str`.
 *
 * JS's default string order compares UTF-16 code units, which disagrees with code-point
 * order exactly when the first difference puts a surrogate (an astral character such as
 * `😀`) against a unit in U+E000–U+FFFF (such as `～` U+FF5E): JS sorts `😀` first,
 * Python last. Lone surrogates count as their own code point, as in Python.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Below U+D800 unit order is code-point order: the common, fast case.
      if (x < 0xd800 && y < 0xd800) return x - y;
      return compareFrom(a, b, i);
    }
  }
  return a.length - b.length;
}

/** Code-point comparison from the first differing unit `i` (both strings are longer than i). */
function compareFrom(a: string, b: string, i: number): number {
  if (i > 0) {
    const previous = a.charCodeAt(i - 1);
    if (previous >= 0xd800 && previous <= 0xdbff) {
      // The difference may sit in the low half of a pair that started one unit earlier.
      const x = codePointAt(a, i - 1);
      const y = codePointAt(b, i - 1);
      if (x !== y) return x - y;
    }
  }
  return codePointAt(a, i) - codePointAt(b, i);
}

/** The code point starting at unit `i`; a lone surrogate is its own code point. */
function codePointAt(s: string, i: number): number {
  const high = s.charCodeAt(i);
  if (high >= 0xd800 && high <= 0xdbff && i + 1 < s.length) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return high;
}

/** Sorts `keys` in place by code point; insertion sort for the small arrays JSON objects have. */
export function sortByCodePoint(keys: string[]): string[] {
  const n = keys.length;
  if (n > 32) return keys.sort(compareCodePoints);
  for (let i = 1; i < n; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && compareCodePoints(keys[j]!, key) > 0) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * Sorts `keys` in place by code point and moves `values[i]` along with `keys[i]`:
 * insertion sort, for the small arrays JSON objects have.
 */
export function sortEntries(keys: string[], values: unknown[]): void {
  const n = keys.length;
  if (n > 24) {
    sortLargeEntries(keys, values);
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i]!;
    let j = i - 1;
    if (compareCodePoints(keys[j]!, key) <= 0) continue;
    const value = values[i];
    do {
      keys[j + 1] = keys[j]!;
      values[j + 1] = values[j];
      j--;
    } while (j >= 0 && compareCodePoints(keys[j]!, key) > 0);
    keys[j + 1] = key;
    values[j + 1] = value;
  }
}

function sortLargeEntries(keys: string[], values: unknown[]): void {
  const order = keys.map((_, i) => i).sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));
  const sortedKeys = order.map((i) => keys[i]!);
  const sortedValues = order.map((i) => values[i]);
  for (let i = 0; i < keys.length; i++) {
    keys[i] = sortedKeys[i]!;
    values[i] = sortedValues[i];
  }
}
