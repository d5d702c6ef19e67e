import {
  type SignatureProblem,
  SignetConfigError,
  SignetDecodeError,
  SignetHttpError,
  SignetNetworkError,
  SignetSignatureError,
  SignetTimeoutError,
} from '../errors.js';
import type { FetchCredentials, HeaderValues } from '../http/options.js';
import { excerpt } from '../http/response.js';

/**
 * What a page sends its signer (the body of a POST to the signer endpoint). `sign`: the
 * headers for one JitAi request, built from exactly these fields; `verify`: is this
 * response `data` (JSON text, number lexemes as received) signed with the secret?
 */
export type RemoteSignerPayload =
  | {
      op: 'sign';
      profile: 'jitai';
      /** `services.OrderSvc.query`. */
      api: string;
      method: string;
      /** The request target: `url.pathname + url.search`. */
      path: string;
      /** The exact JSON text of the body. */
      bodyText: string;
    }
  | { op: 'verify'; profile: 'jitai'; dataText: string };

/**
 * What a signer answers: `{headers: {accessKey, timestamp, accessSign}}` to `sign`,
 * `{ok: true}` or `{ok: false, error: {name, message, problem?}}` to `verify`, and
 * `{error: {name, message}}` with a 4xx/5xx status when it refuses.
 */
export type RemoteSignerAnswer = Record<string, unknown>;

/** @internal How to reach one signer. */
export interface SignerCall {
  endpoint: string;
  timeout: number;
  headers: HeaderValues | (() => HeaderValues | Promise<HeaderValues>) | undefined;
  credentials: FetchCredentials;
  fetch: typeof fetch;
}

const PROBLEMS: readonly SignatureProblem[] = [
  'missing-signature',
  'missing-timestamp',
  'bad-signature',
  'expired',
  'bad-timestamp',
];

/**
 * @internal POSTs one payload to the signer; every failure is a typed SignetError that
 * names the signer and its status, with an excerpt of its error body (a signer never
 * sends secrets; the caller's headers are not repeated).
 */
export async function askSigner(
  call: SignerCall,
  payload: RemoteSignerPayload,
): Promise<RemoteSignerAnswer> {
  const headers = new Headers(
    typeof call.headers === 'function' ? await call.headers() : call.headers,
  );
  headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const what = `remoteSigner: the signer ${call.endpoint}`;
  let response: Response;
  let text: string;
  try {
    response = await call.fetch(call.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      credentials: call.credentials,
      signal: AbortSignal.timeout(call.timeout),
    });
    text = await response.text();
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new SignetTimeoutError(`${what} did not answer within ${call.timeout} ms`);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new SignetNetworkError(`${what} could not be reached: ${message}`, { cause: error });
  }
  const body = parseJson(text);
  const refused = (body as { error?: { name?: unknown; message?: unknown } } | undefined)?.error;
  if (response.status === 400 && refused?.name === 'SignetConfigError') {
    // The signer's own check of the payload and the args (sdk-node's handler runs
    // jitaiSign's): nothing went to JitAi, and the message names the key.
    throw new SignetConfigError(
      `remoteSigner: the signer refused the request: ${excerpt(String(refused.message))}`,
    );
  }
  if (!response.ok) {
    throw new SignetHttpError(`${what} answered ${response.status}: ${describe(body, text)}`, {
      status: response.status,
      headers: response.headers,
      body: body ?? text,
      url: call.endpoint,
      method: 'POST',
    });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SignetDecodeError(`${what} answered ${response.status} without a JSON object`);
  }
  return body as RemoteSignerAnswer;
}

/** @internal Accepts exactly `{ok: true}`; a refusal is the signer's SignetSignatureError. */
export function readVerdict(answer: RemoteSignerAnswer): void {
  if (answer.ok === true) return;
  if (answer.ok !== false) {
    throw new SignetDecodeError(
      'remoteSigner: the verify answer is neither {"ok":true} nor {"ok":false}',
    );
  }
  const error = (answer.error ?? {}) as { name?: unknown; message?: unknown; problem?: unknown };
  const message = `remoteSigner: the signer rejected the response: ${excerpt(String(error.message ?? 'no reason given'))}`;
  if (error.name === 'SignetDecodeError') throw new SignetDecodeError(message);
  const problem = PROBLEMS.find((p) => p === error.problem) ?? 'bad-signature';
  throw new SignetSignatureError(message, { problem });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `Name: message` of a signer's error body, else a short excerpt of the text. */
function describe(body: unknown, text: string): string {
  const error = (body as { error?: { name?: unknown; message?: unknown } } | undefined)?.error;
  if (error && typeof error.message === 'string') {
    return excerpt(`${typeof error.name === 'string' ? `${error.name}: ` : ''}${error.message}`);
  }
  return text.trim() === '' ? '(empty body)' : excerpt(text.trim());
}
