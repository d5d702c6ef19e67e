// The same partner app as CommonJS (a .cts file under nodenext): the require-side
// declarations (.d.cts) must type a call as well as the import side.
import { createJitaiClient, type JitaiClient, SignetConfigError } from '@signet/sdk-node';
import { createJitaiEmulator, serveEmulator } from '@signet/sdk-testing';

const KEY = { accessKey: 'partner02', accessSecret: 'partner-app-secret-cjs' };

async function main(): Promise<void> {
  const app = createJitaiEmulator({
    orgId: 'org',
    appName: 'app',
    apiAuths: [{ ...KEY, apis: ['services.OrderSvc.query'] }],
    services: { 'services.OrderSvc': { query: (args) => ({ echo: args }) } },
  });
  const server = await serveEmulator(app);
  try {
    const jit: JitaiClient = createJitaiClient({
      baseUrl: `${server.url}${app.basePath}`,
      ...KEY,
      env: false,
    });
    const result = (await jit.call('services.OrderSvc.query', { orderId: '8' })) as {
      echo: { orderId: string };
    };
    if (result.echo.orderId !== '8') throw new Error('wrong echo');
    const refused = (() => {
      try {
        createJitaiClient({ env: false, accessKey: 'x', accessSecret: 'y' });
      } catch (error) {
        return error;
      }
    })();
    if (!(refused instanceof SignetConfigError)) throw new Error('expected SignetConfigError');
    console.log('typed CJS call ok');
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
