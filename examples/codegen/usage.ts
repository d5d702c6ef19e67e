/**
 * A typed call through the generated client (`client.gen.ts`). Type-checked by
 * `pnpm exec tsc -p examples/codegen`; running it needs a JitAi app and its credentials.
 */
import { createJitaiClient } from '@signet/sdk-core'; // the same name is exported by @signet/sdk-node
import {
  type OrderSvcCreateArgs,
  type OrderSvcQueryResult,
  type SignetServices,
  signetResultShapes,
} from './client.gen.js';

const jit = createJitaiClient<SignetServices>({
  baseUrl: process.env.JITAI_BASE_URL ?? 'http://localhost:8080/api/whwy/testjitai',
  accessKey: process.env.SIGNET_ACCESS_KEY ?? '',
  accessSecret: process.env.SIGNET_ACCESS_SECRET ?? '',
  // Each verified result must have its declared shape (an object here), or the call
  // throws SignetValidationError.
  shapes: signetResultShapes,
});

// call() is typed from the API name: a wrong name or wrong args do not compile.
export async function queryOrder(orderId: string): Promise<OrderSvcQueryResult> {
  // @ts-expect-error -- no such API in the generated map
  await jit.call('services.OrderSvc.remove', { orderId });
  return jit.call('services.OrderSvc.query', { orderId });
}

// Typed from the service's name alone: `query` and `create` with their args and results.
const orders = jit.service('services.OrderSvc');

export async function showOrder(orderId: string): Promise<OrderSvcQueryResult> {
  const order = await orders.query({ orderId });
  // @ts-expect-error -- a misspelt argument name does not compile
  await orders.query({ orderID: orderId });
  return order;
}

export async function placeOrder(customerId: string, amount: number): Promise<unknown> {
  const args: OrderSvcCreateArgs = { customerId, amount, express: 1 }; // Checkbox: 0 | 1
  return orders.create(args, { timeout: 10_000 });
}
