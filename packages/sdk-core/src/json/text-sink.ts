/**
 * About how many UTF-16 code units a sink gathers before it cuts a chunk. 64 Ki keeps a
 * chunk's UTF-8 (at most 192 KiB) and base64 scratch small and cheap to reuse, and is
 * large enough that the per-chunk work does not show on a small body (which never cuts).
 */
export const TEXT_CHUNK_UNITS: number = 1 << 16;

/** Written to only so that no minifier drops the flattening call in {@link TextSink}. */
let _flattened = 0;

/**
 * Where signet's JSON writers put their text, piece by piece. Writing into one string
 * (`+=`) is fastest while it is small, but a big text built that way is a rope of
 * millions of tiny pieces, 10 to 15 times its own size in memory. A sink cuts the text
 * every {@link TEXT_CHUNK_UNITS}: streaming, each chunk goes to `onChunk` (a hash) and
 * is dropped; collecting, the chunks are flattened as they are cut and joined once.
 * A piece is never split, so a chunk never ends inside a surrogate pair a writer pushed.
 */
export class TextSink {
  private text = '';
  private readonly chunks: string[] = [];
  private cuts = 0;

  /** `onChunk`: stream every chunk to it; without it, {@link end} returns the whole text. */
  constructor(private readonly onChunk?: (chunk: string) => void) {}

  push(piece: string): void {
    this.text += piece;
    if (this.text.length >= TEXT_CHUNK_UNITS) this.cut();
  }

  /**
   * Finishes the text. Collecting: the whole text. Streaming: what was not cut yet, and
   * nothing is handed to `onChunk` unless a chunk was cut before, so a caller can take a
   * small text's fast path on the one string it gets back.
   */
  end(): string {
    const rest = this.text;
    this.text = '';
    if (this.onChunk) {
      if (this.cuts > 0 && rest !== '') this.onChunk(rest);
      return this.cuts > 0 ? '' : rest;
    }
    if (this.chunks.length === 0) return rest;
    this.chunks.push(rest);
    return this.chunks.join('');
  }

  private cut(): void {
    const chunk = this.text;
    this.text = '';
    this.cuts++;
    if (this.onChunk) {
      this.onChunk(chunk);
      return;
    }
    // Searching a string makes V8 flatten it first: the chunk becomes one flat string and
    // its many pieces garbage now, not at the final join (measured: 14× the text's size in
    // memory without it, 6× with it, at 10 MB). Elsewhere it is a cheap no-op.
    _flattened += chunk.indexOf('\u0000');
    this.chunks.push(chunk);
  }
}
