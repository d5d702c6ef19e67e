// The partner app behind the browser example: serves the page, hands it its config and
// mounts sdk-node's signing handler at /sign on the page's own origin. The accessSecret
// lives here and nowhere else. An emulated JitAi app on another port stands in for the
// platform (it answers CORS like a real deployment must).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LosslessNumber } from '@signet/sdk-core';
import { createSigningHandler } from '@signet/sdk-node';
import { createJitaiEmulator, serveEmulator } from '@signet/sdk-testing';

const KEY = {
  accessKey: 'ak_browser_demo',
  accessSecret: 'd2f1c0b9a8e7d6c5b4a3f2e1d0c9b8a7f6e5d4',
};
const BROWSER_APIS = ['services.OrderSvc.query'];

/** A running example: the page's origin and the emulated JitAi app. */
export interface ExampleServer {
  url: string;
  jitaiBaseUrl: string;
  close(): Promise<void>;
}

export interface ExampleOptions {
  /** Page port (default 0: any free port). */
  port?: number;
  /** The page script: `main.ts` bundled for the browser. */
  script: () => Promise<string>;
}

export async function startExample(options: ExampleOptions): Promise<ExampleServer> {
  const jitai = await serveEmulator(
    createJitaiEmulator({
      orgId: 'demo',
      appName: 'shop',
      // The platform-side list is the real boundary: this key may call what the page may.
      apiAuths: [{ ...KEY, apis: [...BROWSER_APIS, 'services.AdminSvc.refund'] }],
      services: {
        'services.OrderSvc': {
          query: ({ orderId }) => ({
            orderId,
            status: 'PAID',
            amount: new LosslessNumber('128.50'),
            items: [{ sku: 'TEA-01', name: 'Longjing green tea', qty: 2 }],
          }),
        },
        'services.AdminSvc': { refund: () => ({ refunded: true }) },
      },
    }),
  );
  const jitaiBaseUrl = `${jitai.url}/api/demo/shop`;
  const sessions = new Set<string>();
  const sign = createSigningHandler({
    ...KEY,
    allow: BROWSER_APIS,
    basePath: '/api/demo/shop',
    // Only pages this server handed a session may get signatures.
    authorize: (request) => sessions.has(cookie(request.headers.get('cookie'), 'demo_session')),
  });
  const script = await options.script();
  const page = await readFile(new URL('./index.html', import.meta.url), 'utf8');

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String((error as Error)?.message ?? error));
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/sign') return send(res, await sign(await toRequest(req)));
    if (path === '/config.json') {
      return send(res, Response.json({ baseUrl: jitaiBaseUrl, accessKey: KEY.accessKey }));
    }
    if (path === '/main.js') {
      return send(res, new Response(script, { headers: { 'content-type': 'text/javascript' } }));
    }
    if (path === '/') {
      const id = randomUUID();
      sessions.add(id);
      const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
      headers.set('set-cookie', `demo_session=${id}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, new Response(page, { headers }));
    }
    return send(res, new Response('not found', { status: 404 }));
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${portOf(server)}`,
    jitaiBaseUrl,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await jitai.close();
    },
  };
}

/** node:http → fetch `Request`: what a fetch-style handler such as the signer takes. */
export async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array<ArrayBuffer>);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : new Blob(chunks);
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method,
    headers,
    ...(body ? { body } : {}),
  });
}

/** fetch `Response` → node:http. */
export async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(new Uint8Array(await response.arrayBuffer()));
}

function cookie(header: string | null, name: string): string {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return '';
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}
