// The signing handler reads its body as a stream and stops as soon as it passes
// maxBodyBytes, whatever Content-Length says: a page (or anyone who can reach the endpoint)
// must not make the backend buffer hundreds of MiB before it is refused. Served here the way
// the common node:http adapters do it (the IncomingMessage as a web stream, Readable.toWeb).
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSigningHandler } from '../src/signing-handler.js';

const MiB = 1 << 20;
const SECRET = 'body-limit-secret-9a8b7c6d5e';
const handler = createSigningHandler({
  accessKey: 'ak_web',
  accessSecret: SECRET,
  allow: ['services.OrderSvc.query'],
  maxBodyBytes: MiB,
  dangerouslySignForAnyone: true,
});
const payload = JSON.stringify({
  op: 'sign',
  profile: 'jitai',
  api: 'services.OrderSvc.query',
  method: 'POST',
  path: '/api/org/app/services/OrderSvc/query',
  bodyText: '{"orderId":"1"}',
});

/** Bytes the server had taken off each request's socket when its answer was sent. */
const readWhenAnswered: number[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    readWhenAnswered.push(req.socket.bytesRead);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Sends a chunked POST of `chunks` × 1 MiB over a raw socket, as fast as the server takes
 * it, and resolves with the answer's status line once one arrives (the upload stops then).
 */
function postChunked(chunks: number, head = ''): Promise<{ status: string; sentMiB: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(MiB, 0x20);
    let sent = 0;
    let answer = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: answer.split('\r\n')[0] ?? '', sentMiB: sent });
    };
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (answer.includes('\r\n\r\n')) finish();
    });
    socket.on('error', (error) => (answer ? finish() : reject(error)));
    socket.on('close', finish);
    socket.write(
      `POST /sign HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${head}Transfer-Encoding: chunked\r\n\r\n`,
    );
    const pump = () => {
      while (!done && sent < chunks) {
        sent++;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (!socket.write('\r\n')) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!done) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

describe('createSigningHandler: the body limit stops the reading', () => {
  test('a chunked 100 MiB body against maxBodyBytes 1 MiB: 413 after about 1 MiB read', async () => {
    readWhenAnswered.length = 0;
    const { status, sentMiB } = await postChunked(100);
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
    // Before, request.text() took all 100 MiB off the socket before refusing it.
    expect(readWhenAnswered).toHaveLength(1);
    expect(readWhenAnswered[0]).toBeGreaterThan(MiB);
    expect(readWhenAnswered[0]).toBeLessThan(3 * MiB);
    expect(sentMiB).toBeLessThan(100);
  });

  test('a chunked body under the limit is read whole and signed', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([payload]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { headers: object }).headers).toHaveProperty('accessSign');
  });

  test('a Content-Length over the limit is refused without reading', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `${payload}${' '.repeat(2 * MiB)}`,
    });
    expect(response.status).toBe(413);
  });

  test('a lying Content-Length (10) over a 50 MiB stream: reading stops past the limit', async () => {
    // node:http itself enforces Content-Length, but a handler mounted elsewhere (a proxy,
    // an in-process router) may see a header that does not match the stream behind it.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 50 * MiB) return controller.close();
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const request = new Request('http://127.0.0.1/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBe('10');
    const response = await handler(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { name: 'PayloadTooLarge', message: `the signing request exceeds ${MiB} bytes` },
    });
    // Before, all 50 MiB were pulled; now one chunk past the limit, plus what the stream
    // queued ahead (its high-water mark).
    expect(pulled).toBeGreaterThan(MiB);
    expect(pulled).toBeLessThan(MiB + 4 * 64 * 1024);
  });

  test('a body that breaks off is a 400, not a 500', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"op":'));
        controller.error(new Error('connection reset'));
      },
    });
    const request = new Request('http://127.0.0.1/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(400);
  });
});
