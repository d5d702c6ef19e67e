// Reading a signing request's body without trusting what it says about itself: a page (or
// anyone who can reach the endpoint) chooses the Content-Length, or sends none (chunked).
import { SignerRefusal } from './signing-request.js';

/**
 * The body as UTF-8 text, or undefined as soon as it is known to exceed `maxBytes`: a
 * Content-Length above the limit is refused unread, and otherwise the stream is read
 * chunk by chunk and reading stops at the first chunk past the limit, whatever
 * Content-Length promised.
 *
 * The rest is left unread rather than cancelled: with the usual node:http adapters
 * (`Readable.toWeb(req)`) cancelling destroys the socket, so the client would see a reset
 * instead of the 413; an unread stream just stops pulling from the connection.
 */
export async function readBodyWithin(
  request: Request,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw new SignerRefusal(400, 'BadRequest', 'the signing request body broke off');
      });
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) return undefined;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const whole = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // As Request.text() decodes: malformed sequences become U+FFFD, a leading BOM is dropped.
  return new TextDecoder().decode(whole);
}
