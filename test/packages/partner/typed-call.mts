// A partner's ESM app, compiled strict against the packed declarations (nodenext and
// bundler resolution) and then run: a typed JitAi call and a DataFlux call through the
// installed tarballs, against the testing kit's emulators on 127.0.0.1.
import {
  createDataFluxClient,
  createJitaiClient,
  LosslessNumber,
  SignetApiError,
  type SignetError,
} from '@signet/sdk-node';
import { createDataFluxEmulator, createJitaiEmulator, serveEmulator } from '@signet/sdk-testing';

interface Order {
  orderId: string;
  big: bigint;
}
interface SignetServices {
  'services.OrderSvc': { query(args: { orderId: string }): Promise<Order> };
}

const KEY = { accessKey: 'partner01', accessSecret: 'partner-app-secret-9c2d' };
const AK = { akId: 'ak-partner', akSecret: 'sk-partner-51f0' };
const jitApp = createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query'] }],
  services: { 'services.OrderSvc': { query: (args) => ({ ...args, big: 2n ** 64n }) } },
});
const dffApp = createDataFluxEmulator({
  accessKeys: [AK],
  funcs: { 'demo__main.ratio': () => ({ ratio: new LosslessNumber('1.0') }) },
});
const [jitServer, dffServer] = await Promise.all([serveEmulator(jitApp), serveEmulator(dffApp)]);
try {
  const jit = createJitaiClient<SignetServices>({
    baseUrl: `${jitServer.url}${jitApp.basePath}`,
    ...KEY,
    env: false,
  });
  const orders = jit.service('services.OrderSvc');
  const order: Order = await orders.query({ orderId: '7' });
  if (order.orderId !== '7' || order.big !== 2n ** 64n) throw new Error('wrong order');
  // @ts-expect-error: the typed proxy refuses args of the wrong shape
  void orders.query({ wrong: 1 });
  // @ts-expect-error: a typed client's call() knows only the map's API names
  const refused = await jit.call('services.OrderSvc.nope', {}).catch((e: unknown) => e);
  if (!(refused instanceof SignetApiError)) throw new Error(`expected SignetApiError: ${refused}`);

  const dff = createDataFluxClient({ baseUrl: dffServer.url, ...AK, env: false });
  const got = await dff.callFunc('demo__main.ratio', {});
  if (!(got instanceof Object)) throw new Error('no result');
  const error: SignetError = refused;
  console.log(`typed ESM call ok (${error.name} as expected)`);
} finally {
  await Promise.all([jitServer.close(), dffServer.close()]);
}
