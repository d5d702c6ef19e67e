import { SignetConfigError } from '../errors.js';
import { JITAI_RESERVED_KEYS } from '../jitai/constants.js';
import {
  JITAI_NAME_SEGMENT as FUNCTION_NAME,
  PROXY_RESERVED,
  JITAI_SERVICE_NAME as SERVICE_NAME,
} from '../jitai/names.js';
import type { CodegenFunction, CodegenService } from './model.js';
import { GLOBALS_USED, pascalCase } from './names.js';

/** A function with the names the module gives it. */
export interface PlannedFunction {
  fn: CodegenFunction;
  /** `services.OrderSvc.query` */
  api: string;
  argsType: string;
  resultType: string;
}

/** A service with its type name and its functions, sorted by name. */
export interface PlannedService {
  service: CodegenService;
  typeName: string;
  functions: PlannedFunction[];
}

/** Names the module always declares. */
const MODULE_NAMES = ['SignetServices', 'SignetApi'];

/** Args keys the JitAi signature merges in itself (PROTOCOLS §1). */
const SIGNATURE_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(JITAI_RESERVED_KEYS);

/**
 * Checks every name and gives each declaration its type name. Services are sorted by
 * full name and functions by name, so the output does not depend on input order; every
 * problem is a `SignetConfigError` naming the definition it comes from.
 */
export function planModule(services: readonly CodegenService[]): PlannedService[] {
  if (!Array.isArray(services) || services.length === 0) {
    throw new SignetConfigError('no service definitions to generate a client from');
  }
  const sorted = [...services].sort((a, b) => compare(a.fullName, b.fullName));
  const declared = new Map<string, string>(
    [...MODULE_NAMES, ...GLOBALS_USED].map((name) => [name, `signet's own ${name}`]),
  );
  const claim = (name: string, owner: string, where: string) => {
    const previous = declared.get(name);
    if (previous !== undefined) {
      throw new SignetConfigError(
        `${where}: the type name ${name} for ${owner} is already taken by ${previous}; rename one of them`,
      );
    }
    declared.set(name, owner);
  };

  const seen = new Map<string, string>();
  return sorted.map((service) => {
    const where = describe(service);
    checkServiceName(service, where, seen);
    const typeName = pascalCase(service.fullName.split('.').at(-1)!);
    if (typeName === undefined) {
      throw new SignetConfigError(`${where}: the service name cannot be made a type name`);
    }
    claim(typeName, `service ${service.fullName}`, where);
    return { service, typeName, functions: planFunctions(service, typeName, where, claim) };
  });
}

function checkServiceName(service: CodegenService, where: string, seen: Map<string, string>) {
  if (typeof service.fullName !== 'string' || !SERVICE_NAME.test(service.fullName)) {
    throw new SignetConfigError(
      `${where}: service name ${JSON.stringify(service.fullName)} is not a dotted name of identifiers ([A-Za-z_$][A-Za-z0-9_$]*), so signet cannot call it`,
    );
  }
  const first = seen.get(service.fullName);
  if (first !== undefined) {
    throw new SignetConfigError(
      `${where}: service ${service.fullName} is also defined by ${first}`,
    );
  }
  seen.set(service.fullName, service.source ?? 'another definition');
}

function planFunctions(
  service: CodegenService,
  typeName: string,
  where: string,
  claim: (name: string, owner: string, where: string) => void,
): PlannedFunction[] {
  const list = service.functionList;
  if (!Array.isArray(list) || list.length === 0) {
    throw new SignetConfigError(`${where}: functionList is empty, so there is nothing to type`);
  }
  const names = new Set<string>();
  return [...list]
    .sort((a, b) => compare(a.name, b.name))
    .map((fn) => {
      checkFunctionName(fn.name, where, names);
      checkArgs(fn, where);
      const base = `${typeName}${pascalCase(fn.name) ?? ''}`;
      if (base === typeName) {
        throw new SignetConfigError(
          `${where}: function name "${fn.name}" cannot be made part of a type name`,
        );
      }
      const api = `${service.fullName}.${fn.name}`;
      claim(`${base}Args`, `the args of ${api}`, where);
      claim(`${base}Result`, `the result of ${api}`, where);
      return { fn, api, argsType: `${base}Args`, resultType: `${base}Result` };
    });
}

function checkFunctionName(name: string, where: string, names: Set<string>) {
  if (typeof name !== 'string' || !FUNCTION_NAME.test(name)) {
    throw new SignetConfigError(
      `${where}: function name ${JSON.stringify(name)} is not an identifier ([A-Za-z_$][A-Za-z0-9_$]*), so it cannot be called as a method`,
    );
  }
  if (PROXY_RESERVED.has(name)) {
    throw new SignetConfigError(
      `${where}: function name "${name}" is one a service proxy never answers (it would make the proxy look like a promise or a primitive); call it with jit.call() instead`,
    );
  }
  if (names.has(name)) throw new SignetConfigError(`${where}: function "${name}" is defined twice`);
  names.add(name);
}

/**
 * Argument names must be unique. For a signed function they must also differ after
 * lower-casing and not be a key the signature adds, since signet refuses such calls.
 */
function checkArgs(fn: CodegenFunction, where: string) {
  const at = `${where}: function ${fn.name}`;
  const exact = new Set<string>();
  const lower = new Map<string, string>();
  if (!Array.isArray(fn.args)) throw new SignetConfigError(`${at}: args must be a list`);
  for (const arg of fn.args) {
    if (typeof arg.name !== 'string' || arg.name === '') {
      throw new SignetConfigError(`${at}: an argument has no name`);
    }
    if (typeof arg.dataType !== 'string') {
      throw new SignetConfigError(`${at}: argument "${arg.name}" has no dataType`);
    }
    if (exact.has(arg.name)) {
      throw new SignetConfigError(`${at}: argument "${arg.name}" is declared twice`);
    }
    exact.add(arg.name);
    if (fn.ignoreSign === true) continue;
    const key = arg.name.toLowerCase();
    if (SIGNATURE_KEYS.has(key)) {
      throw new SignetConfigError(
        `${at}: argument "${arg.name}" clashes with the "${key}" the JitAi signature adds, so every signed call would be refused`,
      );
    }
    const other = lower.get(key);
    if (other !== undefined) {
      throw new SignetConfigError(
        `${at}: arguments "${other}" and "${arg.name}" are the same key for the JitAi signature (it lower-cases keys), so every signed call would be refused`,
      );
    }
    lower.set(key, arg.name);
  }
}

function describe(service: CodegenService): string {
  const name = typeof service.fullName === 'string' ? service.fullName : '(no name)';
  return service.source === undefined ? name : `${service.source} (${name})`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
