import * as core from '@signet/sdk-core';
import { createDataFluxEmulator, createJitaiEmulator } from '@signet/sdk-testing';
import { describe, expect, test } from 'vitest';
import * as browser from '../src';

const SECRET = 'browser-secret-never-in-messages-42';

describe('@signet/sdk-browser exports', () => {
  test('every public value of sdk-core, plus remoteSigner', () => {
    const missing = Object.keys(core).filter((name) => !(name in browser));
    expect(missing).toEqual([]);
    expect(typeof browser.remoteSigner).toBe('function');
    expect(browser.SignetError).toBe(core.SignetError);
  });

  test('the factories that take secrets are wrapped, the rest are sdk-core itself', () => {
    const wrapped = [
      [browser.createJitaiClient, core.createJitaiClient],
      [browser.createDataFluxClient, core.createDataFluxClient],
      [browser.createClient, core.createClient],
      [browser.createJitaiClientWithAuth, core.createJitaiClientWithAuth],
      [browser.createDataFluxClientWithAuth, core.createDataFluxClientWithAuth],
      [browser.jitai, core.jitai],
      [browser.dataflux, core.dataflux],
      [browser.hmacSignature, core.hmacSignature],
    ];
    for (const [ours, theirs] of wrapped) expect(ours).not.toBe(theirs);
    expect(browser.bearer).toBe(core.bearer);
    expect(browser.digest).toBe(core.digest);
  });

  test('the WebCrypto signers are in the main entry too', () => {
    expect(typeof browser.signJitaiRequest).toBe('function');
    expect(typeof browser.signDataFluxRequest).toBe('function');
    expect(typeof browser.signHmacRequest).toBe('function');
  });
});

describe('a signing secret in browser code', () => {
  const base = { baseUrl: 'https://jitai.test/api/org/app', accessKey: 'ak' };

  test.each([
    [
      'createJitaiClient({ accessSecret })',
      () => browser.createJitaiClient({ ...base, accessSecret: SECRET }),
    ],
    [
      'createDataFluxClient({ akSecret })',
      () =>
        browser.createDataFluxClient({ baseUrl: 'https://d.test', akId: 'i', akSecret: SECRET }),
    ],
    ['jitai()', () => browser.jitai({ accessKey: 'ak', accessSecret: SECRET })],
    ['dataflux()', () => browser.dataflux({ akId: 'id', akSecret: SECRET })],
    ['hmacSignature()', () => browser.hmacSignature({ keyId: 'k', secret: SECRET })],
    [
      'an sdk-core jitai() strategy',
      () =>
        browser.createJitaiClient({
          ...base,
          auth: core.jitai({ accessKey: 'ak', accessSecret: SECRET }),
        }),
    ],
    [
      'an sdk-core dataflux() strategy',
      () =>
        browser.createDataFluxClient({
          baseUrl: 'https://d.test',
          auth: core.dataflux({ akId: 'i', akSecret: SECRET }),
        }),
    ],
    [
      'an sdk-core hmacSignature() strategy',
      () =>
        browser.createClient({
          baseUrl: 'https://a.test',
          auth: core.hmacSignature({ keyId: 'k', secret: SECRET }),
        }),
    ],
  ])('%s is refused with a SignetConfigError that does not repeat it', (_label, make) => {
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(core.SignetConfigError);
    expect((error as Error).message).toMatch(
      /published to everyone who loads the page.*dangerouslyAllowSecretInBrowser/,
    );
    expect((error as Error).message).not.toContain(SECRET);
  });

  test('dangerouslyAllowSecretInBrowser: true signs locally through jitai(), as in Node', async () => {
    const app = createJitaiEmulator({
      orgId: 'org',
      appName: 'app',
      apiAuths: [{ accessKey: 'ak', accessSecret: SECRET, apis: ['services.S.f'] }],
      services: { 'services.S': { f: () => 'ok' } },
    });
    // The accessSecret shortcut is not in sdk-browser's factory (it would put the local
    // signer in every bundle); the message names the way that works.
    const shortcut = () =>
      browser.createJitaiClient({
        ...base,
        accessSecret: SECRET,
        dangerouslyAllowSecretInBrowser: true,
        fetch: app.asFetch(),
      });
    expect(shortcut).toThrow(core.SignetConfigError);
    expect(shortcut).toThrow(
      /auth: jitai\(\{ accessKey, accessSecret, dangerouslyAllowSecretInBrowser: true \}\)/,
    );
    expect(() => browser.createJitaiClient({ ...base })).toThrow(/pass auth: remoteSigner/);
    expect(() => browser.createJitaiClient(null as never)).toThrow(/options must be an object/);
    expect(() => browser.createDataFluxClient(null as never)).toThrow(/options must be an object/);
    const akShortcut = () =>
      browser.createDataFluxClient({
        baseUrl: 'https://d.test',
        akId: 'i',
        akSecret: SECRET,
        dangerouslyAllowSecretInBrowser: true,
      });
    expect(akShortcut).toThrow(
      /auth: dataflux\(\{ akId, akSecret, dangerouslyAllowSecretInBrowser: true \}\)/,
    );
    const strategy = browser.jitai({
      accessKey: 'ak',
      accessSecret: SECRET,
      dangerouslyAllowSecretInBrowser: true,
    });
    const viaStrategy = browser.createJitaiClient({
      ...base,
      auth: strategy,
      fetch: app.asFetch(),
    });
    await expect(viaStrategy.call('services.S.f')).resolves.toBe('ok');
  });
});

describe('credentials mode of API requests', () => {
  function recording() {
    const modes: (RequestCredentials | undefined)[] = [];
    const app = createDataFluxEmulator({
      funcs: { 'f.g': () => ({ n: 1 }) },
      syncApis: {
        d: { func: 'f.g', auth: { type: 'httpDigest', users: [{ username: 'u', password: 'p' }] } },
        b: { func: 'f.g', auth: { type: 'httpBasic', users: [{ username: 'u', password: 'p' }] } },
        t: {
          func: 'f.g',
          auth: { type: 'fixedField', fields: [{ location: 'header', name: 'x-t', value: 'v' }] },
        },
      },
    });
    const inner = app.asFetch();
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      modes.push(init?.credentials);
      return inner(input, init);
    }) as typeof globalThis.fetch;
    return { modes, fetch };
  }
  const baseUrl = 'https://dff.test';

  test("digest() and basic() omit cookies, so the browser's own login dialog never opens", async () => {
    const { modes, fetch } = recording();
    const d = browser.createDataFluxClient({
      baseUrl,
      fetch,
      auth: browser.digest({ username: 'u', password: 'p' }),
    });
    const b = browser.createDataFluxClient({
      baseUrl,
      fetch,
      auth: browser.basic({ username: 'u', password: 'p' }),
    });
    await expect(d.sync('d', {})).resolves.toEqual({ n: 1 });
    await expect(b.sync('b', {})).resolves.toEqual({ n: 1 });
    expect(modes).toEqual(['omit', 'omit', 'omit']);
  });

  test('the *WithAuth factories apply the same defaults and refusals', async () => {
    const { modes, fetch } = recording();
    const d = browser.createDataFluxClientWithAuth(
      { baseUrl, fetch },
      browser.digest({ username: 'u', password: 'p' }),
    );
    await expect(d.sync('d', {})).resolves.toEqual({ n: 1 });
    expect(modes).toEqual(['omit', 'omit']);
    const secret = 'with-auth-secret-31c9';
    expect(() =>
      browser.createDataFluxClientWithAuth(
        { baseUrl },
        core.dataflux({ akId: 'a', akSecret: secret }),
      ),
    ).toThrow(/published to everyone who loads the page/);
    expect(() =>
      browser.createJitaiClientWithAuth(
        { baseUrl: 'https://j.test/api/o/a' },
        core.jitai({ accessKey: 'ak', accessSecret: secret }),
      ),
    ).toThrow(/published to everyone who loads the page/);
  });

  test('other strategies keep the browser default; the credentials option overrides', async () => {
    const { modes, fetch } = recording();
    const auth = browser.fixedField({ in: 'header', name: 'x-t', value: 'v' });
    await browser.createDataFluxClient({ baseUrl, fetch, auth }).sync('t', {});
    await browser
      .createDataFluxClient({ baseUrl, fetch, auth, credentials: 'include' })
      .sync('t', {});
    // No mode set: the browser's own default (same-origin) applies.
    expect(modes).toEqual([undefined, 'include']);
  });
});
