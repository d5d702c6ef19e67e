import { randomUUID } from 'node:crypto';

/** Where the CLI reads and writes: the process, or a test double. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input as text. */
  readStdin(): Promise<string>;
  /** True when standard input is a terminal (nothing piped in). */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Results as JSON, two-space indented: bigints (integers beyond 2^53) as exact JSON
 * integers, `undefined` as `null`, `Headers` as an object.
 */
export function formatJson(value: unknown): string {
  // JSON.rawJSON would do, but Node 20 lacks it: bigints travel as marked strings instead,
  // the mark made unguessable so no string in the data can pass for one.
  const mark = `\u0000${randomUUID()}:`;
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'bigint') return `${mark}${v}`;
      if (v instanceof Headers) return Object.fromEntries(v);
      return v;
    },
    2,
  );
  if (text === undefined) return 'null';
  const quoted = JSON.stringify(mark).slice(0, -1); // `"\u0000<uuid>:`
  return text.replace(new RegExp(`${escapeRegExp(quoted)}(-?\\d+)"`, 'g'), '$1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const MASK = '***';
/** Shorter values would mask innocent text everywhere (the SDK's own redaction agrees). */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every known secret in printed text, raw and in its JSON-escaped and
 * URL-encoded forms, with `***`. Secrets are registered as soon as they are read.
 */
export class Masker {
  readonly #secrets = new Set<string>();

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
    this.#secrets.add(value);
    this.#secrets.add(JSON.stringify(value).slice(1, -1));
    this.#secrets.add(encodeURIComponent(value));
  }

  mask(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    return out;
  }
}
