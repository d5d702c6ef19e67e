import { SignetConfigError } from '../errors.js';
import { generateDataFluxModule } from './dataflux-emit.js';
import { parseFuncApiDocs, parseFuncDocs } from './dataflux-model.js';
import { type GenerateOptions, generateServiceModule } from './emit.js';
import type { DefinitionFile } from './model.js';
import { parseServiceDefinition, servicesFromAuthDetails } from './parse.js';

/**
 * The typed client module of an app folder's services: one `{ path, text }` per
 * `services/<Svc>/e.json` (sdk-node's `loadAppServices(dir)` reads them). Each service's
 * full name comes from its folder: `services/OrderSvc/e.json` → `services.OrderSvc`.
 */
export function generateFromDefinitions(
  files: readonly DefinitionFile[],
  options?: GenerateOptions,
): string {
  if (!Array.isArray(files) || files.length === 0) {
    throw new SignetConfigError('no service definition files (services/<Svc>/e.json) were given');
  }
  return generateServiceModule(
    files.map((file) => parseServiceDefinition(file.text, file.path)),
    options,
  );
}

/**
 * The typed client module of the services an accessKey may call, from a live
 * `jit.getAuthDetails()` answer (the same list of `{title, fullName, functionList}`).
 */
export function generateFromAuthDetails(details: unknown, options?: GenerateOptions): string {
  return generateServiceModule(servicesFromAuthDetails(details), options);
}

/** What a DataFlux Func server says about itself, as `dff.listFuncs()` / `listFuncApis()` give it. */
export interface DataFluxLists {
  /** `GET /api/v1/func-list`: the functions, for `callFunc`. */
  funcs: unknown;
  /** `GET /api/v1/func-api-list`: the Sync/Async APIs shown in the docs (left out: none). */
  apis?: unknown;
}

/**
 * The typed DataFlux client module of a server's functions and APIs: a kwargs type per
 * function and API (required where a parameter has no default, typed from its default
 * where it has one, `?: never` for kwargs an API fixes) and `SignetDataFlux` for
 * `createDataFluxClient<SignetDataFlux>()`.
 *
 * @example
 * ```ts
 * const source = generateFromDataFlux({ funcs: await dff.listFuncs(), apis: await dff.listFuncApis() })
 * ```
 */
export function generateFromDataFlux(lists: DataFluxLists, options?: GenerateOptions): string {
  if (lists === null || typeof lists !== 'object') {
    throw new SignetConfigError('generateFromDataFlux: pass { funcs, apis? } (the two lists)');
  }
  const apis = lists.apis === undefined ? [] : parseFuncApiDocs(lists.apis);
  return generateDataFluxModule(parseFuncDocs(lists.funcs), apis, options);
}
