// What the real-browser tests need around Chromium: the page bundle built from the
// workspace sources, a page server, and a detector for the browser's own login dialog.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type ServedEmulator, serveEmulator } from '@signet/sdk-testing';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** The part of esbuild's API the tests use. */
export interface Esbuild {
  build(
    options: Record<string, unknown>,
  ): Promise<{ outputFiles?: { text: string }[] | undefined }>;
}

/** What `examples/browser/app.ts` and `bundle.ts` offer (typechecked with the example). */
export interface ExampleModules {
  startExample(options: {
    script: () => Promise<string>;
  }): Promise<{ url: string; jitaiBaseUrl: string; close(): Promise<void> }>;
  bundlePage(esbuild: Esbuild, alias?: Record<string, string>): Promise<string>;
}

/** The browser example, loaded from its sources. */
export async function loadExample(): Promise<ExampleModules> {
  const dir = new URL('../../../examples/browser/', import.meta.url);
  const [app, bundle] = await Promise.all([
    import(/* @vite-ignore */ new URL('app.ts', dir).href),
    import(/* @vite-ignore */ new URL('bundle.ts', dir).href),
  ]);
  return { startExample: app.startExample, bundlePage: bundle.bundlePage };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The workspace packages as their sources, so a browser run never uses a stale build. */
export const SOURCE_ALIASES: Record<string, string> = {
  '@signet/sdk-browser': here('../src/index.ts'),
  '@signet/sdk-core': here('../../sdk-core/src/index.ts'),
};

/** esbuild, as installed for tsup (the workspace's build tool). */
export function loadEsbuild(): Esbuild {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('tsup'))('esbuild') as Esbuild;
}

/** The test page script: the whole browser package on `window.signet`. */
export async function bundleTestPage(esbuild: Esbuild): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents:
        "import * as signet from '@signet/sdk-browser'; window.signet = signet; document.body.dataset.ready = '1';",
      resolveDir: here('.'),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias: SOURCE_ALIASES,
    logLevel: 'warning',
  });
  return result.outputFiles![0]!.text;
}

/** Chromium flags for CI containers (the project brief; DEVELOPERS.md). */
export const CHROMIUM_ARGS: string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A page server on 127.0.0.1: `routes` by path, then `fallback`, anything else 404.
 * Served by the testing kit's `serveEmulator`, which takes any fetch-style handler.
 */
export function servePage(
  routes: Record<string, (request: Request) => Response | Promise<Response>>,
  fallback?: (request: Request) => Promise<Response | undefined>,
): Promise<ServedEmulator> {
  return serveEmulator({
    async fetch(request) {
      const route = routes[new URL(request.url).pathname];
      const response = route ? await route(request) : await fallback?.(request);
      return response ?? new Response('not found', { status: 404 });
    },
  });
}

/**
 * Counts the times the browser would show its HTTP-auth login dialog: the DevTools
 * `Fetch.authRequired` event fires exactly where Chromium would ask the user. Each one
 * is cancelled, so the page gets the 401 as it would after the user pressed Cancel.
 */
export async function watchLoginDialogs(
  context: BrowserContext,
  page: Page,
): Promise<{ count(): number; reset(): void }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  let count = 0;
  cdp.on('Fetch.authRequired', (event) => {
    count++;
    void cdp.send('Fetch.continueWithAuth', {
      requestId: event.requestId,
      authChallengeResponse: { response: 'CancelAuth' },
    });
  });
  cdp.on('Fetch.requestPaused', (event) => {
    void cdp.send('Fetch.continueRequest', { requestId: event.requestId });
  });
  await cdp.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: '*' }] });
  return {
    count: () => count,
    reset: () => {
      count = 0;
    },
  };
}
