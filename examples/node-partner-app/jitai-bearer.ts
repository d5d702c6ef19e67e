// JitAi interceptor style: `Authorization: Bearer <token>` on functions declared
// `ignoreSign: true, loginRequired: false` behind a Bearer-checking interceptor.
import { bearer, createJitaiClient } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const jit = createJitaiClient({
    baseUrl: config.jitai.baseUrl,
    auth: bearer(config.jitai.bearerToken),
  });
  const result = await jit.call('services.PublicSvc.ping', { from: 'partner' });
  log(`bearer call services.PublicSvc.ping → ${show(result)}`);
}

await standalone(import.meta, run);
