import { concatBytes } from '@signet/sdk-core/internal';
import type { FetchHandler } from './core/controls.js';
import { setRawTarget } from './core/http.js';

/** Options of {@link serveEmulator}. */
export interface ServeEmulatorOptions {
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
}

/** A running server (see {@link serveEmulator}). */
export interface ServedEmulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/**
 * Serves a fetch-style handler (an emulator) as a real `node:http` server, so clients are
 * tested over real sockets. The request target reaches the emulator exactly as it was on
 * the request line (what a server signs and checks as `originalUrl`, query not
 * normalised), the body bytes unchanged; a dropped-connection fault destroys the socket.
 * Node only: `node:http` is loaded when called, so the testing entry stays importable in
 * browsers.
 *
 * @example
 * ```ts
 * const server = await serveEmulator(createDataFluxEmulator({ ... }))
 * const client = createDataFluxClient({ baseUrl: server.url, ... })
 * afterAll(() => server.close())
 * ```
 */
export async function serveEmulator(
  emulator: FetchHandler,
  options: ServeEmulatorOptions = {},
): Promise<ServedEmulator> {
  // A computed specifier: bundlers leave it alone, so browser builds of the testing entry
  // neither resolve nor rewrite `node:http` (esbuild would turn a literal into `http`).
  const specifier = 'node:http';
  const http = (await import(/* @vite-ignore */ specifier)) as typeof import('node:http');
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const chunks: Uint8Array[] = [];
    req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    req.on('end', () => {
      void answer(req, res, concatBytes(chunks), controller.signal);
    });
  });

  async function answer(
    req: InstanceType<typeof http.IncomingMessage>,
    res: InstanceType<typeof http.ServerResponse>,
    body: Uint8Array<ArrayBuffer>,
    signal: AbortSignal,
  ): Promise<void> {
    const target = req.url ?? '/';
    const method = req.method ?? 'GET';
    let response: Response;
    try {
      const headers = new Headers();
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      }
      const init: RequestInit = { method, headers, signal };
      if (method !== 'GET' && method !== 'HEAD' && body.length > 0) init.body = body;
      const request = new Request(`http://${req.headers.host ?? hostPort()}${target}`, init);
      setRawTarget(request, target);
      response = await emulator.fetch(request);
    } catch (error) {
      response = new Response(`emulator failed: ${(error as Error)?.message ?? String(error)}`, {
        status: 500,
        headers: { 'Content-Type': 'text/plain' },
      });
    }
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    res.setHeader('content-length', String(bytes.length));
    res.end(bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  function hostPort(): string {
    return `${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
  return {
    url: `http://${hostPort()}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
