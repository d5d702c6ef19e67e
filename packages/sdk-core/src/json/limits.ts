/**
 * The deepest nesting of arrays and objects signet writes or reads: about Python's own
 * recursion limit (its `json` stops near 996), and far below what would overflow a JS
 * stack. One number for every writer and the lossless reader, so a value signet accepts
 * to send is one it would accept to read back.
 *
 * How depth is counted, the same way by every writer and reader: the top-level array or
 * object of a JSON text is at depth 1, each container inside it one deeper; scalars add
 * nothing. `[[1]]` has depth 2, `1` depth 0. A text or value of depth 1000 passes, 1001
 * is refused. Where a value is written inside a container signet adds (a JitAi arg
 * inside the args object), it counts from that container: the value of `{ a: v }` starts
 * at depth 2, exactly as in the JSON text sent.
 */
export const MAX_JSON_DEPTH = 1000;

/** The problem every writer reports for a container beyond {@link MAX_JSON_DEPTH}. */
export const TOO_DEEP: string = `is nested deeper than ${MAX_JSON_DEPTH} levels (MAX_JSON_DEPTH)`;

/**
 * Whether `value` holds arrays or objects nested deeper than `limit` (depth counted as
 * above). Iterative, so any depth is answered without touching the call stack (a cycle
 * counts as too deep).
 */
export function exceedsJsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const item = stack.pop() as object;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
