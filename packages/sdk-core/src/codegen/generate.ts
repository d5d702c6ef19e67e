import { SignetConfigError } from '../errors.js';
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
