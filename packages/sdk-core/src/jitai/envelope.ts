import { SignetApiError, SignetDecodeError, SignetHttpError } from '../errors.js';
import type { DecodedResponse } from '../http/response.js';
import { excerpt } from '../http/response.js';
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

/** JitAi's errcode for a rejected signature, timestamp or Bearer token. */
export const JITAI_AUTH_FAILED = 20005;

/** Reads the envelope, or throws SignetHttpError / SignetDecodeError for anything else. */
export function readJitaiEnvelope(response: DecodedResponse): JitaiEnvelope {
  const root = response.json;
  if (!isLosslessObject(root) || member(root, 'errcode') === undefined) {
    throw notAnEnvelope(response);
  }
  const errcode = asCode(member(root, 'errcode'));
  if (errcode === undefined) {
    throw new SignetDecodeError(
      'JitAi envelope has an errcode that is neither a number nor a string',
    );
  }
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

/** Throws SignetApiError when the envelope says failure. */
export function assertJitaiSuccess(envelope: JitaiEnvelope, status: number, api?: string): void {
  if (envelope.errcode === 0) return;
  const where = api ? ` calling ${api}` : '';
  const hint =
    envelope.errcode === JITAI_AUTH_FAILED
      ? " (authentication failed: check accessKey/accessSecret, that the API is in the key's `apis` list, and the local clock)"
      : '';
  throw new SignetApiError(
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

function notAnEnvelope(response: DecodedResponse): Error {
  const ok = response.status >= 200 && response.status < 300;
  if (!ok) {
    return new SignetHttpError(
      `HTTP ${response.status} without a JitAi envelope${response.text ? `: ${excerpt(response.text)}` : ' (empty body)'}`,
      {
        status: response.status,
        headers: response.headers,
        body: response.json === undefined ? response.text : losslessToValue(response.json),
      },
    );
  }
  if (response.jsonError) {
    return new SignetDecodeError(
      `JitAi answered HTTP ${response.status} with a body that is not valid JSON: ${response.jsonError.message}`,
      { cause: response.jsonError, position: response.jsonError.position },
    );
  }
  return new SignetDecodeError(
    `JitAi answered HTTP ${response.status} without an {errcode, data} envelope${response.text ? `: ${excerpt(response.text)}` : ' (empty body)'}`,
  );
}
