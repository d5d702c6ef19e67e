// DataFlux Sync API with "fixed field" auth: a configured value in a header.
import { createDataFluxClient, fixedField } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const { apiId, name, value } = config.dataflux.fixedField;
  const dff = createDataFluxClient({
    baseUrl: config.dataflux.baseUrl,
    auth: fixedField({ in: 'header', name, value }),
  });
  // Sync API success is the function's return value itself, not an {ok, data} envelope.
  const result = await dff.sync(apiId, { name: 'fixed' });
  log(`sync ${apiId} (fixed field in header ${name}) → ${show(result)}`);
}

await standalone(import.meta, run);
