import {
  generateFromAuthDetails,
  generateFromDataFlux,
  generateFromDefinitions,
  SignetConfigError,
} from '@signet/sdk-core';
import { loadAppServices, writeGeneratedClient } from '../../codegen/load-app-folder.js';
import { AUTH_FLAGS } from '../auth-flags.js';
import { CLIENT_FLAGS, type Command } from '../command.js';
import { jitaiClientFromFlags, withBaseUrlHint } from './call.js';
import { dataFluxLists } from './gen-dataflux.js';

export const genCommand: Command = {
  name: 'gen',
  summary: 'generate a typed client module from service definitions',
  usage: 'gen --from services/ | --from-url URL | --from-dataflux URL [auth flags] --out client.ts',
  description: `Writes one TypeScript module typing every service function: args and result types,
and the SignetServices map for createJitaiClient<SignetServices>(…).
  --from DIR       a JitAi app folder (or its services/), read from services/<Svc>/e.json
  --from-url URL   a live app (http(s)://host/api/{orgId}/{appName}): the services this
                   accessKey may call, from getAuthDetails() (signed with the auth flags)
  --from-dataflux URL  a DataFlux Func server (http(s)://host:8088): its functions
                   (GET /api/v1/func-list, signed with --ak-id/--ak-secret) and the
                   Sync/Async APIs it documents (GET /api/v1/func-api-list), typed for
                   createDataFluxClient<SignetDataFlux>(…): callFunc, sync, async
--out FILE receives the module (written atomically) and {"out", "services"} is printed;
without --out the module itself goes to standard output.`,
  flags: [
    { name: 'from', value: 'DIR', help: 'app folder holding services/<Svc>/e.json' },
    { name: 'from-url', value: 'URL', help: 'live app to ask with getAuthDetails()' },
    {
      name: 'from-dataflux',
      value: 'URL',
      help: 'DataFlux Func server to ask for its function and API lists',
    },
    {
      name: 'details-api',
      value: 'API',
      help: 'API answering the details (default apiAuths.services.ApiAuthSvc.getDetails)',
    },
    { name: 'out', value: 'FILE', help: 'where to write the module' },
    ...AUTH_FLAGS,
    ...CLIENT_FLAGS,
  ],
  positionals: { min: 0, max: 0, names: '' },
  examples: [
    'signet gen --from ./my-app --out src/jitai.gen.ts',
    'signet gen --from-url https://host/api/org/app --access-key K --access-secret S --out src/jitai.gen.ts',
    'signet gen --from-dataflux https://dff.example.com:8088 --ak-id AK --ak-secret SK --out src/dataflux.gen.ts',
  ],
  async run(ctx) {
    const from = ctx.flag('from');
    const fromUrl = ctx.flag('from-url');
    const fromDataFlux = ctx.flag('from-dataflux');
    if ([from, fromUrl, fromDataFlux].filter((v) => v !== undefined).length !== 1) {
      throw new SignetConfigError(
        'give exactly one of --from DIR, --from-url URL and --from-dataflux URL',
      );
    }
    let source: string;
    let services: number;
    if (fromDataFlux !== undefined) {
      const lists = await dataFluxLists(ctx, fromDataFlux);
      source = generateFromDataFlux(lists, {
        header: `Source: signet gen --from-dataflux ${fromDataFlux}`,
      });
      const out = ctx.flag('out');
      if (out === undefined) {
        ctx.io.stdout(ctx.masker.mask(source));
        return;
      }
      await writeGeneratedClient(out, source);
      ctx.print({ out, ...lists.counts });
      return;
    }
    if (from !== undefined) {
      const files = await loadAppServices(from);
      source = generateFromDefinitions(files, { header: `Source: signet gen --from ${from}` });
      services = files.length;
    } else {
      const detailsApi = ctx.flag('details-api');
      const { jit, baseUrl } = jitaiClientFromFlags(
        ctx,
        fromUrl!,
        detailsApi === undefined ? {} : { authDetailsApi: detailsApi },
      );
      const details = await jit.getAuthDetails().catch((error: unknown) => {
        throw withBaseUrlHint(error, baseUrl);
      });
      source = generateFromAuthDetails(details, {
        header: `Source: signet gen --from-url ${fromUrl}`,
      });
      services = details.length;
    }
    const out = ctx.flag('out');
    if (out === undefined) {
      ctx.io.stdout(ctx.masker.mask(source));
      return;
    }
    await writeGeneratedClient(out, source);
    ctx.print({ out, services });
  },
};
