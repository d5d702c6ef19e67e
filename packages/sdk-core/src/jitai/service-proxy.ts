import { SignetConfigError } from '../errors.js';
import type { CallOptions } from '../http/options.js';
import type { StandardSchemaV1 } from '../http/standard-schema.js';
import { checkExpectation } from '../http/validate.js';
import type { SignetPromise } from '../http/with-response.js';
import { JITAI_SERVICE_NAME, PROXY_RESERVED } from './names.js';

type Caller = (api: string, args?: object, options?: CallOptions) => SignetPromise<unknown>;

/**
 * `service('services.OrderSvc').query(args)` → `call('services.OrderSvc.query', args)`,
 * with the service's schema for `query` unless the call brings its own. Methods are
 * created on first use and cached; the proxy is not thenable.
 */
export function createServiceProxy(
  name: string,
  call: Caller,
  schemas: Readonly<Record<string, StandardSchemaV1 | undefined>> | undefined,
): object {
  if (typeof name !== 'string' || !JITAI_SERVICE_NAME.test(name)) {
    throw new SignetConfigError(
      `service name must be a dotted name like "services.OrderSvc", got ${JSON.stringify(name)}`,
    );
  }
  if (schemas !== undefined) {
    if (schemas === null || typeof schemas !== 'object') {
      throw new SignetConfigError(`service ${name}: schemas must be an object of method → schema`);
    }
    for (const [method, schema] of Object.entries(schemas)) {
      checkExpectation({ schema }, `service ${name}: schemas.${method}`);
    }
  }
  const methods = new Map<
    string,
    (args?: object, options?: CallOptions) => SignetPromise<unknown>
  >();
  return new Proxy(Object.create(null) as object, {
    get(_target, prop) {
      if (typeof prop !== 'string' || PROXY_RESERVED.has(prop)) return undefined;
      let method = methods.get(prop);
      if (!method) {
        const schema =
          schemas !== undefined && Object.hasOwn(schemas, prop) ? schemas[prop] : undefined;
        method = (args?: object, options?: CallOptions) =>
          call(
            `${name}.${prop}`,
            args,
            schema === undefined || options?.schema !== undefined
              ? options
              : { ...options, schema },
          );
        methods.set(prop, method);
      }
      return method;
    },
    has: () => false,
    set: () => false,
  });
}
