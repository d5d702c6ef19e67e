/**
 * Compares two strings in time that depends only on their lengths, never on where they
 * first differ: a signature check must not tell an attacker how many leading characters
 * of a forged signature were right.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return diff === 0;
}
