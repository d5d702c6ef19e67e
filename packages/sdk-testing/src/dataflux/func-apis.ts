import { commaList, type FuncCatalog, given, like } from './func-catalog.js';
import type {
  DataFluxApiAuthConfig,
  DataFluxApiConfig,
  DataFluxEmulatorOptions,
} from './options.js';

/** `_FUNC_ARGUMENT_PLACEHOLDER_LIST` of the server's `config.yaml`. */
export const KWARG_PLACEHOLDERS: readonly string[] = ['INPUT_BY_CALLER', 'FROM_PARAMETER'];

/** The kwargs a Sync/Async API call runs with, or the fixed one the caller tried to set. */
export type AssignedKwargs =
  | { ok: true; kwargs: Record<string, unknown> }
  | { ok: false; field: string; value: unknown };

/**
 * The server's `_assignFuncCallKwargs`: over the API's `funcCallKwargsJSON` (a copy per
 * call), a kwarg it does not name is added, a placeholder takes the caller's value (or is
 * dropped when none came), and a fixed value may not be set by the caller.
 */
export function assignFuncCallKwargs(
  fixed: Readonly<Record<string, unknown>> | undefined,
  input: Record<string, unknown>,
): AssignedKwargs {
  const kwargs: Record<string, unknown> = structuredClone({ ...(fixed ?? {}) });
  const keys = new Set([...Object.keys(kwargs), ...Object.keys(input)]);
  for (const key of keys) {
    const base = Object.hasOwn(kwargs, key) ? kwargs[key] : undefined;
    const value = Object.hasOwn(input, key) ? input[key] : undefined;
    const placeholder = typeof base === 'string' && KWARG_PLACEHOLDERS.includes(base);
    if (base === undefined && value !== undefined) kwargs[key] = value;
    else if (placeholder && value !== undefined) kwargs[key] = value;
    else if (base !== undefined && value !== undefined) return { ok: false, field: key, value };
    else if (placeholder && value === undefined) delete kwargs[key];
  }
  return { ok: true, kwargs };
}

/**
 * `GET /api/v1/func-api-list` (open, `mainAPICtrl.getFuncAPIList`): the Sync APIs, then
 * the Async APIs, with `showInDoc`, each with its function's fields (null when the
 * function does not exist: a LEFT JOIN). `apiType` (`syncAPI`, `asyncAPI`, `ALL`; anything
 * else lists nothing), `funcId`, `funcName`, `funcCategory`, `scriptId`, `scriptSetId` are
 * comma lists matched exactly, `funcTags` must all be present, `_fuzzySearch` is `LIKE` on
 * the function's id, title or description.
 */
export function funcApiList(
  options: DataFluxEmulatorOptions,
  catalog: FuncCatalog,
  query: Record<string, unknown>,
): Record<string, unknown>[] {
  const apiType = given(query.apiType) ?? 'ALL';
  const out: Record<string, unknown>[] = [];
  const kinds = [
    ['syncAPI', options.syncApis, 'sync'],
    ['asyncAPI', options.asyncApis, 'async'],
  ] as const;
  for (const [type, apis, route] of kinds) {
    if (apiType !== 'ALL' && apiType !== type) continue;
    for (const [id, api] of Object.entries(apis ?? {})) {
      if (api.showInDoc !== true) continue;
      const row = catalog.get(api.func)?.row;
      if (!matches(row, query)) continue;
      out.push(entry(type, route, id, api, row));
    }
  }
  return out;
}

function matches(row: Record<string, unknown> | undefined, query: Record<string, unknown>) {
  const column = (key: string) => (row === undefined ? null : row[key]);
  for (const [key, name] of [
    ['funcId', 'id'],
    ['funcName', 'name'],
    ['funcCategory', 'category'],
    ['scriptId', 'scriptId'],
    ['scriptSetId', 'scriptSetId'],
  ] as const) {
    const list = commaList(given(query[key]));
    if (list !== undefined && !list.includes(column(name) as string)) return false;
  }
  const tags = commaList(given(query.funcTags));
  if (tags !== undefined) {
    const held = Array.isArray(column('tagsJSON')) ? (column('tagsJSON') as unknown[]) : [];
    if (!tags.every((tag) => held.includes(tag))) return false;
  }
  const fuzzy = given(query._fuzzySearch);
  if (
    fuzzy !== undefined &&
    !(
      like(column('id'), fuzzy, false) ||
      like(column('title'), fuzzy, true) ||
      like(column('description'), fuzzy, true)
    )
  ) {
    return false;
  }
  return true;
}

function entry(
  apiType: 'syncAPI' | 'asyncAPI',
  route: 'sync' | 'async',
  id: string,
  api: DataFluxApiConfig,
  row: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const func = (key: string) => (row === undefined ? null : (row[key] ?? null));
  return {
    url: `/api/v1/${route}/${id}`,
    apiType,
    id,
    funcCallKwargsJSON: api.funcCallKwargs ?? {},
    expireTime: null,
    // The Async API has neither (the server writes null).
    throttlingJSON: apiType === 'syncAPI' ? (api.throttling ?? null) : null,
    isDisabled: false,
    configFuncId: api.func,
    funcId: func('id'),
    funcName: func('name'),
    funcTitle: func('title'),
    funcDescription: func('description'),
    funcDefinition: func('definition'),
    funcArgsJSON: func('argsJSON'),
    funcKwargsJSON: func('kwargsJSON'),
    funcCategory: func('category'),
    funcIntegration: func('integration'),
    funcTagsJSON: func('tagsJSON'),
    apiAuthId: api.auth === undefined ? null : `apia-${id}`,
    apiAuthTitle: null,
    apiAuthType: api.auth === undefined ? null : authType(api.auth),
  };
}

function authType(auth: DataFluxApiAuthConfig): string {
  return auth.type;
}
