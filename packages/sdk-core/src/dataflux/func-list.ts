import type { QueryInit } from '../http/url.js';

/**
 * What DataFlux Func says about its functions and APIs: `GET /api/v1/func-list` (signed
 * in: an access key) and `GET /api/v1/func-api-list` (open), as the 5.0.0 server answers
 * them (`funcMod.list` with `asFuncDoc`, `mainAPICtrl.getFuncAPIList`). A function's
 * parameters are described by the worker's `inspect` of its signature: `argsJSON` lists
 * the names (`*args`, `**kwargs` with their stars), `kwargsJSON` maps each name to `{}`
 * or `{ default }` — there are no types.
 */

/** One parameter of a function (`kwargsJSON[name]`): `default` only when it has one. */
export interface DataFluxParamDoc {
  /** The default as JSON, or `'<Complex Object>'` when it is not JSON. */
  default?: unknown;
}

/** One entry of `GET /api/v1/func-list`. */
export interface DataFluxFuncDoc {
  /** `/api/v1/func/<id>` */
  url: string;
  /** `scriptSet__script.func` */
  id: string;
  name: string;
  title: string | null;
  /** The function's docstring. */
  description: string | null;
  /** `hello(name, greeting='Hi')` */
  definition: string | null;
  argsJSON: string[] | null;
  kwargsJSON: Record<string, DataFluxParamDoc | null> | null;
  extraConfigJSON: Record<string, unknown> | null;
  category: string | null;
  integration: string | null;
  tagsJSON: string[] | null;
  scriptId: string;
  scriptTitle: string | null;
  scriptDescription: string | null;
  scriptSetId: string;
  scriptSetTitle: string | null;
  scriptSetDescription: string | null;
}

/** One entry of `GET /api/v1/func-api-list`: a Sync or Async API shown in the docs. */
export interface DataFluxFuncApiDoc {
  /** `/api/v1/sync/<id>` or `/api/v1/async/<id>` */
  url: string;
  apiType: 'syncAPI' | 'asyncAPI';
  id: string;
  /**
   * The kwargs the API fixes: a value is sent as is and the caller may not pass it; the
   * placeholders `INPUT_BY_CALLER` / `FROM_PARAMETER` mark what the caller supplies.
   */
  funcCallKwargsJSON: Record<string, unknown> | null;
  expireTime: string | null;
  throttlingJSON: Record<string, number> | null;
  isDisabled: boolean;
  configFuncId: string;
  /** The function's own fields; null when the function no longer exists. */
  funcId: string | null;
  funcName: string | null;
  funcTitle: string | null;
  funcDescription: string | null;
  funcDefinition: string | null;
  funcArgsJSON: string[] | null;
  funcKwargsJSON: Record<string, DataFluxParamDoc | null> | null;
  funcCategory: string | null;
  funcIntegration: string | null;
  funcTagsJSON: string[] | null;
  apiAuthId: string | null;
  apiAuthTitle: string | null;
  /** `fixedField`, `httpBasic`, `httpDigest`, `func`, or null for none. */
  apiAuthType: string | null;
}

/** The server's placeholders for a kwarg the caller of an API supplies (`config.yaml`). */
export const DATAFLUX_KWARG_PLACEHOLDERS: readonly string[] = ['INPUT_BY_CALLER', 'FROM_PARAMETER'];

/** Filters of `listFuncs` (the route's query fields; lists are sent comma-separated). */
export interface DataFluxFuncListFilters {
  id?: string | readonly string[];
  /** Substring of the function name (SQL `LIKE`, case-sensitive). */
  name?: string;
  /** Substring of the title (case-insensitive). */
  title?: string;
  category?: string | readonly string[];
  integration?: string | readonly string[];
  /** Functions holding every one of these tags. */
  tags?: string | readonly string[];
  scriptId?: string | readonly string[];
  scriptSetId?: string | readonly string[];
  /** Substring of the id, title or description (`_fuzzySearch`). */
  search?: string;
}

/** Filters of `listFuncApis`. */
export interface DataFluxFuncApiListFilters {
  /** Default `ALL`. */
  apiType?: 'syncAPI' | 'asyncAPI' | 'ALL';
  funcId?: string | readonly string[];
  funcName?: string | readonly string[];
  funcCategory?: string | readonly string[];
  funcTags?: string | readonly string[];
  scriptId?: string | readonly string[];
  scriptSetId?: string | readonly string[];
  search?: string;
}

/** The query of a list request: lists comma-joined, `search` as `_fuzzySearch`. */
export function listQuery(filters: object | undefined): QueryInit {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters ?? {})) {
    if (value === undefined) continue;
    const name = key === 'search' ? '_fuzzySearch' : key;
    out[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}
