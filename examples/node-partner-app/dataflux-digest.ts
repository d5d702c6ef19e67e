// DataFlux Sync API with HTTP Digest: the challenge is answered once, later calls reuse
// the nonce with the next nc.
import { type CallRecord, createDataFluxClient, digest } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const { apiId, username, password } = config.dataflux.digest;
  const records: CallRecord[] = [];
  const dff = createDataFluxClient({
    baseUrl: config.dataflux.baseUrl,
    auth: digest({ username, password }),
    onCall: (record) => records.push(record),
  });
  const first = await dff.sync(apiId, { n: 1 });
  const second = await dff.sync(apiId, { n: 2 });
  log(`sync ${apiId} (HTTP Digest) → ${show(first)}, then ${show(second)}`);
  log(
    `  attempts: ${records.map((r) => r.attempts).join(' then ')} (401 challenge answered once, then preemptive)`,
  );
}

await standalone(import.meta, run);
