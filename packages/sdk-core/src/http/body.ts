import { concatBytes } from '../crypto/encoding.js';
import type { TransportResponse } from './transport.js';

/** The body outgrew `maxResponseBytes`: reading stopped there. */
export class BodyTooLarge {
  constructor(
    readonly limit: number,
    /** Bytes announced by Content-Length, or seen before the read stopped. */
    readonly bytes: number,
  ) {}
}

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Reads a response body as UTF-8 text (a BOM dropped, bad bytes as U+FFFD, as
 * `Response.text()` does), counting bytes as they arrive: past `limit` the read stops,
 * the body is cancelled and {@link BodyTooLarge} is thrown. A Content-Length beyond the
 * limit is refused before anything is read.
 */
export async function readBody(
  response: TransportResponse,
  limit: number | false,
): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const max = limit === false ? Number.POSITIVE_INFINITY : limit;
  const announced = Number(response.headers.get('content-length'));
  if (announced > max) {
    await discard(body);
    throw new BodyTooLarge(max, announced);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array): boolean => {
    size += chunk.byteLength;
    if (size > max) return false;
    chunks.push(chunk);
    return true;
  };
  if (isStream(body)) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!take(value)) {
        await reader.cancel().catch(() => {});
        throw new BodyTooLarge(max, size);
      }
    }
  } else {
    // Leaving a for-await early closes the iterator, which destroys a Node stream.
    for await (const chunk of body) {
      if (!take(chunk)) throw new BodyTooLarge(max, size);
    }
  }
  return decoder.decode(chunks.length === 1 ? chunks[0] : concatBytes(chunks));
}

function isStream(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): body is ReadableStream<Uint8Array> {
  return typeof (body as ReadableStream<Uint8Array>).getReader === 'function';
}

/** Lets go of a body that will not be read (frees the connection). */
export async function discard(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null,
): Promise<void> {
  if (body === null) return;
  try {
    if (isStream(body)) await body.cancel();
    else await (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]().return?.();
  } catch {
    // Already closed or errored: nothing left to free.
  }
}
