import { SignetConfigError } from '../errors.js';
import { parseDefinitionJson } from './json-text.js';
import type { CodegenArg, CodegenFunction, CodegenService } from './model.js';

/**
 * Reads `services/<Svc>/e.json` (a JitAi service element definition). Fields signet does
 * not use (`type`, `backendBundleEntry`, `argsToDatatype`, `eventDescs`…) are ignored;
 * the ones it uses must have the right type, and every error names the file and the field.
 *
 * @param source the file's path: names it in errors and gives the default full name,
 *   `services.<folder holding e.json>`.
 */
export function parseServiceDefinition(
  jsonText: string,
  source: string,
  fullName?: string,
): CodegenService {
  const root = parseDefinitionJson(jsonText, source);
  if (!isObject(root)) {
    throw new SignetConfigError(`${source}: expected a JSON object (a service element definition)`);
  }
  const name = fullName ?? serviceNameFromPath(source);
  if (root.functionList === undefined || root.functionList === null) {
    throw new SignetConfigError(
      `${source}: no functionList (a service definition lists its functions in "functionList")`,
    );
  }
  return readService(root, name, source, 'strict');
}

/**
 * Reads a `getAuthDetails()` answer: a list of `{title, fullName, functionList}`. An
 * argument without a data type (which the live API may send) is typed `unknown`.
 */
export function servicesFromAuthDetails(
  details: unknown,
  source = 'authorization details',
): CodegenService[] {
  if (!Array.isArray(details)) {
    throw new SignetConfigError(`${source}: expected a list of services`);
  }
  return details.map((service, i) => {
    const where = `${source}[${i}]`;
    if (!isObject(service)) throw new SignetConfigError(`${where}: expected an object`);
    if (typeof service.fullName !== 'string' || service.fullName === '') {
      throw new SignetConfigError(`${where}: fullName must be a non-empty string`);
    }
    if (!Array.isArray(service.functionList)) {
      throw new SignetConfigError(`${where} (${service.fullName}): functionList must be a list`);
    }
    return readService(service, service.fullName, where, 'lenient');
  });
}

/** `app/services/OrderSvc/e.json` → `services.OrderSvc`. */
export function serviceNameFromPath(source: string): string {
  const parts = source.split(/[\\/]+/);
  const folder = parts.at(-2);
  if (parts.at(-1) !== 'e.json' || folder === undefined || folder === '' || folder === '.') {
    throw new SignetConfigError(
      `${source}: cannot tell the service's full name from this path (expected services/<Svc>/e.json); pass the full name`,
    );
  }
  return `services.${folder}`;
}

type Mode = 'strict' | 'lenient';

function readService(
  raw: Record<string, unknown>,
  fullName: string,
  source: string,
  mode: Mode,
): CodegenService {
  const list = raw.functionList;
  if (!Array.isArray(list)) throw new SignetConfigError(`${source}: functionList must be a list`);
  const service: CodegenService = {
    fullName,
    source,
    functionList: list.map((fn, i) => readFunction(fn, `${source}: functionList[${i}]`, mode)),
  };
  const title = optionalString(raw.title, `${source}: title`);
  if (title !== undefined) service.title = title;
  return service;
}

function readFunction(raw: unknown, where: string, mode: Mode): CodegenFunction {
  if (!isObject(raw)) throw new SignetConfigError(`${where}: expected an object`);
  if (typeof raw.name !== 'string' || raw.name === '') {
    throw new SignetConfigError(`${where}: name must be a non-empty string`);
  }
  const at = `${where} (${raw.name})`;
  const args = raw.args ?? [];
  if (!Array.isArray(args)) throw new SignetConfigError(`${at}: args must be a list`);
  const fn: CodegenFunction = {
    name: raw.name,
    args: args.map((arg, i) => readArg(arg, `${at}: args[${i}]`, mode)),
  };
  setIfDefined(fn, 'title', optionalString(raw.title, `${at}: title`));
  setIfDefined(fn, 'desc', optionalString(raw.desc, `${at}: desc`));
  const returnType = optionalString(raw.returnType, `${at}: returnType`);
  if (returnType !== undefined && returnType !== '') fn.returnType = returnType;
  setIfDefined(fn, 'ignoreSign', optionalFlag(raw.ignoreSign, `${at}: ignoreSign`));
  setIfDefined(fn, 'loginRequired', optionalFlag(raw.loginRequired, `${at}: loginRequired`));
  return fn;
}

function readArg(raw: unknown, where: string, mode: Mode): CodegenArg {
  if (!isObject(raw)) throw new SignetConfigError(`${where}: expected an object`);
  if (typeof raw.name !== 'string' || raw.name === '') {
    throw new SignetConfigError(`${where}: name must be a non-empty string`);
  }
  const at = `${where} (${raw.name})`;
  const dataType = optionalString(raw.dataType, `${at}: dataType`) ?? '';
  if (dataType === '' && mode === 'strict') {
    throw new SignetConfigError(`${at}: no dataType (every argument needs a JitAi data type)`);
  }
  const arg: CodegenArg = { name: raw.name, dataType };
  setIfDefined(arg, 'title', optionalString(raw.title, `${at}: title`));
  setIfDefined(arg, 'generic', optionalString(raw.generic, `${at}: generic`));
  if (raw.variableConfig !== undefined && raw.variableConfig !== null) {
    arg.variableConfig = raw.variableConfig;
  }
  return arg;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SignetConfigError(`${where} must be a string`);
  return value;
}

/** JitAi writes flags as booleans, and sometimes as 1/0 (like `argsToDatatype`). */
function optionalFlag(value: unknown, where: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  throw new SignetConfigError(`${where} must be true or false`);
}

function setIfDefined<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
) {
  if (value !== undefined) target[key] = value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
