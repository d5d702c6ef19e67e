import { SignetApiError, SignetDecodeError } from '../errors.js';
import { isLosslessObject, type LosslessJson, LosslessNumber } from '../json/lossless-number.js';

/**
 * Reads a parsed JitAi envelope `{errcode, errmsg, requestId, …, data}`: returns `data`
 * when `errcode` is 0, throws SignetApiError for any other errcode (the platform reports
 * failures with HTTP 200) and SignetDecodeError when the shape is wrong.
 */
export function checkJitaiEnvelope(envelope: LosslessJson, status: number): LosslessJson {
  if (!isLosslessObject(envelope)) {
    throw new SignetDecodeError('JitAi response is not a JSON object');
  }
  const errcode = envelope.errcode;
  if (errcode === undefined || errcode === null) {
    throw new SignetDecodeError('JitAi response has no errcode');
  }
  const code = errcode instanceof LosslessNumber ? Number(errcode.lexeme) : errcode;
  if (code !== 0) {
    const errmsg = envelope.errmsg;
    const requestId = envelope.requestId;
    const platformMessage = typeof errmsg === 'string' ? errmsg : undefined;
    throw new SignetApiError(
      `JitAi API error ${String(code)}${platformMessage === undefined ? '' : `: ${platformMessage}`}`,
      {
        status,
        errcode: typeof code === 'number' || typeof code === 'string' ? code : String(code),
        requestId: typeof requestId === 'string' ? requestId : undefined,
        platformMessage,
      },
    );
  }
  const data = envelope.data;
  if (data === undefined) throw new SignetDecodeError('JitAi response has errcode 0 but no data');
  return data;
}
