import type { DataFluxRoute } from './routes.js';

/**
 * The server's request validator (`requestValidator` over `object-checker`) for the routes
 * the kit serves: a field the route config does not name is "Found unexpected field
 * `x`"; in a body the types are checked too ("Field `kwargs` value `"x"` is not
 * valid. (type = "json")"). In a query only names are checked: the query checker turns
 * its `$type` directive off. Either fails as 400 `Invalid request query|body` with
 * `detail: {message}`.
 */
export type ValidationVerdict =
  | { ok: true }
  | { ok: false; where: 'query' | 'body'; message: string };

interface FieldSpec {
  /** object-checker's `$type`: `json` is an object (or null), `any` skips everything. */
  type?: 'json' | 'enum' | 'boolean' | 'integer' | 'string' | 'any';
  in?: readonly string[];
  minValue?: number;
  isISO8601?: boolean;
  /** Nested fields (an object the checker walks). */
  fields?: Readonly<Record<string, FieldSpec>>;
}

const RETURN_TYPE: FieldSpec = { type: 'enum', in: ['raw', 'jsonDumps'] };
const SYNC_BODY: Readonly<Record<string, FieldSpec>> = {
  kwargs: { type: 'json' },
  options: { fields: { returnType: RETURN_TYPE } },
};
const FUNC_BODY: Readonly<Record<string, FieldSpec>> = {
  kwargs: { type: 'json' },
  options: {
    fields: {
      returnType: RETURN_TYPE,
      unbox: { type: 'boolean' },
      eta: { type: 'string', isISO8601: true },
      delay: { type: 'integer', minValue: 1 },
      apiTimeout: { type: 'any' },
      execMode: { type: 'any' },
      saveResult: { type: 'any' },
    },
  },
};
/** The x-auth-token query field the validator always allows (`CONFIG._WEB_AUTH_QUERY`). */
const AUTH_QUERY = 'xDFFAuthToken';
const QUERY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  syncQuery: ['kwargs', 'options', AUTH_QUERY],
  asyncQuery: ['kwargs', AUTH_QUERY],
  // `search` is not among them: the real server refuses it (400).
  funcListQuery: [
    'id',
    'name',
    'title',
    'category',
    'integration',
    'tags',
    'scriptId',
    'scriptSetId',
    '_fuzzySearch',
    AUTH_QUERY,
  ],
  funcApiListQuery: [
    'apiType',
    'funcId',
    'funcName',
    'funcCategory',
    'funcTags',
    'scriptId',
    'scriptSetId',
    '_fuzzySearch',
    AUTH_QUERY,
  ],
};

/** Validates what the route's config asks of the query or the parsed body. */
export function validateRequest(
  route: DataFluxRoute,
  query: Record<string, unknown>,
  body: unknown,
): ValidationVerdict {
  switch (route.validation) {
    case undefined:
      return { ok: true };
    case 'funcBody':
      return checkBody(body, FUNC_BODY);
    case 'syncBody':
      return checkBody(body, SYNC_BODY);
    case 'asyncBody':
      return checkBody(body, { kwargs: { type: 'json' } });
    default: {
      const allowed = QUERY_FIELDS[route.validation]!;
      const unexpected = Object.keys(query).find((key) => !allowed.includes(key));
      return unexpected === undefined
        ? { ok: true }
        : { ok: false, where: 'query', message: `Found unexpected field \`${unexpected}\`` };
    }
  }
}

function checkBody(body: unknown, fields: Readonly<Record<string, FieldSpec>>): ValidationVerdict {
  const message = verify(body, { fields }, 'obj');
  return message === undefined ? { ok: true } : { ok: false, where: 'body', message };
}

/** object-checker's `verify`: unexpected keys of an object first, then each field in order. */
function verify(value: unknown, spec: FieldSpec, name: string): string | undefined {
  if (value === undefined) return undefined; // nothing is required
  if (spec.type === 'any') return undefined;
  if (typeof value === 'object' && value !== null && spec.type !== 'json') {
    const unexpected = Object.keys(value).find((key) => !Object.hasOwn(spec.fields ?? {}, key));
    if (unexpected !== undefined) return `Found unexpected field \`${unexpected}\``;
  }
  const type = typeFails(value, spec);
  if (type !== undefined) return invalid(name, value, 'type', spec.type);
  if (spec.in !== undefined && !spec.in.includes(value as string)) {
    return invalid(name, value, 'in', spec.in);
  }
  if (spec.minValue !== undefined && !(Number.parseFloat(String(value)) >= spec.minValue)) {
    return invalid(name, value, 'minValue', spec.minValue);
  }
  if (spec.isISO8601 && !ISO8601.test(String(value)))
    return invalid(name, value, 'isISO8601', true);
  for (const [key, child] of Object.entries(spec.fields ?? {})) {
    const inner = (value as Record<string, unknown> | null)?.[key];
    const message = verify(inner, child, key);
    if (message !== undefined) return message;
  }
  return undefined;
}

function typeFails(value: unknown, spec: FieldSpec): true | undefined {
  switch (spec.type) {
    case 'json':
      return typeof value === 'object' && !Array.isArray(value) ? undefined : true;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : true;
    case 'string':
      return typeof value === 'string' ? undefined : true;
    case 'integer':
      // The checker's own test, quirks included: /^(-?[1-9][0-9]*)|0$/ on the number.
      return typeof value === 'number' && /^(-?[1-9][0-9]*)|0$/.test(String(value))
        ? undefined
        : true;
    default:
      return undefined;
  }
}

const ISO8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function invalid(name: string, value: unknown, checker: string, option: unknown): string {
  return `Field \`${name}\` value \`${JSON.stringify(value)}\` is not valid. (${checker} = ${JSON.stringify(option)})`;
}
