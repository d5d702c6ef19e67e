// Every entry of the built packages, loaded the way a user's app loads it (by package
// name, through `require` here and `import` in calls.mjs), makes a real call against the
// testing kit's emulators on 127.0.0.1, and hands out the one copy of sdk-core's classes.
// Prints one `ok`/`FAIL` line per check; exits 1 on any failure.
const FORM = process.argv[2] ?? 'require';

async function load(name) {
  return FORM === 'require' ? require(name) : import(name);
}

const KEY = { accessKey: 'checks0001', accessSecret: 'package-check-secret-7f3a' };
const AK = { akId: 'ak-checks', akSecret: 'sk-checks-4b1e' };
let failed = 0;
async function check(label, fn) {
  try {
    await fn();
    console.log(`ok   ${FORM} ${label}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${FORM} ${label}: ${error?.stack ?? error}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const core = await load('@signet/sdk-core');
  const node = await load('@signet/sdk-node');
  const browser = await load('@signet/sdk-browser');
  const testing = await load('@signet/sdk-testing');
  const jit = testing.createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query'] }],
    services: {
      'services.OrderSvc': {
        query: (args) => ({ echo: args, big: 2n ** 64n, ratio: new core.LosslessNumber('1.0') }),
      },
    },
  });
  const dff = testing.createDataFluxEmulator({
    accessKeys: [AK],
    funcs: { 'm.echo': (kwargs) => ({ got: kwargs }) },
  });
  const signer = node.createSigningHandler({
    ...KEY,
    allow: ['services.OrderSvc.query'],
    basePath: '/api/org/app',
    authorize: () => true,
  });
  const [jitServer, dffServer, signerServer] = await Promise.all([
    testing.serveEmulator(jit),
    testing.serveEmulator(dff),
    testing.serveEmulator({ fetch: signer }),
  ]);
  const jitBase = `${jitServer.url}${jit.basePath}`;
  try {
    await check('one SignetError and LosslessNumber for every entry', async () => {
      for (const other of [node, browser]) {
        assert(other.SignetError === core.SignetError, 'a second SignetError');
        assert(other.LosslessNumber === core.LosslessNumber, 'a second LosslessNumber');
      }
    });
    await check(
      '@signet/sdk-core: a signed JitAi call, a LosslessNumber arg, verified',
      async () => {
        const client = core.createJitaiClient({ baseUrl: jitBase, ...KEY });
        const result = await client.call('services.OrderSvc.query', {
          orderId: '1',
          n: new core.LosslessNumber('2.0'),
        });
        assert(
          result.big === 2n ** 64n && result.echo.orderId === '1',
          JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? String(v) : v)),
        );
        const error = await client.call('services.OrderSvc.nope', {}).catch((e) => e);
        assert(error instanceof core.SignetError && error.name === 'SignetApiError', String(error));
      },
    );
    await check('@signet/sdk-core/internal', async () => {
      const internal = await load('@signet/sdk-core/internal');
      assert(internal.quoteJsonString('a"b') === '"a\\"b"', 'quoteJsonString');
    });
    await check('@signet/sdk-node: JitAi and DataFlux calls on its undici transport', async () => {
      const jitClient = node.createJitaiClient({ baseUrl: jitBase, ...KEY, env: false });
      const result = await jitClient.call('services.OrderSvc.query', { orderId: '2' });
      assert(result.echo.orderId === '2', 'jitai');
      const dffClient = node.createDataFluxClient({ baseUrl: dffServer.url, ...AK, env: false });
      const got = await dffClient.callFunc('m.echo', { x: 1 });
      assert(got.got.x === 1, 'dataflux');
    });
    await check('@signet/sdk-browser: delegated signing through the signing handler', async () => {
      const client = browser.createJitaiClient({
        baseUrl: jitBase,
        accessKey: KEY.accessKey,
        auth: browser.remoteSigner({ endpoint: `${signerServer.url}/sign` }),
      });
      const result = await client.call('services.OrderSvc.query', { orderId: '3' });
      assert(result.echo.orderId === '3', 'remote');
    });
    for (const [entry, name] of [
      ['@signet/sdk-browser/signer', 'signJitaiRequest'],
      ['@signet/sdk-browser/signer/jitai', 'signJitaiRequest'],
    ]) {
      await check(`${entry}: ${name} headers accepted by the emulator`, async () => {
        const mod = await load(entry);
        const args = { orderId: '4' };
        const { headers } = await mod[name]({ ...KEY, args });
        const res = await fetch(`${jitBase}/services/OrderSvc/query`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(args),
        });
        const envelope = await res.json();
        assert(envelope.errcode === 0, JSON.stringify(envelope));
      });
    }
    await check(
      '@signet/sdk-browser/signer/dataflux: headers accepted by the emulator',
      async () => {
        const mod = await load('@signet/sdk-browser/signer/dataflux');
        const body = { kwargs: { y: 1 } };
        const signed = await mod.signDataFluxRequest({
          ...AK,
          method: 'POST',
          pathWithQuery: '/api/v1/func/m.echo',
          body,
        });
        const res = await fetch(`${dffServer.url}/api/v1/func/m.echo`, {
          method: 'POST',
          headers: { ...signed.headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        assert(res.status === 200, `status ${res.status}: ${await res.text()}`);
      },
    );
    await check(
      '@signet/sdk-browser/signer/hmac: a signature that verifyHmacRequest accepts',
      async () => {
        const mod = await load('@signet/sdk-browser/signer/hmac');
        const signed = await mod.signHmacRequest(
          { method: 'POST', pathWithQuery: '/x', body: '{"a":1}' },
          { keyId: 'k', secret: 'hmac-check-secret' },
        );
        const verdict = core.verifyHmacRequest(
          {
            method: 'POST',
            pathWithQuery: '/x',
            headers: signed.headers,
            body: '{"a":1}',
            now: Date.now(),
          },
          { secret: 'hmac-check-secret' },
        );
        assert(verdict.ok, JSON.stringify(verdict));
      },
    );
    await check('@signet/sdk-core/ky: a DataFlux call through ky with signet hooks', async () => {
      const { withSignet } = await load('@signet/sdk-core/ky');
      const ky = (await import('ky')).default;
      const api = withSignet(ky.create({ prefix: `${dffServer.url}/` }), {
        auth: core.dataflux(AK),
      });
      const envelope = await api.post('api/v1/func/m.echo', { json: { kwargs: { z: 1 } } }).json();
      assert(envelope.data.result.got.z === 1, JSON.stringify(envelope));
    });
    await check('@signet/sdk-testing/msw: a call answered through msw handlers', async () => {
      const { emulatorHandlers } = await load('@signet/sdk-testing/msw');
      const { setupServer } = await load('msw/node');
      const server = setupServer(...emulatorHandlers(jit, 'http://jitai.test'));
      server.listen({ onUnhandledFrame: 'error' });
      try {
        const client = core.createJitaiClient({
          baseUrl: 'http://jitai.test/api/org/app',
          ...KEY,
          allowInsecureHttp: true,
        });
        const result = await client.call('services.OrderSvc.query', { orderId: '5' });
        assert(result.echo.orderId === '5', 'msw');
      } finally {
        server.close();
      }
    });
  } finally {
    await Promise.all([jitServer.close(), dffServer.close(), signerServer.close()]);
  }
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.log(`FAIL ${FORM}: ${error?.stack ?? error}`);
  process.exit(1);
});
