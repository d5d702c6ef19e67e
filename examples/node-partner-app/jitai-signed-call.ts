// JitAi API authorization: a signed call whose response signature is verified before
// you see the result.
import { createJitaiClient } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const jit = createJitaiClient({
    baseUrl: config.jitai.baseUrl,
    accessKey: config.jitai.accessKey,
    accessSecret: config.jitai.accessSecret,
  });
  const order = await jit.call('services.OrderSvc.query', { orderId: '1001' });
  log(`call services.OrderSvc.query {"orderId":"1001"} → ${show(order)}`);

  // Exact numbers: 1.0 stays a float for the signature, big integers come back as bigint.
  const totals = await jit.call('services.OrderSvc.totals', { year: 2026 });
  log(`call services.OrderSvc.totals → ${show(totals)}`);

  const details = await jit.getAuthDetails();
  log(
    `getAuthDetails → ${details.map((s) => `${s.fullName}(${s.functionList.map((f) => f.name).join(', ')})`).join('; ')}`,
  );
}

await standalone(import.meta, run);
