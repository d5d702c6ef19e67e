import { type LosslessJson, LosslessNumber, type LosslessObject } from './lossless.js';

// Small readers over lossless trees, for envelope fields.
export { isLosslessObject } from './lossless.js';

export function member(obj: LosslessObject, key: string): LosslessJson | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function asString(value: LosslessJson | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A number member as a JS number (platform codes and times are small). */
export function asNumber(value: LosslessJson | undefined): number | undefined {
  return value instanceof LosslessNumber ? Number(value.lexeme) : undefined;
}

/**
 * A code exactly as sent: a number when it prints back the same (`20005`, `401.14`),
 * else the lexeme (`401.10`), so nothing the server said is rounded away.
 */
export function asCode(value: LosslessJson | undefined): number | string | undefined {
  if (value instanceof LosslessNumber) {
    const n = Number(value.lexeme);
    return String(n) === value.lexeme ? n : value.lexeme;
  }
  return typeof value === 'string' ? value : undefined;
}
