// DataFlux Func OpenAPI with an Access Key: X-Dff-Ak-* signed calls.
import { createDataFluxClient, dataflux } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const dff = createDataFluxClient({
    baseUrl: config.dataflux.baseUrl,
    auth: dataflux({ akId: config.dataflux.akId, akSecret: config.dataflux.akSecret }),
  });
  const hello = await dff.callFunc('demo__main.hello', { name: 'partner' });
  log(`callFunc demo__main.hello → ${show(hello)}`);
  const task = await dff.async('open-api', { name: 'later' });
  log(`async open-api → ${show(task)}`);
}

await standalone(import.meta, run);
