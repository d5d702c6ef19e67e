// Every failure is a SignetError with a stable name; platform failures carry the
// platform's own code, and nothing ever contains a secret.
import {
  createDataFluxClient,
  createJitaiClient,
  dataflux,
  SignetApiError,
  SignetConfigError,
  SignetError,
  SignetSignatureError,
} from '@signet/sdk-node';
import { type ExampleConfig, type Log, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const wrongSecret = createJitaiClient({ ...config.jitai, accessSecret: 'not-the-secret' });
  try {
    await wrongSecret.call('services.OrderSvc.query', { orderId: '1001' });
  } catch (error) {
    if (!(error instanceof SignetApiError)) throw error;
    log(
      `rejected as expected: ${error.name} errcode=${error.errcode} requestId=${error.requestId}`,
    );
    log(`  ${error.message}`);
  }

  const jit = createJitaiClient(config.jitai);
  try {
    await jit.call('services.OrderSvc.query', { orderId: '1', orderid: '2' });
  } catch (error) {
    if (!(error instanceof SignetConfigError)) throw error;
    log(`refused before sending: ${error.name}: ${error.message}`);
  }

  const dff = createDataFluxClient({
    baseUrl: config.dataflux.baseUrl,
    auth: dataflux({ akId: config.dataflux.akId, akSecret: 'wrong-ak-secret' }),
  });
  try {
    await dff.callFunc('demo__main.hello');
  } catch (error) {
    if (!(error instanceof SignetError)) throw error;
    const e = error as SignetApiError;
    log(`rejected as expected: ${e.name} ${e.reason} ${e.errcode} "${e.platformMessage}"`);
  }

  void SignetSignatureError; // tampered or expired responses throw this one (see the tests)
}

await standalone(import.meta, run);
