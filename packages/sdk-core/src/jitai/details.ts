import { SignetDecodeError } from '../errors.js';

/** One argument of an authorized function. */
export interface JitaiArgDetail {
  name: string;
  title?: string;
  dataType: string;
}

/** One authorized function of a service. */
export interface JitaiFunctionDetail {
  name: string;
  title?: string;
  args: JitaiArgDetail[];
  returnType?: string;
  desc?: string;
}

/** One authorized service (`getAuthDetails()` returns a list of these). */
export interface JitaiServiceDetail {
  title: string;
  fullName: string;
  functionList: JitaiFunctionDetail[];
}

/** The default signed API that answers authorization details. */
export const DEFAULT_AUTH_DETAILS_API = 'apiAuths.services.ApiAuthSvc.getDetails';

/** Checks the shape of a `getDetails` answer; names the first field that is wrong. */
export function parseAuthDetails(value: unknown): JitaiServiceDetail[] {
  if (!Array.isArray(value)) throw shape('the result is not a list');
  return value.map((service, i) => {
    const where = `[${i}]`;
    if (!isObject(service)) throw shape(`${where} is not an object`);
    const fullName = service.fullName;
    if (typeof fullName !== 'string') throw shape(`${where}.fullName is not a string`);
    const functionList = service.functionList ?? [];
    if (!Array.isArray(functionList)) throw shape(`${where}.functionList is not a list`);
    return {
      title: typeof service.title === 'string' ? service.title : fullName,
      fullName,
      functionList: functionList.map((fn, j) => parseFunction(fn, `${where}.functionList[${j}]`)),
    };
  });
}

function parseFunction(fn: unknown, where: string): JitaiFunctionDetail {
  if (!isObject(fn) || typeof fn.name !== 'string') throw shape(`${where}.name is not a string`);
  const args = fn.args ?? [];
  if (!Array.isArray(args)) throw shape(`${where}.args is not a list`);
  const out: JitaiFunctionDetail = {
    name: fn.name,
    args: args.map((arg, k) => {
      if (!isObject(arg) || typeof arg.name !== 'string')
        throw shape(`${where}.args[${k}].name is not a string`);
      const detail: JitaiArgDetail = {
        name: arg.name,
        dataType: typeof arg.dataType === 'string' ? arg.dataType : 'unknown',
      };
      if (typeof arg.title === 'string') detail.title = arg.title;
      return detail;
    }),
  };
  if (typeof fn.title === 'string') out.title = fn.title;
  if (typeof fn.returnType === 'string') out.returnType = fn.returnType;
  if (typeof fn.desc === 'string') out.desc = fn.desc;
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shape(problem: string): SignetDecodeError {
  return new SignetDecodeError(`authorization details have the wrong shape: ${problem}`);
}
