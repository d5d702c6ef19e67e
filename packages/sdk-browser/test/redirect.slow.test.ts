// In real Chromium a redirect is opaque to the page (fetch with redirect: 'manual'):
// signet's client fails with the same typed error as in Node, and neither the target
// nor any other origin receives the request's credentials.
import type { ServedEmulator } from '@signet/sdk-testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleTestPage, CHROMIUM_ARGS, loadEsbuild, servePage } from './chromium-kit.js';

declare global {
  interface Window {
    signet: typeof import('../src');
  }
}

const TOKEN = 'browser-token-never-forwarded-123';
const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST',
};
let site: ServedEmulator;
let api: ServedEmulator;
let elsewhere: ServedEmulator;
let reachedElsewhere = 0;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const script = await bundleTestPage(loadEsbuild());
  elsewhere = await servePage({}, async () => {
    reachedElsewhere++;
    return new Response('{}', { headers: { ...cors, 'content-type': 'application/json' } });
  });
  api = await servePage({}, async (request) => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    return new Response(null, {
      status: 302,
      headers: { ...cors, location: `${elsewhere.url}/steal` },
    });
  });
  site = await servePage({
    '/': () =>
      new Response('<!doctype html><script type="module" src="/page.js"></script>', {
        headers: { 'content-type': 'text/html' },
      }),
    '/page.js': () => new Response(script, { headers: { 'content-type': 'text/javascript' } }),
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await (await browser.newContext()).newPage();
  await page.goto(`${site.url}/`);
  await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), api?.close(), elsewhere?.close()]);
});

test('a cross-origin 302 in Chromium is an opaque redirect: a typed error, nothing forwarded', async () => {
  const outcome = await page.evaluate(
    async ({ baseUrl, token }) => {
      const client = window.signet.createClient({ baseUrl, auth: window.signet.bearer(token) });
      try {
        await client.request('POST', '/orders', { json: { id: 1 } });
        return { ok: true };
      } catch (error) {
        const e = error as { name: string; message: string; status: number };
        return {
          ok: false,
          name: e.name,
          message: e.message,
          status: e.status,
          isSignet: error instanceof window.signet.SignetError,
        };
      }
    },
    { baseUrl: api.url, token: TOKEN },
  );
  expect(outcome).toMatchObject({ ok: false, name: 'SignetHttpError', isSignet: true });
  expect((outcome as { message: string }).message).toContain('the browser hides its target');
  expect((outcome as { message: string }).message).not.toContain(TOKEN);
  expect(reachedElsewhere).toBe(0);
});
