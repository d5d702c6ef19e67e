// The servers the smoke module talks to, run in Node from the BUILT packages: an emulated
// JitAi app (and a copy that tampers with its response signatures), an emulated DataFlux
// Func with AK/SK and strict Digest, sdk-node's signing handler, and a control server
// that hands each runtime its input.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const KEYS = {
  jitai: { accessKey: 'ak_runtime_01', accessSecret: 'runtime-smoke-secret-5b0c8f1e' },
  dataflux: { akId: 'ak-runtime', akSecret: 'sk-runtime-4d2a' },
  digest: { username: 'bob', password: 'pw-digest' },
};

export async function startServers(root) {
  const load = (path) => import(pathToFileURL(join(root, path)).href);
  const core = await load('packages/sdk-core/dist/index.js');
  const testing = await load('packages/sdk-testing/dist/index.js');
  const node = await load('packages/sdk-node/dist/index.js');

  const jitaiApp = (tamper) =>
    testing.createJitaiEmulator({
      orgId: 'org',
      appName: 'app',
      tamperResponseSignature: tamper,
      apiAuths: [{ ...KEYS.jitai, apis: ['services.OrderSvc.query', 'services.OrderSvc.fail'] }],
      services: {
        'services.OrderSvc': {
          query: ({ orderId, ratio }) => ({
            orderId,
            big: 2n ** 64n,
            ...(ratio === undefined ? {} : { ratio: new core.LosslessNumber('1.0') }),
          }),
          fail: () => {
            throw new testing.JitaiBusinessError(30001, 'order does not exist');
          },
        },
      },
    });
  const echo = { func: 'demo__main.echo' };
  const dataflux = testing.createDataFluxEmulator({
    strictDigest: true,
    accessKeys: [KEYS.dataflux],
    funcs: { 'demo__main.echo': (kwargs) => ({ got: kwargs }) },
    syncApis: { digest: { ...echo, auth: { type: 'httpDigest', users: [KEYS.digest] } } },
  });
  const signer = node.createSigningHandler({
    ...KEYS.jitai,
    allow: ['services.OrderSvc.query'],
    basePath: '/api/org/app',
    // Who may get a signature is not what these tests are about.
    dangerouslySignForAnyone: true,
  });

  let input;
  const served = await Promise.all([
    testing.serveEmulator(jitaiApp(false)),
    testing.serveEmulator(jitaiApp(true)),
    testing.serveEmulator(dataflux),
    testing.serveEmulator({ fetch: signer }),
    testing.serveEmulator({ fetch: async () => Response.json(input) }),
    testing.serveEmulator({ fetch: async () => new Response('') }),
  ]);
  const [jitai, tampered, dff, sign, control, closed] = served;
  // A port nothing listens on any more: the smoke's connection-refused case.
  await closed.close();
  return {
    keys: KEYS,
    urls: {
      jitai: `${jitai.url}/api/org/app`,
      jitaiTampered: `${tampered.url}/api/org/app`,
      dataflux: dff.url,
      signer: `${sign.url}/sign`,
      closed: `${closed.url}/api/org/app`,
    },
    controlUrl(value) {
      input = value;
      return `${control.url}/input`;
    },
    close: () => Promise.all(served.filter((s) => s !== closed).map((s) => s.close())),
  };
}
