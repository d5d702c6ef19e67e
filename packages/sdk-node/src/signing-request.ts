// Reading a page's signing request: the payload of `remoteSigner` (sdk-core), checked
// field by field before anything is signed. Problems are SignerRefusals, which the
// handler turns into JSON error answers.
import { JITAI_API_NAME, SignetConfigError } from '@signet/sdk-core';

/** A refusal with its HTTP status; the message never holds a secret. */
export class SignerRefusal extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

/** A checked `op: 'sign'` payload. */
export interface SignPayload {
  op: 'sign';
  profile: 'jitai';
  api: string;
  method: 'POST';
  path: string;
  bodyText: string;
}

/** A checked `op: 'verify'` payload. */
export interface VerifyPayload {
  op: 'verify';
  profile: 'jitai';
  dataText: string;
}

/**
 * What a browser's remoteSigner posts to the signing handler: a request to sign, or a
 * response's `data` to verify.
 */
export type SignerPayload = SignPayload | VerifyPayload;

const bad = (message: string) => new SignerRefusal(400, 'SignetConfigError', message);

/** Checks the payload's shape; `basePath` (no trailing slash) pins the JitAi app's path. */
export function readPayload(value: unknown, basePath: string | undefined): SignerPayload {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw bad('the signing request must be a JSON object');
  }
  const payload = value as Record<string, unknown>;
  if (payload.profile !== 'jitai') throw bad('profile must be "jitai"');
  if (payload.op === 'verify') {
    if (typeof payload.dataText !== 'string') throw bad('dataText must be a string');
    return { op: 'verify', profile: 'jitai', dataText: payload.dataText };
  }
  if (payload.op !== 'sign') throw bad('op must be "sign" or "verify"');
  const { api, method, path, bodyText } = payload;
  if (typeof api !== 'string' || !JITAI_API_NAME.test(api)) {
    throw bad('api must be a dotted name like "services.OrderSvc.query"');
  }
  if (method !== 'POST') throw bad('method must be "POST" (JitAi calls are POSTs)');
  if (typeof bodyText !== 'string') throw bad('bodyText must be a string');
  if (typeof path !== 'string') throw bad('path must be a string');
  checkPath(path, api, basePath);
  return { op: 'sign', profile: 'jitai', api, method, path, bodyText };
}

/**
 * The path must be where the client sends this api (`…/services/OrderSvc/query`), so a
 * page cannot name one api to the allow-list and send the signature elsewhere. The
 * signature itself does not cover the path: this check keeps honest clients consistent,
 * the accessKey's API list on the platform is what really limits a signature.
 */
function checkPath(path: string, api: string, basePath: string | undefined): void {
  const tail = `/${api.split('.').join('/')}`;
  if (!path.startsWith('/') || /[?#]/.test(path)) {
    throw bad('path must be an absolute path without query or fragment');
  }
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /%2e|%2f/i.test(s))) {
    throw bad('path must not contain empty, "." or ".." segments');
  }
  const expected = basePath === undefined ? undefined : basePath + tail;
  if (expected === undefined ? !path.endsWith(tail) : path !== expected) {
    throw new SignerRefusal(
      403,
      'Forbidden',
      `path does not match api ${api} (want ${expected ?? `a path ending in ${tail}`})`,
    );
  }
}

/** `/api/org/app/` → `/api/org/app`: a base path as the handler compares it. */
export function normalizeBasePath(basePath: string | undefined): string | undefined {
  if (basePath === undefined) return undefined;
  if (typeof basePath !== 'string' || !basePath.startsWith('/')) {
    throw new SignetConfigError('createSigningHandler: basePath must be a path starting with "/"');
  }
  return basePath.replace(/\/+$/, '');
}
