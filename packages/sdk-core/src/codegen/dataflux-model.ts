import { DATAFLUX_KWARG_PLACEHOLDERS } from '../dataflux/func-list.js';
import { SignetConfigError } from '../errors.js';
import { type TsType, tsArray, tsName } from './ts-type.js';

/**
 * What the DataFlux generator types, read from `GET /api/v1/func-list` and
 * `GET /api/v1/func-api-list` answers (any JSON: checked here, every problem a
 * SignetConfigError naming the entry). The server knows no parameter types: a parameter
 * is required when it has no default, and typed from its default when it has one
 * (`'Hi'` → `string`, `10` → `number`); otherwise `unknown`.
 */

/** One parameter a caller passes by name. */
export interface DataFluxCodegenParam {
  name: string;
  required: boolean;
  type: TsType;
  /** The default as JSON text, for docs. */
  defaultText?: string | undefined;
}

/** A function's parameters: the named ones, and whether `**kwargs` takes any other. */
export interface DataFluxCodegenParams {
  params: DataFluxCodegenParam[];
  /** `**kwargs`: any other name is accepted. */
  anyOther: boolean;
  /** `*args`: positional only, never passed by the HTTP APIs. */
  positional: string | undefined;
}

export interface DataFluxCodegenFunc {
  id: string;
  title: string | undefined;
  description: string | undefined;
  definition: string | undefined;
  /** Undefined when the server gave neither kwargsJSON nor argsJSON. */
  params: DataFluxCodegenParams | undefined;
}

export interface DataFluxCodegenApi {
  kind: 'sync' | 'async';
  id: string;
  /** The function it calls, or undefined when the server has none under that id. */
  func: DataFluxCodegenFunc | undefined;
  funcId: string;
  /** Kwargs the API fixes: the caller may not send them. */
  fixed: Map<string, unknown>;
  /** Kwargs named with a placeholder: the caller supplies them. */
  placeholders: Set<string>;
  authType: string | undefined;
  disabled: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Entries of `func-list`: each a function with its parameters. */
export function parseFuncDocs(docs: unknown): DataFluxCodegenFunc[] {
  if (!Array.isArray(docs)) {
    throw new SignetConfigError('DataFlux func-list: expected a list of functions');
  }
  return docs.map((doc, i) => {
    const where = `DataFlux func-list[${i}]`;
    if (!isObject(doc)) throw new SignetConfigError(`${where} is not an object`);
    return funcFrom(where, {
      id: doc.id,
      title: doc.title,
      description: doc.description,
      definition: doc.definition,
      argsJSON: doc.argsJSON,
      kwargsJSON: doc.kwargsJSON,
    });
  });
}

/** Entries of `func-api-list`: Sync and Async APIs with the functions they call. */
export function parseFuncApiDocs(docs: unknown): DataFluxCodegenApi[] {
  if (!Array.isArray(docs)) {
    throw new SignetConfigError('DataFlux func-api-list: expected a list of APIs');
  }
  return docs.map((doc, i) => {
    const where = `DataFlux func-api-list[${i}]`;
    if (!isObject(doc)) throw new SignetConfigError(`${where} is not an object`);
    const id = nonEmpty(doc.id, `${where}: id`);
    const at = `${where} (${id})`;
    if (doc.apiType !== 'syncAPI' && doc.apiType !== 'asyncAPI') {
      throw new SignetConfigError(`${at}: apiType must be syncAPI or asyncAPI`);
    }
    const funcId = nonEmpty(doc.configFuncId ?? doc.funcId, `${at}: configFuncId`);
    const func =
      doc.funcId === null || doc.funcId === undefined
        ? undefined
        : funcFrom(at, {
            id: doc.funcId,
            title: doc.funcTitle,
            description: doc.funcDescription,
            definition: doc.funcDefinition,
            argsJSON: doc.funcArgsJSON,
            kwargsJSON: doc.funcKwargsJSON,
          });
    const fixed = new Map<string, unknown>();
    const placeholders = new Set<string>();
    const call = jsonField(doc.funcCallKwargsJSON, `${at}: funcCallKwargsJSON`) ?? {};
    if (!isObject(call)) throw new SignetConfigError(`${at}: funcCallKwargsJSON is not an object`);
    for (const [name, value] of Object.entries(call)) {
      if (typeof value === 'string' && DATAFLUX_KWARG_PLACEHOLDERS.includes(value)) {
        placeholders.add(name);
      } else fixed.set(name, value);
    }
    return {
      kind: doc.apiType === 'syncAPI' ? 'sync' : 'async',
      id,
      func,
      funcId,
      fixed,
      placeholders,
      authType: typeof doc.apiAuthType === 'string' ? doc.apiAuthType : undefined,
      disabled: doc.isDisabled === true,
    };
  });
}

function funcFrom(
  where: string,
  doc: {
    id: unknown;
    title: unknown;
    description: unknown;
    definition: unknown;
    argsJSON: unknown;
    kwargsJSON: unknown;
  },
): DataFluxCodegenFunc {
  const id = nonEmpty(doc.id, `${where}: id`);
  const at = where.includes('(') ? where : `${where} (${id})`;
  return {
    id,
    title: text(doc.title),
    description: text(doc.description),
    definition: text(doc.definition),
    params: paramsFrom(
      at,
      jsonField(doc.argsJSON, `${at}: argsJSON`),
      jsonField(doc.kwargsJSON, `${at}: kwargsJSON`),
    ),
  };
}

/**
 * The worker's `inspect` of the signature: `kwargsJSON` has `{}` or `{default}` per name
 * (`*args`, `**kwargs` with their stars); `argsJSON` lists the names in order.
 */
function paramsFrom(at: string, args: unknown, kwargs: unknown): DataFluxCodegenParams | undefined {
  if (args === null && kwargs === null) return undefined;
  const names: string[] = [];
  if (Array.isArray(args)) {
    for (const name of args) names.push(nonEmpty(name, `${at}: argsJSON entry`));
  } else if (args !== null) {
    throw new SignetConfigError(`${at}: argsJSON must be a list of names`);
  }
  if (kwargs !== null && !isObject(kwargs)) {
    throw new SignetConfigError(`${at}: kwargsJSON must be an object of name → {default?}`);
  }
  for (const name of Object.keys(kwargs ?? {})) if (!names.includes(name)) names.push(name);
  const out: DataFluxCodegenParams = { params: [], anyOther: false, positional: undefined };
  const seen = new Set<string>();
  for (const name of names) {
    if (name.startsWith('**')) {
      out.anyOther = true;
      continue;
    }
    if (name.startsWith('*')) {
      out.positional = name;
      continue;
    }
    if (seen.has(name)) throw new SignetConfigError(`${at}: parameter "${name}" is listed twice`);
    seen.add(name);
    const info = isObject(kwargs) && Object.hasOwn(kwargs, name) ? kwargs[name] : null;
    out.params.push(paramFrom(name, info));
  }
  return out;
}

function paramFrom(name: string, info: unknown): DataFluxCodegenParam {
  // No details (the server's fallback parse of `definition` writes null): optional, unknown.
  if (!isObject(info)) return { name, required: false, type: tsName('unknown') };
  if (!Object.hasOwn(info, 'default')) return { name, required: true, type: tsName('unknown') };
  return {
    name,
    required: false,
    type: typeOfDefault(info.default),
    defaultText: defaultText(info.default),
  };
}

/** The worker writes this for a default that is not JSON. */
const COMPLEX_DEFAULT = '<Complex Object>';

function typeOfDefault(value: unknown): TsType {
  if (typeof value === 'string') return tsName(value === COMPLEX_DEFAULT ? 'unknown' : 'string');
  if (typeof value === 'number' || typeof value === 'bigint') return tsName('number');
  if (typeof value === 'boolean') return tsName('boolean');
  if (Array.isArray(value)) return tsArray(tsName('unknown'));
  if (isObject(value)) return { kind: 'record', value: 'unknown' };
  return tsName('unknown'); // None: the function takes anything there
}

function defaultText(value: unknown): string {
  if (value === COMPLEX_DEFAULT) return '<Complex Object>';
  let json: string;
  try {
    json = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
  } catch {
    return '<Complex Object>';
  }
  const shown = json.replace(/`/g, "'");
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

/** A JSON column as the server sends it (an object), or its text (older servers). */
function jsonField(value: unknown, where: string): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new SignetConfigError(`${where} is text that is not JSON`);
  }
}

function nonEmpty(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SignetConfigError(`${where} must be a non-empty string`);
  }
  return value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
