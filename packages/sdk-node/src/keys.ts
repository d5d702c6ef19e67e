import { type RandomSource, secureRandom, toHex } from '@signet/sdk-core';

/**
 * A new JitAi accessSecret: 38 lower-case hex characters from the CSPRNG.
 *
 * The format follows the platform's own secrets as they appear in the conformance vectors
 * (generated against JitAi's SDK): `44eb2b0bf8db45baa37f489017ca942eefe9e9` and
 * `c58929c718f844abaaae2461ea1b2ff8024a96` are both 38 lower-case hex characters whose
 * first 32 are a UUID v4 in hex — character 13 is the version `4` and character 17 the
 * variant (`a`, one of 8/9/a/b) in both, a 1-in-4096 coincidence otherwise — followed by
 * 6 more hex characters. signet writes the same layout: 16 random bytes with the UUID v4
 * version and variant bits set, then 3 random bytes (146 random bits in all).
 */
export function generateAccessSecret(random: RandomSource = secureRandom): string {
  const uuid = random(16);
  const tail = random(3);
  if (uuid.length !== 16 || tail.length !== 3) {
    throw new RangeError('generateAccessSecret: the random source returned the wrong length');
  }
  uuid[6] = (uuid[6]! & 0x0f) | 0x40; // version 4
  uuid[8] = (uuid[8]! & 0x3f) | 0x80; // RFC 4122 variant
  return toHex(uuid) + toHex(tail);
}

/** What {@link checkAccessKey} found. */
export type AccessKeyCheck = { ok: true } | { ok: false; problem: string };

const ACCESS_KEY = /^[A-Za-z0-9]{8,32}$/;

/**
 * Checks an accessKey against JitAi's rule: 8 to 32 characters, each an ASCII letter or
 * digit. The problem names what is wrong (length, or the first character not allowed).
 */
export function checkAccessKey(accessKey: string): AccessKeyCheck {
  if (typeof accessKey !== 'string') return { ok: false, problem: 'accessKey is not a string' };
  if (ACCESS_KEY.test(accessKey)) return { ok: true };
  const chars = [...accessKey];
  const bad = chars.findIndex((c) => !/^[A-Za-z0-9]$/.test(c));
  if (bad >= 0) {
    return {
      ok: false,
      problem: `accessKey character ${bad + 1} (${JSON.stringify(chars[bad])}) is not an ASCII letter or digit: use 8 to 32 letters or digits`,
    };
  }
  return {
    ok: false,
    problem: `accessKey is ${chars.length} characters long: use 8 to 32 letters or digits`,
  };
}
