import { redactText } from './redact.js';

/**
 * A request as it went out on one attempt — after signing, byte for byte what the
 * transport was handed — with every credential masked (`***`): the auth strategy's
 * secrets and every header value it set, in the URL, the headers and the body. Safe to log.
 */
export interface RequestView {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The JSON text sent, or undefined for no body. */
  body: string | undefined;
}

/** One attempt's answer, credentials masked as in {@link RequestView}. */
export interface ResponseView {
  status: number;
  headers: Record<string, string>;
  /** The body as read (decoded as UTF-8 text). */
  body: string;
}

/** What the loop knows of an attempt it sent. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  bodyText: string | undefined;
}

export function requestView(request: SentRequest, secrets: readonly string[]): RequestView {
  return {
    method: request.method,
    url: redactText(request.url.href, secrets),
    headers: headerRecord(request.headers, secrets),
    body: request.bodyText === undefined ? undefined : redactText(request.bodyText, secrets),
  };
}

export function responseView(
  answer: { status: number; headers: Headers; text: string },
  secrets: readonly string[],
): ResponseView {
  return {
    status: answer.status,
    headers: headerRecord(answer.headers, secrets),
    body: redactText(answer.text, secrets),
  };
}

function headerRecord(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name] = redactText(value, secrets);
  return out;
}
