import { decodePathSegment } from '../core/http.js';

/** Which of the server's handlers a request reaches (its `route.yaml` entries at 5.0.0). */
export type DataFluxRouteName =
  | 'describeFunc'
  | 'callFunc'
  | 'funcList'
  | 'funcApiList'
  | 'sync'
  | 'async';

/** A matched route: its handler, its path parameters, and what the route config asks. */
export interface DataFluxRoute {
  name: DataFluxRouteName;
  /** `:funcId` or `:id`, decoded as Express decodes path parameters. */
  id: string;
  /** `:format` of the `…/:id/:format` routes, any text (only `normal`, `s`, `simplified` mean something). */
  format: string | undefined;
  /** Signed-in routes (an access key) versus open ones (Sync/Async APIs). */
  requireSignIn: boolean;
  /** Which request validator the route config sets up (none for the `:format` routes). */
  validation:
    | 'funcBody'
    | 'syncQuery'
    | 'syncBody'
    | 'asyncQuery'
    | 'asyncBody'
    | 'funcListQuery'
    | 'funcApiListQuery'
    | undefined;
}

/** A path parameter that does not decode: Express fails the request (500 ESys). */
export interface BadPathParam {
  badParam: true;
}

const FUNC = /^\/api\/v1\/func\/([^/]+?)\/?$/i;
const FUNC_LIST = /^\/api\/v1\/func-list\/?$/i;
const FUNC_API_LIST = /^\/api\/v1\/func-api-list\/?$/i;
// `/api/v1/sync/:id`, `/api/v1/sync/:id/:format` and `/api/v1/sync/:id/:format/*`; `al` is
// the legacy name of `sync`, `bat` of `async`.
const API = /^\/api\/v1\/(sync|al|async|bat)\/([^/]+?)(?:\/([^/]+?)(?:\/.*)?)?\/?$/i;

/**
 * The route Express would pick for a request, in the server's registration order; undefined
 * for none (404 "No such router…"). Methods other than GET and POST match nothing here.
 */
export function matchRoute(method: string, path: string): DataFluxRoute | BadPathParam | undefined {
  const get = method === 'GET';
  if (!get && method !== 'POST') return undefined;
  const func = FUNC.exec(path);
  if (func) {
    const id = decodePathSegment(func[1]!);
    if (id === undefined) return { badParam: true };
    return get
      ? { name: 'describeFunc', id, format: undefined, requireSignIn: true, validation: undefined }
      : { name: 'callFunc', id, format: undefined, requireSignIn: true, validation: 'funcBody' };
  }
  if (get && FUNC_LIST.test(path)) {
    return {
      name: 'funcList',
      id: '',
      format: undefined,
      requireSignIn: true,
      validation: 'funcListQuery',
    };
  }
  if (get && FUNC_API_LIST.test(path)) {
    return {
      name: 'funcApiList',
      id: '',
      format: undefined,
      requireSignIn: false,
      validation: 'funcApiListQuery',
    };
  }
  const api = API.exec(path);
  if (api === null) return undefined;
  const id = decodePathSegment(api[2]!);
  const format = api[3] === undefined ? undefined : decodePathSegment(api[3]);
  if (id === undefined || (api[3] !== undefined && format === undefined)) return { badParam: true };
  const isAsync = /^(async|bat)$/i.test(api[1]!);
  const validation =
    format !== undefined
      ? undefined
      : isAsync
        ? get
          ? 'asyncQuery'
          : 'asyncBody'
        : get
          ? 'syncQuery'
          : 'syncBody';
  return { name: isAsync ? 'async' : 'sync', id, format, requireSignIn: false, validation };
}
