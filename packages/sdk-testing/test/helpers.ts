import type { LosslessObject } from '@signet/sdk-core';
import {
  dataFluxHeaders,
  dataFluxSign,
  jitaiParamStr,
  jitaiSign,
  parseLossless,
  signJitaiParamStr,
} from '@signet/sdk-core';

/** A frozen clock the emulators and the signing share. */
export function testClock(start = 1_764_647_507_632): {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
} {
  let current = start;
  return {
    now: () => current,
    set(ms) {
      current = ms;
    },
    advance(ms) {
      current += ms;
    },
  };
}

export interface JitaiSigning {
  accessKey: string;
  secret: string;
  timestamp: number;
  /** Send `debug: 1`. */
  debug?: boolean;
  /** Sign the masked paramStr instead (what a debug-mode server accepts). */
  signMasked?: boolean;
  /** Override the accessSign sent. */
  accessSign?: string;
}

/** A signed JitAi request, signed from the exact body text as Python will parse it. */
export function jitaiRequest(
  url: string,
  bodyText: string,
  signing: JitaiSigning,
  init: RequestInit = {},
): Request {
  const args = parseLossless(bodyText) as LosslessObject;
  const sign = signing.signMasked
    ? signJitaiParamStr(
        jitaiParamStr(args, { timestamp: signing.timestamp, secret: signing.secret, masked: true }),
      )
    : jitaiSign(args, { timestamp: signing.timestamp, secret: signing.secret });
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  headers.set('accessKey', signing.accessKey);
  headers.set('timestamp', String(signing.timestamp));
  headers.set('accessSign', signing.accessSign ?? sign);
  if (signing.debug) headers.set('debug', '1');
  return new Request(url, { ...init, method: 'POST', headers, body: bodyText });
}

export interface DataFluxSigning {
  akId: string;
  akSecret: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
  /** Send the body without a Content-Type header. */
  noContentType?: boolean;
  /** Default POST; a GET carries no body (the server signs `{}` for it). */
  method?: 'GET' | 'POST';
}

/** A signed DataFlux OpenAPI request (`target` = path + query exactly as sent). */
export function dataFluxRequest(
  origin: string,
  target: string,
  body: unknown,
  signing: DataFluxSigning,
): Request {
  const method = signing.method ?? 'POST';
  const signed = dataFluxSign({
    method,
    pathWithQuery: target,
    timestamp: String(signing.timestamp),
    nonce: signing.nonce,
    body,
    akSecret: signing.akSecret,
  });
  const headers = new Headers(
    dataFluxHeaders({
      akId: signing.akId,
      timestamp: String(signing.timestamp),
      nonce: signing.nonce,
      sign: signed.sign,
    }),
  );
  if (!signing.noContentType && method === 'POST') headers.set('Content-Type', 'application/json');
  const init: RequestInit = { method, headers };
  if (body !== undefined && method === 'POST') init.body = JSON.stringify(body);
  return new Request(origin + target, init);
}

/** POST JSON. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The body of a response as JSON. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
