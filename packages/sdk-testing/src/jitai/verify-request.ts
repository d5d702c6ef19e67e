import {
  JITAI_WINDOW_MS,
  LosslessNumber,
  type LosslessObject,
  losslessToValue,
  parseLossless,
  signJitaiParamStr,
  timingSafeEqual,
} from '@signet/sdk-core';
import { type HeaderBag, headerValue } from '../core/http.js';
import { JITAI_ERRCODES } from './errors.js';
import { serverParamStr } from './server-param-str.js';

/** Why {@link verifyJitaiRequest} refused a request. */
export type JitaiRequestProblem =
  | 'bad-body'
  | 'missing-headers'
  | 'bad-timestamp'
  | 'expired'
  | 'bad-signature';

/** Inputs of {@link verifyJitaiRequest}: what a JitAi-style server received. */
export interface VerifyJitaiRequestInput {
  /** Request headers (`timestamp`, `accessSign`, optional `debug`). */
  headers: HeaderBag;
  /** The exact body text received. */
  bodyText: string;
  /** The accessSecret of the key named by the `accessKey` header (looking it up is yours). */
  secret: string;
  /** The server's clock, Unix ms (default `Date.now()`). */
  now?: number;
  /** Largest accepted |now − timestamp|, ms (default 300 000; exactly 300 000 passes). */
  windowMs?: number;
}

/** The verdict of {@link verifyJitaiRequest}. */
export type VerifyJitaiRequestResult =
  | {
      ok: true;
      /** The args as JS values (integers beyond 2^53 as bigint). */
      args: Record<string, unknown>;
      /** The args exactly as Python parsed them (number lexemes kept). */
      argsTree: LosslessObject;
      paramStrMasked: string;
      /** The request asked for debug output (a non-empty `debug` header). */
      debug: boolean;
    }
  | {
      ok: false;
      errcode: number;
      errmsg: string;
      problem: JitaiRequestProblem;
      /** The server's masked paramStr, when it got far enough to build one. */
      paramStrMasked?: string;
      debug: boolean;
    };

/**
 * Checks a signed JitAi request exactly as the platform does (PROTOCOLS §1): parse the
 * body as Python would (numbers keep their lexemes), merge the header timestamp, rebuild
 * the paramStr with the server's merge rules, refuse `|now − timestamp| > windowMs`, and
 * compare the accessSign. With a `debug` header it reproduces the server's quirk: it
 * hashes the **masked** paramStr, so a request signed with the real secret fails.
 *
 * Failures carry errcode 20005 and an errmsg starting "Authentication failed" (a body
 * that is not a JSON object: errcode 40000).
 *
 * It shares sdk-core's canonical forms (`parseLossless`, `pyJsonDumps`, code-point key
 * order, `signJitaiParamStr`): a client built on the same code always agrees with it. It
 * is checked against the shared vectors, not against a second implementation (README,
 * "What the kit shares with signet").
 *
 * @example
 * ```ts
 * const verdict = verifyJitaiRequest({ headers: req.headers, bodyText, secret })
 * if (!verdict.ok) return reply({ errcode: verdict.errcode, errmsg: verdict.errmsg })
 * ```
 */
export function verifyJitaiRequest(input: VerifyJitaiRequestInput): VerifyJitaiRequestResult {
  const debug = (headerValue(input.headers, 'debug') ?? '') !== '';
  const fail = (
    problem: JitaiRequestProblem,
    errmsg: string,
    paramStrMasked?: string,
  ): VerifyJitaiRequestResult => {
    const errcode = problem === 'bad-body' ? JITAI_ERRCODES.badRequest : JITAI_ERRCODES.authFailed;
    const out: VerifyJitaiRequestResult = { ok: false, errcode, errmsg, problem, debug };
    if (paramStrMasked !== undefined) out.paramStrMasked = paramStrMasked;
    return out;
  };
  const parsed = parseJitaiBody(input.bodyText);
  if (typeof parsed === 'string') return fail('bad-body', parsed);
  const timestampHeader = headerValue(input.headers, 'timestamp');
  const accessSign = headerValue(input.headers, 'accessSign');
  if (timestampHeader === undefined || accessSign === undefined) {
    return fail('missing-headers', 'Authentication failed: missing timestamp or accessSign header');
  }
  // Python's int(): optional sign, digits, surrounding whitespace.
  const timestamp = /^\s*[+-]?\d+\s*$/.test(timestampHeader) ? Number(timestampHeader) : Number.NaN;
  if (!Number.isSafeInteger(timestamp)) {
    return fail('bad-timestamp', 'Authentication failed: timestamp header is not an integer');
  }
  const built = serverParamStr(parsed, timestamp, input.secret);
  if (built === undefined) {
    return fail('bad-body', 'Invalid request body: a string cannot be encoded as UTF-8');
  }
  const now = input.now ?? Date.now();
  if (Math.abs(now - timestamp) > (input.windowMs ?? JITAI_WINDOW_MS)) {
    return fail('expired', 'Authentication failed: timestamp expired', built.masked);
  }
  const expected = signJitaiParamStr(debug ? built.masked : built.paramStr);
  if (!timingSafeEqual(expected, accessSign)) {
    return fail('bad-signature', 'Authentication failed', built.masked);
  }
  return {
    ok: true,
    args: losslessToValue(parsed) as Record<string, unknown>,
    argsTree: parsed,
    paramStrMasked: built.masked,
    debug,
  };
}

/** The body as a Python dict, or the errmsg of why it is not one. An empty body is `{}`. */
export function parseJitaiBody(bodyText: string): LosslessObject | string {
  if (bodyText.trim() === '') return parseLossless('{}') as LosslessObject;
  let tree: unknown;
  try {
    tree = parseLossless(bodyText, { allowNonFinite: true });
  } catch (error) {
    return `Invalid request body: ${(error as Error).message}`;
  }
  if (
    typeof tree !== 'object' ||
    tree === null ||
    Array.isArray(tree) ||
    tree instanceof LosslessNumber
  ) {
    return 'Invalid request body: expected a JSON object';
  }
  return tree as LosslessObject;
}
