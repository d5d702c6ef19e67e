import { toHex } from './encoding.js';

/** Source of random bytes; injectable so signing steps stay pure under test. */
export type RandomSource = (length: number) => Uint8Array;

/** Cryptographically secure bytes from `crypto.getRandomValues` (every runtime has it). */
export const secureRandom: RandomSource = (length) => {
  if (!Number.isInteger(length) || length < 0 || length > 65536) {
    throw new RangeError(`secureRandom: length must be an integer in [0, 65536], got ${length}`);
  }
  const cryptoObj = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => void } })
    .crypto;
  if (typeof cryptoObj?.getRandomValues !== 'function') {
    throw new Error('secureRandom: crypto.getRandomValues is not available in this runtime');
  }
  const out = new Uint8Array(length);
  cryptoObj.getRandomValues(out);
  return out;
};

/** A random nonce of `bytes` random bytes as lower-case hex (default 16 bytes, 32 chars). */
export function randomHexNonce(bytes = 16, random: RandomSource = secureRandom): string {
  return toHex(random(bytes));
}
