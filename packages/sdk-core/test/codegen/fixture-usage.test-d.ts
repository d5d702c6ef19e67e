/**
 * Type tests of the generated fixture client (`fixture-client.gen.ts`): right calls
 * compile, wrong argument names and types, unknown functions and API names do not.
 * `pnpm typecheck` checks this file; `typecheck.test.ts` also checks it against a freshly
 * generated client and proves that every `@ts-expect-error` below is a real error.
 * Nothing here runs.
 */
import { expectTypeOf } from 'vitest';
import { bearer as bearerAuth } from '../../src/auth/bearer.js';
import type { StandardSchemaV1 } from '../../src/http/standard-schema.js';
import type { WithResponse } from '../../src/http/with-response.js';
import { createJitaiClient } from '../../src/jitai/client.js';
import type { ServiceProxy } from '../../src/jitai/service-types.js';
import type {
  BearerSvcPingArgs,
  CustomerSvcMysteryArgs,
  CustomerSvcSaveArgs,
  CustomerSvcTypedListsArgs,
  OddNamesGetListArgs,
  OrderSvc,
  OrderSvcCreateArgs,
  OrderSvcQueryArgs,
  SignetApi,
  SignetServices,
} from './fixture-client.gen.js';
import { signetApis, signetResultShapes } from './fixture-client.gen.js';

const jit = createJitaiClient<SignetServices>({
  baseUrl: 'https://jit.example/api/org/app',
  accessKey: 'ak',
  accessSecret: 'not-a-secret',
  shapes: signetResultShapes,
});
expectTypeOf(signetResultShapes['services.OrderSvc.list']).toEqualTypeOf<'object[]'>();
expectTypeOf(signetResultShapes['services.CustomerSvc.count']).toEqualTypeOf<'number'>();
// @ts-expect-error -- no shape for a result typed unknown
void signetResultShapes['services.CustomerSvc.mystery'];

// A service is typed from its name alone.
const orders = jit.service('services.OrderSvc');
expectTypeOf(orders).toEqualTypeOf<ServiceProxy<OrderSvc>>();
expectTypeOf(orders.query).parameter(0).toEqualTypeOf<OrderSvcQueryArgs>();
expectTypeOf(orders.query({ orderId: '1001' })).resolves.toEqualTypeOf<Record<string, unknown>>();
expectTypeOf(orders.list).returns.resolves.toEqualTypeOf<Record<string, unknown>[]>();
orders.query({ orderId: '1001' }, { timeout: 5_000 });

// @ts-expect-error -- wrong argument name
orders.query({ orderID: '1001' });
// @ts-expect-error -- wrong argument type
orders.query({ orderId: 1001 });
// @ts-expect-error -- a missing argument
orders.query({});
// @ts-expect-error -- the args object is required when the function takes arguments
orders.query();
// @ts-expect-error -- no such function
orders.remove({ orderId: '1001' });

expectTypeOf<OrderSvcCreateArgs>().toEqualTypeOf<{
  customerId: string;
  items: Record<string, unknown>[];
  amount: number;
  paid: 0 | 1;
  deliveryDate: string;
}>();
const order = { customerId: 'u1', items: [{ sku: 'A-1', qty: 2 }], deliveryDate: '2025-01-31' };
orders.create({ ...order, amount: 9.5, paid: 1 });
// @ts-expect-error -- a Checkbox is 0 or 1, not a boolean
orders.create({ ...order, amount: 9.5, paid: true });
// @ts-expect-error -- Money is a number
orders.create({ ...order, amount: '9.50', paid: 0 });

// Every JitAi data type.
expectTypeOf<CustomerSvcSaveArgs>().toEqualTypeOf<{
  stext: string;
  ltext: string;
  richText: string;
  serial: string;
  identify: string;
  phone: string;
  licensePlate: string;
  radio: string;
  dropdown: string;
  dept: string;
  member: string;
  numeric: number;
  money: number;
  percent: number;
  autoInt: number;
  checkbox: 0 | 1;
  date: string;
  datetime: string;
  time: string;
  multiRadio: string[];
  multiDropdown: string[];
  multiDept: string[];
  multiMember: string[];
  file: unknown[];
  image: unknown[];
  jitList: unknown[];
  jitDict: Record<string, unknown>;
  address: Record<string, unknown>;
  position: Record<string, unknown>;
  link: Record<string, unknown>;
  jitMap: Record<string, unknown>;
  rowData: Record<string, unknown>;
  relateData: Record<string, unknown>;
  rowList: Record<string, unknown>[];
  subTable: Record<string, unknown>[];
  multiRelateData: Record<string, unknown>[];
  qFilter: string;
}>();
expectTypeOf<CustomerSvcTypedListsArgs>().toEqualTypeOf<{
  tags: string[];
  scores: number[];
  flags: (0 | 1)[];
  rows: Record<string, unknown>[];
  matrix: number[][];
  photos: Record<string, unknown>[];
  vectors: unknown[];
}>();
expectTypeOf<CustomerSvcMysteryArgs>().toEqualTypeOf<{ vector: unknown; lowerCase: unknown }>();

const customers = jit.service('services.CustomerSvc');
expectTypeOf(customers.count).returns.resolves.toEqualTypeOf<number>();
expectTypeOf(customers.mystery).returns.resolves.toBeUnknown();
expectTypeOf(customers.typedLists).returns.resolves.toEqualTypeOf<unknown[]>();
customers.count();
// @ts-expect-error -- a function without arguments takes no keys
customers.count({ extra: 1 });

// Functions declared ignoreSign (the bearer-interceptor ones) are typed the same way.
const bearer = jit.service('services.BearerSvc');
expectTypeOf<BearerSvcPingArgs>().toEqualTypeOf<Record<string, never>>();
expectTypeOf(bearer.ping).returns.resolves.toBeUnknown();
bearer.ping();
bearer.stamp({ timestamp: 1, orderid: 'a', orderId: 'b' });

// Argument names that are not identifiers are quoted properties.
expectTypeOf<OddNamesGetListArgs>().toEqualTypeOf<{
  'order-id': string;
  '1st': number;
  订单号: string;
  class: string;
  "it's": string;
  $price: number;
  _flag: 0 | 1;
  'with space': string;
  noTitle: string;
}>();
const odd = jit.service('services.odd_names');
expectTypeOf(odd.$raw).parameter(0).toEqualTypeOf<{ x: string }>();
// @ts-expect-error -- `order_id` is not `order-id`
odd.get_list({ order_id: 'x' });

// API and service names.
expectTypeOf<keyof SignetServices>().toEqualTypeOf<
  'services.BearerSvc' | 'services.CustomerSvc' | 'services.OrderSvc' | 'services.odd_names'
>();
expectTypeOf(signetApis).toExtend<readonly SignetApi[]>();
expectTypeOf(signetApis.length).toEqualTypeOf<12>();
expectTypeOf(signetApis[0]).toEqualTypeOf<'services.BearerSvc.ping'>();
expectTypeOf<'services.OrderSvc.query'>().toExtend<SignetApi>();
expectTypeOf<'services.OrderSvc.remove'>().not.toExtend<SignetApi>();
// @ts-expect-error -- a typed client rejects a service name its map does not have
jit.service('services.NoSuchSvc');
// @ts-expect-error -- a service name must be a key of the map to use it as one
expectTypeOf<SignetServices['services.NoSuchSvc']>().toBeObject();

// `call` is typed from the API name: the name, the args and the result.
expectTypeOf(jit.call('services.OrderSvc.query', { orderId: '1001' })).resolves.toEqualTypeOf<
  Record<string, unknown>
>();
expectTypeOf(jit.call('services.CustomerSvc.count')).resolves.toEqualTypeOf<number>();
expectTypeOf(
  jit.call('services.BearerSvc.stamp', { timestamp: 1, orderid: 'a', orderId: 'b' }),
).resolves.toEqualTypeOf<string>();
jit.call('services.OrderSvc.query', { orderId: '1001' }, { timeout: 5_000, idempotent: true });
jit.call('services.odd_names.$raw', { x: 'y' });
// @ts-expect-error -- an API name the map does not have
jit.call('services.OrderSvc.remove', { orderId: '1001' });
// @ts-expect-error -- a service the map does not have
jit.call('services.NoSuchSvc.query', { orderId: '1001' });
// @ts-expect-error -- wrong argument name
jit.call('services.OrderSvc.query', { orderID: '1001' });
// @ts-expect-error -- wrong argument type
jit.call('services.OrderSvc.query', { orderId: 1001 });
// @ts-expect-error -- the args are required when the function takes arguments
jit.call('services.OrderSvc.query');
// @ts-expect-error -- a function without arguments takes no keys
jit.call('services.CustomerSvc.count', { extra: 1 });
// @ts-expect-error -- the result is the declared one, not whatever the caller wishes
const wrong: string = await jit.call('services.CustomerSvc.count');

// withResponse() on calls and proxy methods.
expectTypeOf(jit.call('services.CustomerSvc.count').withResponse()).resolves.toEqualTypeOf<
  WithResponse<number>
>();
expectTypeOf(customers.count().withResponse()).resolves.toEqualTypeOf<WithResponse<number>>();

// A schema's output must fit the declared result; a narrower one narrows the result.
const countSchema = schemaOf<number>();
const literalSchema = schemaOf<1 | 2>();
expectTypeOf(
  jit.call('services.CustomerSvc.count', {}, { schema: literalSchema }),
).resolves.toEqualTypeOf<1 | 2>();
customers.count({}, { schema: countSchema });
// @ts-expect-error -- a schema of strings cannot check a number result
jit.call('services.CustomerSvc.count', {}, { schema: schemaOf<string>() });
// @ts-expect-error -- nor a proxy method's
customers.count({}, { schema: schemaOf<string>() });
jit.service('services.CustomerSvc', { schemas: { count: countSchema } });
// @ts-expect-error -- a service schema for a method the service does not have
jit.service('services.CustomerSvc', { schemas: { remove: countSchema } });

// An untyped client keeps today's signatures: any API, any args, the result as asked.
const untyped = createJitaiClient({
  baseUrl: 'https://jit.example/api/org/app',
  auth: bearerAuth('t'),
});
expectTypeOf(untyped.call('services.Any.thing', { any: 1 })).resolves.toBeUnknown();
expectTypeOf(untyped.call<{ id: string }>('services.Any.thing')).resolves.toEqualTypeOf<{
  id: string;
}>();
expectTypeOf(
  untyped.call('services.Any.thing', {}, { schema: schemaOf<{ n: number }>() }),
).resolves.toEqualTypeOf<{ n: number }>();
untyped.service<OrderSvc>('services.OrderSvc').query({ orderId: '1' });

function schemaOf<T>(): StandardSchemaV1<unknown, T> {
  return {
    '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value: value as T }) },
  };
}
void wrong;
