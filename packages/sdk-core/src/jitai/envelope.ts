import { SignetApiError } from '../errors.js';
import { type LosslessJson, type LosslessObject, losslessToValue } from '../json/lossless.js';
import { asCode, asNumber, asString, isLosslessObject, member } from '../json/lossless-access.js';

/** A JitAi envelope `{errcode, errmsg, requestId, sysTime, duration, data}`, decoded losslessly. */
export interface JitaiEnvelope {
  errcode: number | string;
  errmsg: string | undefined;
  requestId: string | undefined;
  sysTime: number | undefined;
  data: LosslessJson | undefined;
  /** `respExtraData` (debug mode puts `apiAuthDebug.paramStr` there). */
  extra: LosslessObject | undefined;
}

/** Why a JSON body is not a JitAi envelope, phrased to follow "the response …". */
export type NotAnEnvelope =
  | 'is not a JSON object'
  | 'has no errcode'
  | 'has an errcode that is neither a number nor a string';

/** JitAi's errcode for a rejected signature, timestamp or Bearer token. */
export const JITAI_AUTH_FAILED = 20005;

/**
 * The one reader of JitAi envelopes, for the client and for `verifyJitaiResponse`: the
 * envelope of a lossless tree, or why the tree is not one. Pure: the caller says what a
 * non-envelope means for its HTTP status.
 */
export function readJitaiEnvelope(root: LosslessJson): JitaiEnvelope | NotAnEnvelope {
  if (!isLosslessObject(root)) return 'is not a JSON object';
  const code = member(root, 'errcode');
  if (code === undefined || code === null) return 'has no errcode';
  const errcode = asCode(code);
  if (errcode === undefined) return 'has an errcode that is neither a number nor a string';
  const extra = member(root, 'respExtraData');
  return {
    errcode,
    errmsg: asString(member(root, 'errmsg')),
    requestId: asString(member(root, 'requestId')),
    sysTime: asNumber(member(root, 'sysTime')),
    data: member(root, 'data'),
    extra: isLosslessObject(extra) ? extra : undefined,
  };
}

/** The SignetApiError of an envelope whose errcode is not 0 (JitAi fails with HTTP 200). */
export function jitaiApiError(
  envelope: JitaiEnvelope,
  status: number,
  api?: string,
): SignetApiError {
  const where = api ? ` calling ${api}` : '';
  const hint =
    envelope.errcode === JITAI_AUTH_FAILED
      ? " (authentication failed: check accessKey/accessSecret, that the API is in the key's `apis` list, and the local clock)"
      : '';
  return new SignetApiError(
    `JitAi answered errcode ${envelope.errcode}${where}: ${envelope.errmsg ?? '(no errmsg)'}${hint}`,
    {
      status,
      errcode: envelope.errcode,
      requestId: envelope.requestId,
      platformMessage: envelope.errmsg,
      detail: envelope.extra === undefined ? undefined : losslessToValue(envelope.extra),
    },
  );
}
