/**
 * Sorts strings in place by UTF-16 code units, the order of JS's default `sort()` and of
 * `<` on strings: RFC 8785 member order, and DataFlux's `jsonDumps` key order. Unlike
 * Python's code-point order (see codepoint.ts), it puts `😀` before `～`.
 */
export function sortByCodeUnits(keys: string[]): string[] {
  if (keys.length > 32) return keys.sort();
  // Insertion sort: JSON objects are small, and it saves sort()'s generic comparisons.
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
