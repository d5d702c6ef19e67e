/**
 * A JSON number kept as the exact text it was written with. Python decides int versus
 * float by that text (`1` is an int, `1.0` a float) and keeps ints of any size, so a
 * signature computed the way a Python peer computes it needs the lexeme, not a double.
 */
export class LosslessNumber {
  /** The number exactly as written in the JSON text: `1.0`, `-0`, `12345678901234567890`. */
  readonly lexeme: string;
  /** True when Python parses the lexeme as an int: no `.`, `e` or `E` in it. */
  readonly isInteger: boolean;

  /**
   * @param lexeme a JSON number token, or `NaN` / `Infinity` / `-Infinity` (which Python's
   *   json module reads and writes). Throws RangeError for anything else.
   */
  constructor(lexeme: string) {
    if (!trusted && (typeof lexeme !== 'string' || !lexemePattern.test(lexeme))) {
      throw new RangeError(`LosslessNumber: not a JSON number lexeme: ${String(lexeme)}`);
    }
    this.lexeme = lexeme;
    this.isInteger = isIntegerLexeme(lexeme);
  }

  /** The nearest double (`1e400` → Infinity, big ints rounded): for display and math only. */
  valueOf(): number {
    return Number(this.lexeme);
  }

  /** The lexeme exactly as read or given (`1.0` stays `1.0`). */
  toString(): string {
    return this.lexeme;
  }
}

/**
 * A JSON value read without loss: numbers stay `LosslessNumber`s. Objects inherit nothing
 * (their prototype is an empty, frozen object whose own prototype is null), so keys such
 * as `__proto__` or `constructor` are plain data and a missing key reads as `undefined`,
 * never as something inherited from Object.prototype.
 */
export type LosslessJson =
  | null
  | boolean
  | string
  | LosslessNumber
  | LosslessJson[]
  | LosslessObject;

/** A JSON object of a lossless tree (null prototype; see {@link LosslessJson}). */
export interface LosslessObject {
  [key: string]: LosslessJson;
}

/** True for the JSON objects of a lossless tree (not arrays, numbers, strings or null). */
export function isLosslessObject(value: LosslessJson | undefined): value is LosslessObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof LosslessNumber)
  );
}

// Instances of a constructor keep V8's fast property layout, which null-prototype objects
// from Object.create(null) do not (they start as hash maps): about twice as fast to fill
// and to read back, and the parser builds one per JSON object of every response.
const LosslessObjectShape = function LosslessObject() {} as unknown as new () => LosslessObject;
LosslessObjectShape.prototype = Object.freeze(Object.create(null));

/** The prototype of the objects {@link parseLossless} builds. */
export const losslessObjectPrototype: object = LosslessObjectShape.prototype;

/** An empty object of a lossless tree. */
export function createLosslessObject(): LosslessObject {
  return new LosslessObjectShape();
}

const lexemePattern = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|NaN|-?Infinity)$/;

// The parser has already checked every lexeme it builds; re-checking each one with the
// pattern would cost a regex run per number of every response.
let trusted = false;

/** @internal Runs `build` (the parser) with lexeme checking off: it checks lexemes itself. */
export function withTrustedLexemes<T>(build: () => T): T {
  const previous = trusted;
  trusted = true;
  try {
    return build();
  } finally {
    trusted = previous;
  }
}

function isIntegerLexeme(lexeme: string): boolean {
  for (let i = lexeme.length - 1; i >= 0; i--) {
    const c = lexeme.charCodeAt(i);
    // '.', 'e', 'E'; also the letters of NaN / Infinity, which Python reads as floats.
    if (c === 0x2e || c > 0x39) return false;
  }
  return true;
}
