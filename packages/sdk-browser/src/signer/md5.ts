/**
 * MD5 (RFC 1321) for DataFlux's body hash: WebCrypto has none, and this one block loop
 * is a tenth of the size of a hash library's. Only the protocol's content hash, never a
 * security primitive.
 */

/** ⌊|sin(i + 1)| · 2^32⌋, written out rather than computed: no engine's `Math.sin` is trusted. */
const K = /* @__PURE__ */ new Int32Array([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);

/** Rotations per round, four per round. */
const R = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** The 16-byte MD5 digest of `data`, read block by block (no padded copy of the input). */
export function md5(data: Uint8Array): Uint8Array {
  const n = data.length;
  // The message, a 0x80 byte, zeros, and the 64-bit bit length: a whole number of blocks.
  const total = (((n + 8) >>> 6) + 1) * 64;
  const h = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const w = new Int32Array(16);
  for (let at = 0; at < total; at += 64) {
    for (let j = 0; j < 16; j++) {
      let word = 0;
      for (let k = 3; k >= 0; k--) {
        const p = at + j * 4 + k;
        word = (word << 8) | (p < n ? data[p]! : p === n ? 0x80 : 0);
      }
      w[j] = word;
    }
    if (at + 64 === total) {
      // Int32Array stores modulo 2^32: the low and the high word of n · 8.
      w[14] = n * 8;
      w[15] = n / 0x20000000;
    }
    let [a, b, c, d] = h as unknown as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f =
        round === 0
          ? (b & c) | (~b & d)
          : round === 1
            ? (d & b) | (~d & c)
            : round === 2
              ? b ^ c ^ d
              : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? 5 * i + 1 : round === 2 ? 3 * i + 5 : 7 * i;
      const x = (a + f + K[i]! + w[g & 15]!) | 0;
      const s = R[round * 4 + (i & 3)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    h[0]! += a;
    h[1]! += b;
    h[2]! += c;
    h[3]! += d;
  }
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) view.setInt32(i * 4, h[i]!, true);
  return out;
}
