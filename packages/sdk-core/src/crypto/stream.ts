import { concatBytes, toHex, utf8 } from './encoding.js';
import {
  type CryptoProvider,
  getDefaultCrypto,
  type HashAlgorithm,
  type IncrementalHash,
} from './provider.js';

/**
 * An {@link IncrementalHash} from the provider, or, for a provider without
 * `createHash`, one that copies the pieces and hashes them together at the end.
 */
export function startHash(algorithm: HashAlgorithm, crypto: CryptoProvider): IncrementalHash {
  if (crypto.createHash) return crypto.createHash(algorithm);
  const pieces: Uint8Array[] = [];
  return {
    update: (data) => pieces.push(data.slice()),
    digest: () => crypto.hash(algorithm, concatBytes(pieces)),
  };
}

/**
 * Characters per slice when a whole text is hashed in pieces: the order of the JSON
 * sinks' chunks, so one reused UTF-8 buffer (3 bytes per character) serves both.
 */
const SLICE_UNITS = 1 << 16;
const encoder = /* @__PURE__ */ new TextEncoder();
const REUSED_BYTES = (SLICE_UNITS + 1) * 3;

/**
 * UTF-8 encoding of a text that arrives in chunks, each chunk's bytes handed to `out`
 * (a view into a buffer the next chunk reuses: consume it at once). A high surrogate at
 * the end of a chunk waits for the next one, so a pair split across chunks encodes as
 * its code point; a lone surrogate becomes U+FFFD, as TextEncoder and Buffer do.
 */
export class Utf8Chunks {
  private scratch = new Uint8Array(0);
  private pending = '';

  constructor(private readonly out: (bytes: Uint8Array) => void) {}

  write(chunk: string): void {
    // A single huge piece (one 10 MB string value) arrives as one chunk: it is encoded
    // slice by slice, so the scratch buffer stays at three bytes per slice character.
    if (chunk.length <= SLICE_UNITS) this.writeSlice(chunk);
    else
      for (let at = 0; at < chunk.length; at += SLICE_UNITS) {
        this.writeSlice(chunk.slice(at, at + SLICE_UNITS));
      }
  }

  private writeSlice(chunk: string): void {
    let text = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pending = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== '') this.encode(text);
  }

  end(): void {
    if (this.pending !== '') this.encode(this.pending);
    this.pending = '';
  }

  private encode(text: string): void {
    const most = text.length * 3;
    let bytes = this.scratch;
    if (bytes.length < most) {
      bytes = new Uint8Array(Math.max(most, Math.min(REUSED_BYTES, most * 2)));
      if (bytes.length <= REUSED_BYTES) this.scratch = bytes;
    }
    const written = encoder.encodeInto(text, bytes).written;
    this.out(bytes.subarray(0, written));
  }
}

/**
 * A hash of the UTF-8 of a text written in chunks (see {@link Utf8Chunks}). A text that
 * turns out small (one chunk of at most 64 Ki characters) is hashed in one call of the
 * provider's `hash`, as if it had never been streamed: the incremental hash only starts
 * when a second chunk or a big one arrives.
 */
export class Utf8Hash {
  private hash: IncrementalHash | undefined;
  private utf8: Utf8Chunks | undefined;
  /** The first chunk, held back until it is known whether more follow. */
  private first = '';

  constructor(
    private readonly algorithm: HashAlgorithm,
    private readonly crypto: CryptoProvider,
  ) {}

  readonly write = (chunk: string): void => {
    if (chunk === '') return;
    if (this.utf8 === undefined) {
      if (this.first === '' && chunk.length <= SLICE_UNITS) {
        this.first = chunk;
        return;
      }
      const hash = startHash(this.algorithm, this.crypto);
      this.hash = hash;
      this.utf8 = new Utf8Chunks((bytes) => hash.update(bytes));
      this.utf8.write(this.first);
      this.first = '';
    }
    this.utf8.write(chunk);
  };

  /** Lower-case hex digest of everything written (of the empty text if nothing was). */
  hexDigest(): string {
    if (this.utf8 === undefined) return toHex(this.crypto.hash(this.algorithm, utf8(this.first)));
    this.utf8.end();
    return toHex(this.hash!.digest());
  }
}

/**
 * Lower-case hex digest of the UTF-8 of `text`; a big text is hashed in slices of about
 * 64 Ki characters rather than encoded whole first.
 */
export function hashHexOfText(
  algorithm: HashAlgorithm,
  text: string,
  crypto: CryptoProvider = getDefaultCrypto(),
): string {
  const hash = new Utf8Hash(algorithm, crypto);
  hash.write(text);
  return hash.hexDigest();
}
