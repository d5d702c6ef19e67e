import { JITAI_HEADERS } from './constants.js';

/** Inputs of {@link jitaiRequestHeaders}. */
export interface JitaiHeaderOptions {
  accessKey: string;
  /** The same Unix ms timestamp the accessSign was computed with. */
  timestamp: number;
  accessSign: string;
  /**
   * Ask the server for its masked paramStr (`debug: 1`). The server then hashes the
   * masked paramStr, so it rejects the call (errcode 20005): a diagnostic round trip only.
   */
  debug?: boolean;
}

/** The request headers of a signed JitAi call. */
export function jitaiRequestHeaders(options: JitaiHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    [JITAI_HEADERS.accessKey]: options.accessKey,
    [JITAI_HEADERS.timestamp]: String(options.timestamp),
    [JITAI_HEADERS.accessSign]: options.accessSign,
    [JITAI_HEADERS.contentType]: 'application/json',
  };
  if (options.debug) headers[JITAI_HEADERS.debug] = '1';
  return headers;
}
