import { sortByCodePoint } from './codepoint.js';
import { quoteJsonString } from './quote.js';

/** An object's keys in the order pyJsonDumps writes them, each quoted with its colon. */
export interface ObjectShape {
  /** The keys as Object.keys returned them. */
  readonly keys: readonly string[];
  /** The same keys sorted by code point. */
  readonly sorted: readonly string[];
  /** `"key":` for each sorted key. */
  readonly quoted: readonly string[];
}

// The same shapes come back call after call (an API's argument and result objects, the
// items of an array). Object.keys hands back the same key strings in the same order for
// objects of one shape, so checking them against the shapes seen before with that first
// key costs n string comparisons, where sorting and quoting costs ~n²/4 code-point
// comparisons and n string allocations. Bounded: a few shapes per first key, small shapes
// of short keys only, and the cache starts over when full.
const shapes = /* @__PURE__ */ new Map<string, ObjectShape[]>();
const MAX_FIRST_KEYS = 1024;
const SHAPES_PER_FIRST_KEY = 4;
const MAX_CACHED_KEYS = 64;
const MAX_CACHED_KEY_LENGTH = 64;

/** The sorted, quoted keys of an object (non-empty `keys`); null if a key has a lone surrogate. */
export function objectShape(keys: string[]): ObjectShape | null {
  const n = keys.length;
  const first = keys[0]!;
  const known = shapes.get(first);
  if (known !== undefined) {
    for (let s = 0; s < known.length; s++) {
      const candidate = known[s]!;
      const cachedKeys = candidate.keys;
      if (cachedKeys.length !== n) continue;
      let i = 1;
      while (i < n && cachedKeys[i] === keys[i]) i++;
      if (i === n) return candidate;
    }
  }
  const shape = buildShape(keys);
  if (
    shape !== null &&
    n <= MAX_CACHED_KEYS &&
    keys.every((k) => k.length <= MAX_CACHED_KEY_LENGTH)
  ) {
    remember(first, known, shape);
  }
  return shape;
}

function remember(first: string, known: ObjectShape[] | undefined, shape: ObjectShape): void {
  if (known === undefined) {
    if (shapes.size >= MAX_FIRST_KEYS) shapes.clear();
    shapes.set(first, [shape]);
  } else {
    if (known.length >= SHAPES_PER_FIRST_KEY) known.pop();
    known.unshift(shape);
  }
}

function buildShape(keys: string[]): ObjectShape | null {
  const sorted = sortByCodePoint(keys.slice());
  const quoted: string[] = [];
  for (const key of sorted) {
    const text = quoteJsonString(key);
    if (text === null) return null;
    quoted.push(`${text}:`);
  }
  return { keys, sorted, quoted };
}
