const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * UTF-8 bytes of a string. A lone surrogate becomes U+FFFD, as Node's Buffer and every
 * TextEncoder do (the DataFlux server hashes exactly that).
 */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The pieces one after another, in one new buffer. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const piece of pieces) size += piece.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

const hexDigits = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/** Lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += hexDigits[bytes[i]!];
  return out;
}

/** Bytes of an even-length hex string; throws RangeError on anything else. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new RangeError('fromHex: expected an even number of hex digits');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard, padded base64 (RFC 4648 §4), with no dependency on Buffer or btoa. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += b64[v >>> 18]! + b64[(v >>> 12) & 63]! + b64[(v >>> 6) & 63]! + b64[v & 63]!;
  }
  if (i < n) {
    const rest = n - i;
    const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out += b64[v >>> 18]! + b64[(v >>> 12) & 63]!;
    out += rest === 2 ? `${b64[(v >>> 6) & 63]!}=` : '==';
  }
  return out;
}

/** Standard base64 of the UTF-8 bytes of a string. */
export function base64OfUtf8(text: string): string {
  return toBase64(utf8(text));
}
