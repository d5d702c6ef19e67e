// onCall: one secret-free record per call, the client-side mirror of JitAi's call log.
import { type CallRecord, createJitaiClient } from '@signet/sdk-node';
import { type ExampleConfig, type Log, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const records: CallRecord[] = [];
  const jit = createJitaiClient({ ...config.jitai, onCall: (record) => records.push(record) });
  await jit.call('services.OrderSvc.query', { orderId: '1001' });
  await jit.call('services.OrderSvc.query', { orderId: '1002' });
  for (const r of records) {
    log(
      `record: ${r.method} ${r.path} api=${r.api} status=${r.status} ok=${r.ok} errcode=${r.errcode} ` +
        `requestId=${r.requestId} attempts=${r.attempts} ${r.durationMs} ms key=${r.keyId}`,
    );
  }
}

await standalone(import.meta, run);
