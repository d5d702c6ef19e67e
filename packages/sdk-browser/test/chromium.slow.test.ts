// Real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) loads
// the browser package, bundled from the workspace sources, from a local page and makes
// signed calls against emulated JitAi and DataFlux servers on other origins (CORS), with
// the partner's signing handler on the page's own origin.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LosslessNumber } from '@signet/sdk-core';
import {
  createDataFluxEmulator,
  createJitaiEmulator,
  JitaiBusinessError,
  type ServedEmulator,
  serveEmulator,
} from '@signet/sdk-testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { rewriteGolden, UPDATE_GOLDEN } from '../../../test/golden.js';
// sdk-node is not a dependency of this package: its handler is taken from the sources.
import { createSigningHandler } from '../../sdk-node/src/signing-handler.js';
import {
  bundleTestPage,
  CHROMIUM_ARGS,
  loadEsbuild,
  loadExample,
  SOURCE_ALIASES,
  servePage,
  watchLoginDialogs,
} from './chromium-kit.js';

declare global {
  interface Window {
    signet: typeof import('../src');
  }
}

const KEY = { accessKey: 'ak_browser_01', accessSecret: 'browser-key-secret-6a1f0c9e2d7b' };
const AK = { akId: 'ak-web', akSecret: 'sk-web-9f8e7d6c' };
const users = { basic: ['alice', 'pw-basic'], digest: ['bob', 'pw-digest'] } as const;

const jitaiEmulator = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [
    {
      ...KEY,
      apis: ['services.OrderSvc.query', 'services.OrderSvc.fail', 'services.AdminSvc.drop'],
    },
  ],
  definitions: [
    {
      fullName: 'services.PublicSvc',
      functionList: [{ name: 'hello', ignoreSign: true, loginRequired: false }],
    },
  ],
  services: {
    'services.OrderSvc': {
      query: ({ orderId }) => ({ orderId, ratio: new LosslessNumber('1.0'), big: 2n ** 64n }),
      fail: () => {
        throw new JitaiBusinessError(30001, 'order does not exist');
      },
    },
    'services.AdminSvc': { drop: () => 'dropped' },
    'services.PublicSvc': { hello: () => ({ hi: 'bearer' }) },
  },
  bearer: { tokens: { testtoken123: 'demoapp' }, functions: [['services.PublicSvc', 'hello']] },
});
const dataFluxEmulator = createDataFluxEmulator({
  strictDigest: true,
  accessKeys: [AK],
  funcs: { 'demo__main.echo': (kwargs) => ({ got: kwargs }) },
  syncApis: {
    fixed: {
      func: 'demo__main.echo',
      auth: {
        type: 'fixedField',
        fields: [{ location: 'header', name: 'x-auth-token', value: 'tok-123' }],
      },
    },
    basic: {
      func: 'demo__main.echo',
      auth: { type: 'httpBasic', users: [{ username: users.basic[0], password: users.basic[1] }] },
    },
    digest: {
      func: 'demo__main.echo',
      auth: {
        type: 'httpDigest',
        users: [{ username: users.digest[0], password: users.digest[1] }],
      },
    },
  },
});

let jitai: ServedEmulator;
let dataflux: ServedEmulator;
let site: { url: string; close(): Promise<void> };
let example: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dialogs: { count(): number; reset(): void };
const signerOps: string[] = [];

beforeAll(async () => {
  const esbuild = loadEsbuild();
  const [script, modules] = await Promise.all([bundleTestPage(esbuild), loadExample()]);
  jitai = await serveEmulator(jitaiEmulator);
  dataflux = await serveEmulator(dataFluxEmulator);
  const handler = createSigningHandler({
    ...KEY,
    allow: ['services.OrderSvc.query', 'services.OrderSvc.fail'],
    basePath: '/api/org/app',
    // Who may get a signature is not what these tests are about.
    dangerouslySignForAnyone: true,
  });
  site = await servePage(
    {
      '/': () =>
        new Response(
          '<!doctype html><title>signet</title><script type="module" src="/page.js"></script>',
          {
            headers: { 'content-type': 'text/html' },
          },
        ),
      '/page.js': () => new Response(script, { headers: { 'content-type': 'text/javascript' } }),
      '/sign': async (request) => {
        signerOps.push(((await request.clone().json()) as { op: string }).op);
        return handler(request);
      },
    },
    // DataFlux on the page's own origin too: the case where browsers ask for a login.
    async (request) =>
      new URL(request.url).pathname.startsWith('/api/v1/')
        ? dataFluxEmulator.fetch(request)
        : undefined,
  );
  example = await modules.startExample({
    script: () => modules.bundlePage(esbuild, SOURCE_ALIASES),
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext();
  page = await context.newPage();
  dialogs = await watchLoginDialogs(context, page);
  await page.goto(`${site.url}/`);
  await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([jitai?.close(), dataflux?.close(), site?.close(), example?.close()]);
});

beforeEach(() => {
  signerOps.length = 0;
  dialogs.reset();
  jitaiEmulator.tamperResponseSignature = false;
});

/** Runs `fn` in the page with the test's URLs; errors come back as plain fields. */
function inPage<T>(fn: (urls: Urls) => Promise<T>): Promise<T> {
  return page.evaluate(fn, {
    jitai: `${jitai.url}/api/org/app`,
    dataflux: dataflux.url,
    site: site.url,
  });
}
interface Urls {
  jitai: string;
  dataflux: string;
  site: string;
}

describe('sdk-browser in Chromium', () => {
  test('delegated signing: signed by the page origin handler, response verified there too', async () => {
    const result = await inPage(async ({ jitai }) => {
      const { createJitaiClient, remoteSigner } = window.signet;
      const jit = createJitaiClient({
        baseUrl: jitai,
        accessKey: 'ak_browser_01',
        auth: remoteSigner({ endpoint: '/sign' }),
      });
      const order = (await jit.call('services.OrderSvc.query', { orderId: 'A-1' })) as Record<
        string,
        unknown
      >;
      return { ...order, big: String(order.big), bigType: typeof order.big };
    });
    expect(result).toEqual({ orderId: 'A-1', ratio: 1, big: String(2n ** 64n), bigType: 'bigint' });
    expect(signerOps).toEqual(['sign', 'verify']);
    expect(jitaiEmulator.calls.at(-1)).toMatchObject({
      auth: 'signed',
      ok: true,
      accessKey: KEY.accessKey,
    });
  });

  test('a tampered response signature is a SignetSignatureError (instanceof and name)', async () => {
    jitaiEmulator.tamperResponseSignature = true;
    const error = await inPage(async ({ jitai }) => {
      const { createJitaiClient, remoteSigner, SignetSignatureError, SignetError } = window.signet;
      const jit = createJitaiClient({ baseUrl: jitai, auth: remoteSigner({ endpoint: '/sign' }) });
      try {
        await jit.call('services.OrderSvc.query', { orderId: '1' });
        return undefined;
      } catch (e) {
        return {
          name: (e as Error).name,
          signature: e instanceof SignetSignatureError,
          signet: e instanceof SignetError,
          problem: (e as { problem?: string }).problem,
        };
      }
    });
    expect(error).toEqual({
      name: 'SignetSignatureError',
      signature: true,
      signet: true,
      problem: 'bad-signature',
    });
  });

  test('typed errors: business error, signer refusal, ambiguous args', async () => {
    const errors = await inPage(async ({ jitai }) => {
      const s = window.signet;
      const jit = s.createJitaiClient({
        baseUrl: jitai,
        auth: s.remoteSigner({ endpoint: '/sign' }),
      });
      const describe = async (call: () => Promise<unknown>) => {
        try {
          await call();
          return 'no error';
        } catch (e) {
          const classes = [s.SignetApiError, s.SignetHttpError, s.SignetConfigError] as const;
          const match = classes.find((c) => e instanceof c);
          const fields = e as { name: string; errcode?: unknown; status?: number };
          return `${fields.name}|${match?.name ?? '-'}|${fields.errcode ?? fields.status ?? ''}`;
        }
      };
      return [
        await describe(() => jit.call('services.OrderSvc.fail', {})),
        await describe(() => jit.call('services.AdminSvc.drop', {})),
        await describe(() => jit.call('services.OrderSvc.query', { orderId: '1', ORDERID: '2' })),
      ];
    });
    expect(errors).toEqual([
      'SignetApiError|SignetApiError|30001',
      'SignetHttpError|SignetHttpError|403',
      'SignetConfigError|SignetConfigError|',
    ]);
  });

  test('a raw signing secret is refused unless dangerouslyAllowSecretInBrowser', async () => {
    const outcome = await inPage(async ({ jitai, dataflux }) => {
      const s = window.signet;
      const refused = (make: () => unknown) => {
        try {
          make();
          return 'accepted';
        } catch (e) {
          return e instanceof s.SignetConfigError ? 'SignetConfigError' : String(e);
        }
      };
      const secret = 'browser-key-secret-6a1f0c9e2d7b';
      const allowed = s.createJitaiClient({
        baseUrl: jitai,
        auth: s.jitai({
          accessKey: 'ak_browser_01',
          accessSecret: secret,
          dangerouslyAllowSecretInBrowser: true,
        }),
      });
      const aksk = s.createDataFluxClient({
        baseUrl: dataflux,
        auth: s.dataflux({
          akId: 'ak-web',
          akSecret: 'sk-web-9f8e7d6c',
          dangerouslyAllowSecretInBrowser: true,
        }),
      });
      return {
        client: refused(() =>
          s.createJitaiClient({ baseUrl: jitai, accessKey: 'k', accessSecret: secret }),
        ),
        jitai: refused(() => s.jitai({ accessKey: 'k', accessSecret: secret })),
        dataflux: refused(() => s.dataflux({ akId: 'a', akSecret: 'b' })),
        hmac: refused(() => s.hmacSignature({ keyId: 'k', secret })),
        optedIn: await allowed.call('services.OrderSvc.query', { orderId: 'B-2' }),
        aksk: await aksk.callFunc('demo__main.echo', { x: 1 }),
      };
    });
    expect(outcome).toMatchObject({
      client: 'SignetConfigError',
      jitai: 'SignetConfigError',
      dataflux: 'SignetConfigError',
      hmac: 'SignetConfigError',
      optedIn: { orderId: 'B-2' },
      aksk: { got: { x: 1 } },
    });
  });

  test('WebCrypto signers: JitAi and DataFlux calls signed in the page pass the verifying servers', async () => {
    const outcome = await inPage(async ({ jitai, dataflux }) => {
      const s = window.signet;
      const args = { orderId: 'W-7', note: 'é∑😀' };
      const key = { accessKey: 'ak_browser_01', accessSecret: 'browser-key-secret-6a1f0c9e2d7b' };
      let refused = 'accepted';
      try {
        await s.signJitaiRequest({ ...key, args });
      } catch (e) {
        refused = e instanceof s.SignetConfigError ? 'SignetConfigError' : String(e);
      }
      const signed = await s.signJitaiRequest({
        ...key,
        args,
        dangerouslyAllowSecretInBrowser: true,
      });
      const jitaiResponse = await fetch(`${jitai}/services/OrderSvc/query`, {
        method: 'POST',
        headers: signed.headers,
        body: JSON.stringify(args),
      });
      const text = await jitaiResponse.text();
      const result = s.verifyJitaiResponse(text, { secret: key.accessSecret }) as {
        orderId: string;
      };
      const body = { kwargs: { x: 1 } };
      const path = '/api/v1/func/demo__main.echo';
      const aksk = await s.signDataFluxRequest({
        akId: 'ak-web',
        akSecret: 'sk-web-9f8e7d6c',
        method: 'POST',
        pathWithQuery: path,
        body,
        dangerouslyAllowSecretInBrowser: true,
      });
      const dataFluxResponse = await fetch(`${dataflux}${path}`, {
        method: 'POST',
        headers: { ...aksk.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return {
        refused,
        secureContext: window.isSecureContext,
        jitai: { status: jitaiResponse.status, orderId: result.orderId },
        dataflux: { status: dataFluxResponse.status, body: await dataFluxResponse.json() },
      };
    });
    expect(outcome).toMatchObject({
      refused: 'SignetConfigError',
      secureContext: true,
      jitai: { status: 200, orderId: 'W-7' },
      dataflux: { status: 200, body: { ok: true, data: { result: { got: { x: 1 } } } } },
    });
    expect(jitaiEmulator.calls.at(-1)).toMatchObject({ auth: 'signed', ok: true });
  });

  test('bearer, fixed field and Basic work as in Node', async () => {
    const results = await inPage(async ({ jitai, dataflux }) => {
      const s = window.signet;
      const jit = s.createJitaiClient({ baseUrl: jitai, auth: s.bearer('testtoken123') });
      const fixed = s.createDataFluxClient({
        baseUrl: dataflux,
        auth: s.fixedField({ in: 'header', name: 'x-auth-token', value: 'tok-123' }),
      });
      const basic = s.createDataFluxClient({
        baseUrl: dataflux,
        auth: s.basic({ username: 'alice', password: 'pw-basic' }),
      });
      return [
        await jit.call('services.PublicSvc.hello', {}),
        await fixed.sync('fixed', { n: 1 }),
        await basic.sync('basic', { n: 2 }),
      ];
    });
    expect(results).toEqual([{ hi: 'bearer' }, { got: { n: 1 } }, { got: { n: 2 } }]);
    expect(dialogs.count()).toBe(0);
  });

  test('Digest answers its challenge in code, cross-origin and same-origin, with no login dialog', async () => {
    const results = await inPage(async ({ dataflux, site }) => {
      const s = window.signet;
      const auth = () => s.digest({ username: 'bob', password: 'pw-digest' });
      const cross = s.createDataFluxClient({ baseUrl: dataflux, auth: auth() });
      const same = s.createDataFluxClient({ baseUrl: site, auth: auth() });
      return [
        await cross.sync('digest', { n: 1 }),
        await cross.sync('digest', { n: 2 }),
        await same.sync('digest', { n: 3 }),
      ];
    });
    expect(results).toEqual([{ got: { n: 1 } }, { got: { n: 2 } }, { got: { n: 3 } }]);
    expect(dialogs.count()).toBe(0);
  });

  test('control: a same-origin fetch with cookies on a Digest 401 does reach the login dialog', async () => {
    const status = await inPage(async ({ site }) => {
      const response = await fetch(`${site}/api/v1/sync/digest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"kwargs":{}}',
      });
      return response.status;
    });
    expect(status).toBe(401);
    expect(dialogs.count()).toBe(1);
  });

  test('a wrong Digest password fails with a typed error, still without a dialog', async () => {
    const name = await inPage(async ({ site }) => {
      const s = window.signet;
      const dff = s.createDataFluxClient({
        baseUrl: site,
        auth: s.digest({ username: 'bob', password: 'nope' }),
      });
      return dff.sync('digest', {}).then(
        () => 'no error',
        (e: Error) => `${e.name}:${(e as { status?: number }).status}`,
      );
    });
    expect(name).toBe('SignetApiError:401');
    expect(dialogs.count()).toBe(0);
  });
});

describe('examples/browser in Chromium', () => {
  test('the example page queries through its signer; a refund is refused; a screenshot is taken', async () => {
    const tab = await context.newPage();
    await tab.setViewportSize({ width: 900, height: 860 });
    await tab.goto(`${example.url}/`);
    await tab.click('#query');
    await tab.waitForSelector('#result[data-state="ok"]');
    expect(JSON.parse((await tab.textContent('#result')) ?? '')).toMatchObject({
      orderId: '1001',
      status: 'PAID',
      amount: 128.5,
    });
    await tab.click('#refund');
    await tab.waitForSelector('#refused[data-state="done"]');
    expect(await tab.textContent('#refused')).toMatch(/^SignetHttpError: .*403: Forbidden/);
    expect(await tab.locator('#log li').allTextContents()).toEqual([
      '/sign sign → 200',
      '/sign verify → 200',
      'services.OrderSvc.query → HTTP 200, verified',
      '/sign sign → 403',
      'services.AdminSvc.refund → not sent, SignetHttpError',
    ]);
    const png = await tab.screenshot({ fullPage: true });
    await tab.close();
    // A PNG (signature, then the IHDR chunk) of the page at the viewport's width.
    expect(png.subarray(0, 8)).toEqual(Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(900);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(400);
    // The checked-in screenshot changes only when asked (test/golden.ts); otherwise the
    // run's screenshot goes to a temp dir, for a look.
    if (UPDATE_GOLDEN) {
      rewriteGolden(
        fileURLToPath(new URL('../../../examples/browser/screenshot.png', import.meta.url)),
        png,
      );
    }
    const dir = path.join(tmpdir(), 'signet-chromium');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'screenshot.png'), png);
  });
});
