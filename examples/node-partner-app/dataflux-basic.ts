// DataFlux Sync API with HTTP Basic auth.
import { basic, createDataFluxClient } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const { apiId, username, password } = config.dataflux.basic;
  const dff = createDataFluxClient({
    baseUrl: config.dataflux.baseUrl,
    auth: basic({ username, password }),
  });
  const result = await dff.sync(apiId, { name: 'basic' }, { method: 'GET', format: 'simplified' });
  log(`sync ${apiId} (HTTP Basic, simplified GET) → ${show(result)}`);
}

await standalone(import.meta, run);
