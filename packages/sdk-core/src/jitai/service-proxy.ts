import { SignetConfigError } from '../errors.js';
import type { RequestOptions } from '../http/options.js';
import { JITAI_SERVICE_NAME, PROXY_RESERVED } from './names.js';

type Caller = (api: string, args?: object, options?: RequestOptions) => Promise<unknown>;

/**
 * `service('services.OrderSvc').query(args)` → `call('services.OrderSvc.query', args)`.
 * Methods are created on first use and cached; the proxy is not thenable.
 */
export function createServiceProxy(name: string, call: Caller): object {
  if (typeof name !== 'string' || !JITAI_SERVICE_NAME.test(name)) {
    throw new SignetConfigError(
      `service name must be a dotted name like "services.OrderSvc", got ${JSON.stringify(name)}`,
    );
  }
  const methods = new Map<string, (args?: object, options?: RequestOptions) => Promise<unknown>>();
  return new Proxy(Object.create(null) as object, {
    get(_target, prop) {
      if (typeof prop !== 'string' || PROXY_RESERVED.has(prop)) return undefined;
      let method = methods.get(prop);
      if (!method) {
        method = (args?: object, options?: RequestOptions) =>
          call(`${name}.${prop}`, args, options);
        methods.set(prop, method);
      }
      return method;
    },
    has: () => false,
    set: () => false,
  });
}
