// The emulators for `pnpm load`, in their own process (forked by load.mjs), so the
// client's heap and event loop are measured alone. Tells the parent its URLs over IPC.
import { packages } from './harness.mjs';

const { testing } = await packages();
const { KEY, SECRET } = process.env;
const blob = (size) => 'x'.repeat(Math.max(0, Number(size) || 0));

const jitai = testing.createJitaiEmulator({
  orgId: 'org',
  appName: 'app',
  apiAuths: [
    {
      accessKey: KEY,
      accessSecret: SECRET,
      apis: ['services.OrderSvc.query', 'services.Blob.echo'],
    },
  ],
  services: {
    'services.OrderSvc': { query: ({ orderId }) => ({ orderId, status: 'PAID', amount: 12.5 }) },
    'services.Blob': {
      // Answers `size` bytes, and how many bytes of args it received.
      echo: ({ size, payload }) => ({ received: String(payload ?? '').length, blob: blob(size) }),
    },
  },
});
const dataflux = testing.createDataFluxEmulator({
  accessKeys: [{ akId: KEY, akSecret: SECRET }],
  funcs: {
    'demo__main.query': ({ orderId }) => ({ orderId, status: 'PAID', amount: 12.5 }),
    'demo__main.blob': ({ size, payload }) => ({
      received: String(payload ?? '').length,
      blob: blob(size),
    }),
  },
});
const served = await Promise.all([testing.serveEmulator(jitai), testing.serveEmulator(dataflux)]);
// The records the kit keeps per call would grow with every run: this process measures nothing.
setInterval(() => {
  jitai.calls.length = 0;
  dataflux.calls.length = 0;
}, 1000).unref();
process.send({ jitai: `${served[0].url}${jitai.basePath}`, dataflux: served[1].url });
process.on('disconnect', async () => {
  await Promise.all(served.map((s) => s.close()));
  process.exit(0);
});
