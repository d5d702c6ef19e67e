import {
  type DataFluxFuncApiDoc,
  type DataFluxFuncDoc,
  isSignetError,
  SignetConfigError,
} from '@signet/sdk-core';
import { createDataFluxClient } from '../../clients.js';
import { authKind, buildAuth } from '../auth.js';
import { resolveCredentials } from '../auth-flags.js';
import { type CommandContext, clientOptions } from '../command.js';

/** What `gen --from-dataflux` read, and how many of each it found. */
export interface DataFluxListsRead {
  funcs: DataFluxFuncDoc[];
  apis: DataFluxFuncApiDoc[];
  counts: { funcs: number; syncApis: number; asyncApis: number };
}

/**
 * A DataFlux Func server's function list (signed in with the AK/SK of the auth flags: the
 * route needs it) and the Sync/Async APIs it documents. A server without the API list
 * (404) gives functions only.
 */
export async function dataFluxLists(ctx: CommandContext, url: string): Promise<DataFluxListsRead> {
  const resolved = resolveCredentials(ctx.parsed, ctx.io, ctx.masker);
  const given = ctx.flag('auth');
  const kind = given === undefined ? 'dataflux' : authKind(given);
  if (kind !== 'dataflux') {
    throw new SignetConfigError(
      '--from-dataflux signs in with an Access Key: use --auth dataflux (--ak-id, --ak-secret)',
    );
  }
  const dff = createDataFluxClient({
    ...clientOptions(ctx),
    baseUrl: url,
    env: false,
    auth: buildAuth(kind, resolved.creds),
  });
  const funcs = await dff.listFuncs();
  let apis: DataFluxFuncApiDoc[] = [];
  try {
    apis = await dff.listFuncApis();
  } catch (error) {
    if (!(isSignetError(error) && (error as { status?: number }).status === 404)) throw error;
  }
  return {
    funcs,
    apis,
    counts: {
      funcs: funcs.length,
      syncApis: apis.filter((a) => a.apiType === 'syncAPI').length,
      asyncApis: apis.filter((a) => a.apiType === 'asyncAPI').length,
    },
  };
}
