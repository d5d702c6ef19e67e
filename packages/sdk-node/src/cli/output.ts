import { randomUUID } from 'node:crypto';
import { MIN_SECRET_LENGTH, Redactor } from '@signet/sdk-core/internal';

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

/**
 * Replaces every known secret in printed text, in every form sdk-core's redaction knows
 * (raw, JSON-escaped, URL-encoded, base64, hex), with `***`. Secrets are registered as
 * soon as they are read.
 */
export class Masker {
  readonly #secrets = new Set<string>();
  #redactor: Redactor | undefined;

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
    this.#secrets.add(value);
    this.#redactor = undefined;
  }

  mask(text: string): string {
    this.#redactor ??= new Redactor([...this.#secrets]);
    return this.#redactor.text(text);
  }
}
