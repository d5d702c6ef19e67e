import { toBase64, toHex, utf8 } from '../crypto/encoding.js';
import { MAX_JSON_DEPTH } from '../json/limits.js';
import { EXCERPT_CUT as CUT } from './response.js';

const MASK = '***';

/** Shorter values would mask innocent text everywhere: they are not secrets worth the name. */
export const MIN_SECRET_LENGTH = 4;

/**
 * The forms a secret takes when something echoes it back: raw, URL-encoded (both
 * `encodeURIComponent` and form encoding, upper- and lower-case escapes, encoded twice),
 * JSON-escaped (also with `\uXXXX` for non-ASCII, as Python writes it), base64 (padded,
 * unpadded, base64url) and hex (both cases) of its UTF-8 bytes.
 */
export function secretForms(secret: string): string[] {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return [];
  const bytes = utf8(secret);
  const base64 = toBase64(bytes);
  const unpadded = base64.replace(/=+$/, '');
  const hex = toHex(bytes);
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    new URLSearchParams([['', secret]]).toString().slice(1),
    base64,
    unpadded,
    unpadded.replace(/\+/g, '-').replace(/\//g, '_'),
    hex,
    hex.toUpperCase(),
  ];
  try {
    const encoded = encodeURIComponent(secret);
    // Twice too: a server echoing a query into a URL (a redirect's Location) encodes it again.
    forms.push(
      encoded,
      encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
      encodeURIComponent(encoded),
    );
  } catch {
    // A lone surrogate has no URL encoding: nothing can echo it in that form.
  }
  return [...new Set(forms)].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/**
 * Masks a set of secrets, in every form of {@link secretForms}, in text, in values of any
 * shape, and in errors with everything they hold. Built once per use from the secrets of
 * a call (the strategy's own and every value it put on a request).
 */
export class Redactor {
  /** Longest first, so a secret that contains another is masked whole. */
  readonly #forms: readonly string[];

  constructor(secrets: readonly string[]) {
    const all = new Set<string>();
    for (const secret of secrets) for (const form of secretForms(secret)) all.add(form);
    this.#forms = [...all].sort((a, b) => b.length - a.length);
  }

  /** True when there is nothing to mask. */
  get empty(): boolean {
    return this.#forms.length === 0;
  }

  text(text: string): string {
    let out = text;
    for (const form of this.#forms) {
      if (out.includes(form)) out = out.split(form).join(MASK);
    }
    return out.includes(CUT) ? this.#maskCut(out) : out;
  }

  /**
   * An excerpt of an echoed body (`excerpt()`) may end in the middle of a secret, which
   * the whole forms no longer match: mask the start of a form right before the `…`.
   */
  #maskCut(text: string): string {
    let out = text;
    for (let at = out.indexOf(CUT); at >= 0; at = out.indexOf(CUT, at + 1)) {
      const before = out.slice(0, at);
      for (const form of this.#forms) {
        let cut = Math.min(form.length - 1, before.length);
        while (cut >= MIN_SECRET_LENGTH && !before.endsWith(form.slice(0, cut))) cut--;
        if (cut >= MIN_SECRET_LENGTH) {
          out = `${before.slice(0, before.length - cut)}${MASK}${out.slice(at)}`;
          at = at - cut + MASK.length;
          break;
        }
      }
    }
    return out;
  }

  /**
   * The value with every string in it masked: plain objects and arrays (keys too),
   * `Headers`, `URL`s and errors, however nested. Copy on write: an unchanged part is
   * returned as it is; errors are cleaned in place. Instances of other classes are left
   * alone (signet's errors hold none: bodies are decoded JSON).
   */
  value<T>(value: T): T {
    return this.empty ? value : (this.#value(value, 0, new WeakSet()) as T);
  }

  /**
   * Cleans an error in place — every own field (`message`, `stack`, `body`, `detail`,
   * `platformMessage`, `headers`, `url`, `location`, any other) and its `cause` chain —
   * so `toJSON`, `toString` and `util.inspect` show nothing secret. An error that cannot be
   * cleaned (a frozen field of someone else's error) is replaced by a plain Error with
   * its masked name and message.
   */
  error<E>(error: E): E {
    if (this.empty || typeof error !== 'object' || error === null) return error;
    return this.#error(error, new WeakSet()) as E;
  }

  #value(value: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth > MAX_JSON_DEPTH) return '[nested too deep to redact]';
    if (isError(value)) return this.#error(value, seen);
    if (seen.has(value)) return value;
    seen.add(value);
    if (value instanceof Headers) {
      let changed = false;
      const clean = new Headers();
      for (const [name, item] of value) {
        const masked = this.text(item);
        changed ||= masked !== item;
        clean.append(name, masked);
      }
      return changed ? clean : value;
    }
    if (value instanceof URL) {
      const href = this.text(value.href);
      if (href === value.href) return value;
      try {
        return new URL(href);
      } catch {
        return href;
      }
    }
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const clean = this.#value(item, depth + 1, seen);
        if (clean === item) continue;
        copy ??= [...value];
        copy[i] = clean;
      }
      return copy ?? value;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    let changed = false;
    const cleaned: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      const cleanKey = this.text(key);
      const clean = this.#value(item, depth + 1, seen);
      changed ||= cleanKey !== key || clean !== item;
      cleaned.push([cleanKey, clean]);
    }
    if (!changed) return value;
    const copy = Object.create(proto) as Record<string, unknown>;
    for (const [key, item] of cleaned) copy[key] = item;
    return copy;
  }

  #error(error: object, seen: WeakSet<object>): object {
    if (seen.has(error)) return error;
    seen.add(error);
    let clean = true;
    for (const key of Object.getOwnPropertyNames(error)) {
      const descriptor = Object.getOwnPropertyDescriptor(error, key);
      if (descriptor === undefined) continue;
      if (!('value' in descriptor)) {
        // An accessor (`stack` under source-map support): set it through its setter and
        // read it back; if it still shows a secret, the error cannot be kept.
        const fields = error as Record<string, unknown>;
        try {
          const shown = fields[key];
          const masked = this.#value(shown, 1, seen);
          if (masked !== shown) fields[key] = masked;
          if (this.#value(fields[key], 1, seen) !== fields[key]) clean = false;
        } catch {
          clean = false;
        }
        continue;
      }
      const masked = this.#value(descriptor.value, 1, seen);
      if (masked === descriptor.value) continue;
      try {
        Object.defineProperty(error, key, { ...descriptor, value: masked });
      } catch {
        clean = false;
      }
    }
    if (clean) return error;
    const { name, message } = error as { name?: unknown; message?: unknown };
    const substitute = new Error(this.text(String(message ?? '')));
    substitute.name = this.text(String(name ?? 'Error'));
    substitute.stack = `${substitute.name}: ${substitute.message}`;
    return substitute;
  }
}

function isError(value: object): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

/** Replaces every occurrence of every secret, in any of its forms, with `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).text(text);
}

/** {@link Redactor.error} for one error. */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  return new Redactor(secrets).error(error);
}
