// A typed service proxy from a hand-written interface (or generate one: signet gen).
import { createJitaiClient } from '@signet/sdk-node';
import { type ExampleConfig, type Log, show, standalone } from './config.ts';

interface Order {
  orderId: string;
  status: 'NEW' | 'PAID' | 'SHIPPED';
  amount: number;
}

interface OrderSvc {
  query(args: { orderId: string }): Promise<Order>;
  create(args: { customer: string; amount: number }): Promise<Order>;
}

export async function run(config: ExampleConfig, log: Log): Promise<void> {
  const jit = createJitaiClient({
    baseUrl: config.jitai.baseUrl,
    accessKey: config.jitai.accessKey,
    accessSecret: config.jitai.accessSecret,
  });
  const orders = jit.service<OrderSvc>('services.OrderSvc');
  const created = await orders.create({ customer: 'ACME 株式会社', amount: 99.5 });
  log(`orders.create → ${show(created)}`);
  const found = await orders.query({ orderId: created.orderId });
  log(`orders.query → ${found.status} ${found.amount}`);
}

await standalone(import.meta, run);
