import { SignetConfigError } from '../errors.js';
import { type AuthStrategy, secretValues, type WithSecrets } from './types.js';

/** Where a fixed credential field travels. */
export type FieldLocation = 'header' | 'query' | 'body';

/**
 * Options of {@link fixedField}: one credential sent as a header, a query parameter or
 * a body field, unchanged on every request.
 */
export interface FixedField {
  in: FieldLocation;
  name: string;
  value: string;
}

/** A fixed-field strategy also tells clients where its fields go (DataFlux picks a format by it). */
export interface FixedFieldStrategy extends AuthStrategy, WithSecrets {
  readonly kind: 'fixedField';
  /** The configured locations, in the order of the fields (first occurrence). */
  readonly locations: readonly FieldLocation[];
}

/**
 * True when a field in `location` can travel on a request of this method and format. A
 * header always can; a body field needs a body (not GET/HEAD); DataFlux's normal format
 * (`format: 'normal'`) takes no body field, nor a query field on a GET, since it
 * refuses any field but `kwargs` and `options` there (PROTOCOLS §2).
 */
export function fixedFieldFits(
  location: FieldLocation,
  method: string,
  format: string | undefined,
): boolean {
  const get = method === 'GET' || method === 'HEAD';
  if (location === 'header') return true;
  if (location === 'query') return !(get && format === 'normal');
  return !get && format !== 'normal';
}

/**
 * DataFlux Func "fixed field" API auth: a configured value in a header, a query field or
 * a body field. Several fields may be given, but each call sends exactly **one**: the
 * first that the request can carry (see `fixedFieldFits`). The server checks its own
 * fields in its own order, stops at the first match and deletes only the query/body
 * fields it checked up to there, so any further field would reach the function's kwargs.
 *
 * @example
 * ```ts
 * fixedField({ in: 'header', name: 'x-auth-token', value: process.env.TOKEN })
 * ```
 */
export function fixedField(fields: FixedField | readonly FixedField[]): FixedFieldStrategy {
  const list = (Array.isArray(fields) ? fields : [fields]) as readonly FixedField[];
  if (list.length === 0) throw new SignetConfigError('fixedField: give at least one field');
  list.forEach(check);
  const locations = [...new Set(list.map((f) => f.in))];
  return {
    kind: 'fixedField',
    credentialed: true,
    locations,
    prepare(state) {
      const field = list.find((f) => fixedFieldFits(f.in, state.method, state.format));
      if (field === undefined) {
        const where = state.format === undefined ? '' : `, ${state.format} format`;
        throw new SignetConfigError(
          `fixedField: none of the configured fields (${list.map((f) => `${f.in} "${f.name}"`).join(', ')}) can travel on this request (${state.method}${where}); configure a header field${state.format === 'normal' ? ', or use the simplified format' : ''}`,
        );
      }
      if (field.in === 'header') state.headers.set(field.name, field.value);
      else if (field.in === 'query') state.url.searchParams.set(field.name, field.value);
      else {
        if (state.body === undefined) state.body = {};
        if (typeof state.body !== 'object' || state.body === null || Array.isArray(state.body)) {
          throw new SignetConfigError(
            `fixedField: body field "${field.name}" needs a JSON object body, but the body is ${Array.isArray(state.body) ? 'an array' : typeof state.body}`,
          );
        }
        const body = state.body as Record<string, unknown>;
        if (Object.hasOwn(body, field.name) && body[field.name] !== field.value) {
          throw new SignetConfigError(
            `fixedField: the body already has a field "${field.name}"; the auth field would overwrite it`,
          );
        }
        state.body = { ...body, [field.name]: field.value };
      }
    },
    [secretValues]: () => list.map((f) => f.value),
  };
}

function check(field: FixedField, index: number): void {
  const where = `fixedField: field ${index}`;
  if (field === null || typeof field !== 'object')
    throw new SignetConfigError(`${where} is not an object`);
  if (field.in !== 'header' && field.in !== 'query' && field.in !== 'body') {
    throw new SignetConfigError(`${where}: "in" must be 'header', 'query' or 'body'`);
  }
  if (typeof field.name !== 'string' || field.name.length === 0) {
    throw new SignetConfigError(`${where}: name must be a non-empty string`);
  }
  if (field.in === 'header' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(field.name)) {
    throw new SignetConfigError(`${where}: "${field.name}" is not a valid header name`);
  }
  if (typeof field.value !== 'string') {
    throw new SignetConfigError(`${where} (${field.name}): value must be a string`);
  }
  if (field.in === 'header' && /[\r\n\u0000]/.test(field.value)) {
    throw new SignetConfigError(
      `${where} (${field.name}): a header value cannot contain CR, LF or NUL`,
    );
  }
}
