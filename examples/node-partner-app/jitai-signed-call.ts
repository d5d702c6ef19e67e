// JitAi API authorization: a signed call whose response signature is verified before
// you see the result.
import {
  createJitaiClient,
  type FetchFunction,
  type LosslessJson,
  parseLossless,
  pyJsonDumps,
} from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  let wire = ''; // the last response body as received, to show the numbers as sent
  const keepWire: FetchFunction = async (url, init) => {
    const response = await fetch(url, init);
    wire = await response.clone().text();
    return response;
  };
  const jit = createJitaiClient({
    baseUrl: config.jitai.baseUrl,
    accessKey: config.jitai.accessKey,
    accessSecret: config.jitai.accessSecret,
    fetch: keepWire,
  });
  const order = await jit.call('services.OrderSvc.query', { orderId: '1001' });
  log(`call services.OrderSvc.query {"orderId":"1001"} → ${show(order)}`);

  // Exact numbers: big integers come back as bigint, never rounded; the signature was
  // checked over the wire's own lexemes (1.0 is a float there, and JS has one number type).
  const totals = await jit.call('services.OrderSvc.totals', { year: 2026 });
  log(`call services.OrderSvc.totals → ${show(totals)}`);
  log(`  data.data on the wire, as signed: ${pyJsonDumps(signedData(wire))}`);

  const details = await jit.getAuthDetails();
  log(
    `getAuthDetails → ${details.map((s) => `${s.fullName}(${s.functionList.map((f) => f.name).join(', ')})`).join('; ')}`,
  );
}

/** `data.data` of a JitAi envelope, numbers as their lexemes (`1.0`, exact big integers). */
function signedData(envelopeText: string): LosslessJson {
  const envelope = parseLossless(envelopeText) as { data?: { data?: LosslessJson } };
  return envelope.data?.data ?? null;
}

await standalone(import.meta, run);
