import { pathSegment } from './path.js';

/**
 * Why pyJsonDumps cannot write a value. Thrown (not an Error: no stack to capture) and
 * completed while the stack unwinds, each level adding its key, so the happy path carries
 * no path bookkeeping at all.
 */
export class Refusal {
  /** Keys and indexes from the refused value up to the root (reverse order). */
  readonly segments: (string | number)[] = [];
  /** The containers holding the refused value, innermost first. */
  readonly ancestors: object[] = [];

  constructor(
    readonly problem: string,
    /** A container refused for its depth: a cycle, or a genuinely deep value. */
    readonly deepValue?: object,
  ) {}

  /** `label.items[3].price is NaN: …`, naming the first place a cycle closes. */
  describe(label: string): string {
    const segments = this.segments.slice().reverse();
    let depth = segments.length;
    let problem = this.problem;
    if (this.deepValue !== undefined) {
      const chain = [...this.ancestors.slice().reverse(), this.deepValue];
      const first = chain.findIndex((c, i) => chain.indexOf(c) < i);
      if (first !== -1) {
        problem = 'is a circular reference';
        depth = first;
      }
    }
    let path = label;
    for (let d = 0; d < depth; d++) path += pathSegment(segments[d]!);
    return `${path} ${problem}`;
  }
}

/** Adds one level of path to a refusal on its way up; other errors pass untouched. */
export function within(error: unknown, segment: string | number, container: object): unknown {
  if (error instanceof Refusal) {
    error.segments.push(segment);
    error.ancestors.push(container);
  }
  return error;
}

export function notPlain(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  const what = typeof name === 'string' && name !== '' ? name : 'non-plain object';
  if (value instanceof Map || value instanceof Set) {
    return `is a ${what}: convert it to a plain object or array (JSON.stringify would write {})`;
  }
  return `is an instance of ${what}: pass a plain object or array, or give it a toJSON() method`;
}

export function loneSurrogate(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    const unit = c.toString(16).toUpperCase();
    return `contains a lone surrogate (U+${unit} at index ${i}): it cannot be sent as UTF-8`;
  }
  return 'contains a lone surrogate';
}
