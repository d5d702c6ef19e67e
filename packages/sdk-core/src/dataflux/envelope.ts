import { SignetApiError, SignetDecodeError, SignetHttpError } from '../errors.js';
import type { BigIntMode } from '../http/options.js';
import type { DecodedResponse } from '../http/response.js';
import { excerpt } from '../http/response.js';
import { type LosslessJson, type LosslessObject, losslessToValue } from '../json/lossless.js';
import { asCode, asNumber, asString, isLosslessObject, member } from '../json/lossless-access.js';

/**
 * DataFlux Func's `{ok, error, reason, message, detail, traceId, ...}` envelope. The Func
 * API and async API wrap success in it; the Sync API does not (PROTOCOLS §2), but every
 * route wraps failures.
 */
export interface DataFluxEnvelope {
  ok: boolean;
  error: number | string | undefined;
  reason: string | undefined;
  message: string | undefined;
  detail: LosslessJson | undefined;
  data: LosslessJson | undefined;
  traceId: string | undefined;
  respTime: string | undefined;
}

/** The envelope when the body is one (`ok` is a boolean), else undefined. */
export function readDataFluxEnvelope(response: DecodedResponse): DataFluxEnvelope | undefined {
  const root = response.json;
  if (!isLosslessObject(root) || typeof member(root, 'ok') !== 'boolean') return undefined;
  return {
    ok: member(root, 'ok') === true,
    error: asCode(member(root, 'error')),
    reason: asString(member(root, 'reason')),
    message: asString(member(root, 'message')),
    detail: member(root, 'detail'),
    data: member(root, 'data'),
    traceId: asString(member(root, 'traceId')) ?? response.headers.get('x-trace-id') ?? undefined,
    respTime: asString(member(root, 'respTime')),
  };
}

/** A failure envelope → SignetApiError (429 carries `waitSeconds`). */
export function dataFluxApiError(
  envelope: DataFluxEnvelope,
  status: number,
  bigint: BigIntMode,
  what: string,
): SignetApiError {
  const detail =
    envelope.detail === undefined ? undefined : losslessToValue(envelope.detail, { bigint });
  const waitSeconds = isLosslessObject(envelope.detail)
    ? asNumber(member(envelope.detail as LosslessObject, 'waitSeconds'))
    : undefined;
  const reason = envelope.reason ? ` ${envelope.reason}` : '';
  const extra =
    envelope.reason === 'EUserAuth'
      ? ' (AK/SK signature: check akId/akSecret and the local clock)'
      : envelope.reason === 'EAPIAuth'
        ? ' (the API auth configured for this endpoint rejected the credential)'
        : waitSeconds !== undefined
          ? ` (retry after ${waitSeconds} s)`
          : '';
  return new SignetApiError(
    `DataFlux ${what} failed: HTTP ${status}${reason} ${envelope.error ?? ''} ${envelope.message ?? ''}`
      .replace(/\s+/g, ' ')
      .trim() + extra,
    {
      status,
      errcode: envelope.error,
      reason: envelope.reason,
      detail,
      traceId: envelope.traceId,
      waitSeconds,
      platformMessage: envelope.message,
    },
  );
}

/** A response that is neither success nor a DataFlux envelope. */
export function dataFluxUnexpected(response: DecodedResponse, what: string): Error {
  const ok = response.status >= 200 && response.status < 300;
  if (!ok) {
    return new SignetHttpError(
      `DataFlux ${what}: HTTP ${response.status} without a DataFlux envelope${response.text ? `: ${excerpt(response.text)}` : ' (empty body)'}`,
      {
        status: response.status,
        headers: response.headers,
        body: response.json === undefined ? response.text : losslessToValue(response.json),
      },
    );
  }
  if (response.jsonError) {
    return new SignetDecodeError(
      `DataFlux ${what}: HTTP ${response.status} with a body that is not valid JSON: ${response.jsonError.message}`,
      { cause: response.jsonError, position: response.jsonError.position },
    );
  }
  return new SignetDecodeError(
    `DataFlux ${what}: HTTP ${response.status} with an unexpected body${response.text ? `: ${excerpt(response.text)}` : ' (empty body)'}`,
  );
}
