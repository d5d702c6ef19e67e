import { SignetDecodeError } from '../errors.js';
import { MAX_JSON_DEPTH } from './limits.js';
import { type LosslessJson, LosslessNumber } from './lossless-number.js';
import { pathSegment } from './path.js';

export {
  createLosslessObject,
  isLosslessObject,
  type LosslessJson,
  LosslessNumber,
  type LosslessObject,
} from './lossless-number.js';
export { type LosslessParseOptions, parseLossless } from './lossless-parse.js';

/** How integers beyond ±(2^53−1) come out of {@link losslessToValue}. */
export type BigIntMode = 'bigint' | 'string' | 'number';

/** Options of {@link losslessToValue}. */
export interface LosslessToValueOptions {
  /**
   * Integers beyond ±(2^53−1): `bigint` (default, exact), `string` (exact digits) or
   * `number` (rounded, as `JSON.parse` would).
   */
  bigint?: BigIntMode;
}

const MAX_SAFE_DIGITS = 15; // every integer of at most 15 digits is below 2^53
const MAX_SAFE: bigint = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Turns a lossless tree into ordinary JS values: numbers become `number`s, except
 * integers beyond ±(2^53−1) (see {@link LosslessToValueOptions.bigint}). Float lexemes
 * that overflow (`1e400`) become ±Infinity, as in Python; the int lexeme `-0` becomes 0.
 * Objects become plain objects; a `__proto__` key is stored as an own data property.
 * A tree nested deeper than 1000 levels (MAX_JSON_DEPTH, which {@link parseLossless}
 * never exceeds) is refused with a SignetDecodeError naming the path.
 */
export function losslessToValue(tree: LosslessJson, options: LosslessToValueOptions = {}): unknown {
  const mode = options.bigint ?? 'bigint';
  if (mode !== 'bigint' && mode !== 'string' && mode !== 'number') {
    throw new RangeError(`losslessToValue: bigint must be 'bigint', 'string' or 'number'`);
  }
  try {
    return convert(tree, mode, 0);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    let path = 'value';
    for (let i = error.segments.length - 1; i >= 0; i--) path += pathSegment(error.segments[i]!);
    throw new SignetDecodeError(
      `${path} is nested deeper than ${MAX_JSON_DEPTH} levels (MAX_JSON_DEPTH)`,
    );
  }
}

/** A tree beyond MAX_JSON_DEPTH; its path is collected (innermost first) on the way up. */
class TooDeep {
  readonly segments: (string | number)[] = [];
}

function convert(tree: LosslessJson, mode: BigIntMode, depth: number): unknown {
  if (typeof tree !== 'object' || tree === null) return tree;
  if (tree instanceof LosslessNumber) return numberValue(tree, mode);
  if (depth >= MAX_JSON_DEPTH) throw new TooDeep();
  if (Array.isArray(tree)) {
    const out = new Array<unknown>(tree.length);
    let i = 0;
    try {
      for (; i < tree.length; i++) out[i] = convert(tree[i]!, mode, depth + 1);
    } catch (error) {
      throw within(error, i);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tree)) {
    let value: unknown;
    try {
      value = convert(tree[key]!, mode, depth + 1);
    } catch (error) {
      throw within(error, key);
    }
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      out[key] = value;
    }
  }
  return out;
}

function numberValue(n: LosslessNumber, mode: BigIntMode): number | bigint | string {
  const lexeme = n.lexeme;
  if (!n.isInteger) return Number(lexeme);
  const digits = lexeme.charCodeAt(0) === 0x2d ? lexeme.length - 1 : lexeme.length;
  if (digits <= MAX_SAFE_DIGITS) return Number(lexeme) || 0; // `|| 0` turns -0 into 0
  const big = BigInt(lexeme);
  if (big <= MAX_SAFE && big >= -MAX_SAFE) return Number(big);
  if (mode === 'bigint') return big;
  return mode === 'string' ? lexeme : Number(lexeme);
}

function within(error: unknown, segment: string | number): unknown {
  if (error instanceof TooDeep) error.segments.push(segment);
  return error;
}
