import { SignetDecodeError } from '../errors.js';
import { type LosslessJson, parseLossless } from '../json/lossless.js';

/** A response read once: status, headers, the exact text, and its lossless JSON tree. */
export interface DecodedResponse {
  status: number;
  headers: Headers;
  text: string;
  /** True when Content-Type says JSON. */
  isJson: boolean;
  /** Lossless tree when the text parsed as JSON, else undefined. */
  json: LosslessJson | undefined;
  /** The parse failure of a JSON-typed body (truncated, HTML with a JSON type...). */
  jsonError: SignetDecodeError | undefined;
  /** Local ms when the attempt that produced this response was signed / answered. */
  sentAt: number;
  receivedAt: number;
}

const jsonType = /^application\/(?:[\w.+-]+\+)?json\b|^text\/json\b/i;

/** True for `application/json`, `application/problem+json`, `text/json`... */
export function isJsonContentType(value: string | null): boolean {
  return value !== null && jsonType.test(value.trim());
}

/**
 * Decodes a body losslessly when it is typed as JSON; never throws on a malformed body
 * (the envelope layer decides what a bad body means for this status).
 */
export function decodeBody(
  status: number,
  headers: Headers,
  text: string,
  timing: { sentAt: number; receivedAt: number },
): DecodedResponse {
  const isJson = isJsonContentType(headers.get('content-type'));
  let json: LosslessJson | undefined;
  let jsonError: SignetDecodeError | undefined;
  if (isJson || looksLikeJsonObject(text)) {
    try {
      json = parseLossless(text);
    } catch (error) {
      jsonError =
        error instanceof SignetDecodeError
          ? error
          : new SignetDecodeError('response body is not valid JSON', { cause: error });
    }
  }
  return { status, headers, text, isJson, json, jsonError, ...timing };
}

/** Some servers send envelopes as text/plain or text/html; sniff only `{...}`. */
function looksLikeJsonObject(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') && text.trimEnd().endsWith('}');
}

/** Where {@link excerpt} cut a text (redaction masks a secret cut there, too). */
export const EXCERPT_CUT = '…';

/** Short, safe excerpt of a body for error messages. */
export function excerpt(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}${EXCERPT_CUT}` : oneLine;
}
