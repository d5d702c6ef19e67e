import { SignetDecodeError } from '../errors.js';
import type { BigIntMode } from '../http/options.js';
import type { DecodedResponse } from '../http/response.js';
import { losslessToValue } from '../json/lossless.js';

/**
 * What `sync()` returns for a 2xx body. The Sync API does not wrap success and flattens
 * the function's return value on the way (PROTOCOLS §2: the server sends
 * `returnValue || null` through Express `res.send`), so one consistent mapping:
 *
 * | the function returned          | on the wire                    | `sync()` returns  |
 * | ------------------------------ | ------------------------------ | ----------------- |
 * | a dict, a list, `True`         | JSON (`application/json`)      | the decoded value |
 * | a number or a string           | `text/html`, `String(value)`   | that text         |
 * | `None`, `False`, `0`, `''`     | an empty body                  | `null`            |
 * | anything, `returnType: 'jsonDumps'` | its JSON text as `text/html` | that text       |
 *
 * The wire cannot tell `42` from `'42'`: text stays text rather than be guessed at.
 */
export function syncResult(response: DecodedResponse, what: string, bigint: BigIntMode): unknown {
  if (response.text === '') return null;
  if (!response.isJson) return response.text;
  if (response.jsonError || response.json === undefined) {
    throw new SignetDecodeError(
      `DataFlux ${what}: the body is typed JSON but does not parse: ${response.jsonError?.message ?? 'empty body'}`,
      response.jsonError
        ? { cause: response.jsonError, position: response.jsonError.position }
        : {},
    );
  }
  return losslessToValue(response.json, { bigint });
}
