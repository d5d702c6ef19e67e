// `npm run demo`: starts an emulated JitAi app and an emulated DataFlux Func on free
// loopback ports (real HTTP, verifying exactly like the platforms), runs every example
// script of this folder against them and prints a transcript. No network needed.
import { LosslessNumber } from '@signet/sdk-core';
import { createDataFluxEmulator, createJitaiEmulator, serveEmulator } from '@signet/sdk-testing';
import * as callRecords from './call-records.ts';
import type { ExampleConfig, Log } from './config.ts';
import * as aksk from './dataflux-aksk.ts';
import * as dffBasic from './dataflux-basic.ts';
import * as dffDigest from './dataflux-digest.ts';
import * as fixed from './dataflux-fixed-field.ts';
import * as errors from './errors.ts';
import * as bearerCall from './jitai-bearer.ts';
import * as signedCall from './jitai-signed-call.ts';
import * as typedService from './jitai-typed-service.ts';

const KEY = { accessKey: 'partner01', accessSecret: 'c58929c718f844abaaae2461ea1b2ff8024a96' };
const AK = { akId: 'ak-partner-01', akSecret: 'sk-demo-0f3c9a71b2' };

const orders = new Map<
  string,
  { orderId: string; status: string; amount: number; customer: string }
>([
  ['1001', { orderId: '1001', status: 'PAID', amount: 12.5, customer: 'Zhang San' }],
  ['1002', { orderId: '1002', status: 'SHIPPED', amount: 80, customer: 'Li Si' }],
]);

const jitaiApp = createJitaiEmulator({
  orgId: 'whwy',
  appName: 'demoapp',
  apiAuths: [
    {
      ...KEY,
      apis: ['services.OrderSvc.query', 'services.OrderSvc.create', 'services.OrderSvc.totals'],
    },
  ],
  definitions: [
    {
      fullName: 'services.OrderSvc',
      title: 'Orders',
      functionList: [
        {
          name: 'query',
          title: 'Query an order',
          args: [{ name: 'orderId', title: 'Order id', dataType: 'Stext' }],
          returnType: 'JitDict',
        },
        {
          name: 'create',
          title: 'Create an order',
          args: [
            { name: 'customer', dataType: 'Stext' },
            { name: 'amount', dataType: 'Money' },
          ],
          returnType: 'JitDict',
        },
        {
          name: 'totals',
          title: 'Yearly totals',
          args: [{ name: 'year', dataType: 'Numeric' }],
          returnType: 'JitDict',
        },
      ],
    },
    {
      fullName: 'services.PublicSvc',
      title: 'Public',
      functionList: [{ name: 'ping', args: [], ignoreSign: true, loginRequired: false }],
    },
  ],
  services: {
    'services.OrderSvc': {
      query: (args) => orders.get(String(args.orderId)) ?? null,
      create: (args) => {
        const order = {
          orderId: String(1000 + orders.size + 1),
          status: 'NEW',
          amount: Number(args.amount),
          customer: String(args.customer),
        };
        orders.set(order.orderId, order);
        return order;
      },
      totals: (args) => ({
        year: args.year,
        ratio: new LosslessNumber('1.0'),
        revenueCents: 12345678901234567890n,
      }),
    },
    'services.PublicSvc': {
      ping: (args, ctx) => ({ pong: true, from: args.from, app: ctx.caller }),
    },
  },
  bearer: { tokens: { testtoken123: 'demoapp' }, functions: [['services.PublicSvc', 'ping']] },
});

const dataFluxFunc = createDataFluxEmulator({
  accessKeys: [AK],
  funcs: {
    'demo__main.hello': (kwargs) => ({ hello: kwargs.name ?? 'world' }),
    'demo__main.echo': (kwargs) => ({ got: kwargs }),
  },
  syncApis: {
    'fixed-api': {
      func: 'demo__main.echo',
      auth: {
        type: 'fixedField',
        fields: [{ location: 'header', name: 'x-auth-token', value: 'fixed-token-7d1e' }],
      },
    },
    'basic-api': {
      func: 'demo__main.echo',
      auth: { type: 'httpBasic', users: [{ username: 'partner', password: 'basic-pass-31f' }] },
    },
    'digest-api': {
      func: 'demo__main.echo',
      auth: { type: 'httpDigest', users: [{ username: 'partner', password: 'digest-pass-92a' }] },
    },
  },
  asyncApis: { 'open-api': { func: 'demo__main.hello' } },
});

const jitaiServer = await serveEmulator(jitaiApp);
const dffServer = await serveEmulator(dataFluxFunc);

const config: ExampleConfig = {
  jitai: { baseUrl: `${jitaiServer.url}${jitaiApp.basePath}`, ...KEY, bearerToken: 'testtoken123' },
  dataflux: {
    baseUrl: dffServer.url,
    ...AK,
    fixedField: { apiId: 'fixed-api', name: 'x-auth-token', value: 'fixed-token-7d1e' },
    basic: { apiId: 'basic-api', username: 'partner', password: 'basic-pass-31f' },
    digest: { apiId: 'digest-api', username: 'partner', password: 'digest-pass-92a' },
  },
};

const secrets = [
  KEY.accessSecret,
  AK.akSecret,
  'fixed-token-7d1e',
  'basic-pass-31f',
  'digest-pass-92a',
];
const lines: string[] = [];
const log: Log = (line) => {
  lines.push(line);
  console.log(`  ${line}`);
};

const steps: Array<[string, { run: (c: ExampleConfig, l: Log) => Promise<void> }]> = [
  ['JitAi: signed call, verified response', signedCall],
  ['JitAi: typed service proxy', typedService],
  ['JitAi: interceptor Bearer token', bearerCall],
  ['DataFlux: Access Key signed OpenAPI', aksk],
  ['DataFlux: Sync API, fixed field', fixed],
  ['DataFlux: Sync API, HTTP Basic', dffBasic],
  ['DataFlux: Sync API, HTTP Digest', dffDigest],
  ['Typed errors (deliberately rejected calls)', errors],
  ['Call records', callRecords],
];

/** What the examples log for a rejection they provoke on purpose. */
const EXPECTED_ERROR = /^(rejected as expected|refused before sending): Signet\w+Error/;

let surprises = 0;
try {
  console.log(
    `signet demo — JitAi app at ${config.jitai.baseUrl}, DataFlux Func at ${config.dataflux.baseUrl}\n`,
  );
  for (const [title, step] of steps) {
    console.log(`▶ ${title}`);
    const seenJitai = jitaiApp.calls.length;
    const seenDff = dataFluxFunc.calls.length;
    try {
      await step.run(config, log);
    } catch (error) {
      surprises++; // the next steps still run: one tally for the whole demo
      log(`✗ unexpected ${(error as Error).name}: ${(error as Error).message}`);
    }
    for (const call of jitaiApp.calls.slice(seenJitai, seenJitai + 1)) {
      const h = call.headers;
      const sig = h.authorization
        ? `authorization: ${h.authorization}`
        : `accessKey: ${h.accesskey} timestamp: ${h.timestamp} accessSign: ${h.accesssign}`;
      log(`  wire: POST ${call.target}  ${sig}`);
    }
    const dffCalls = dataFluxFunc.calls.slice(seenDff);
    const shown =
      dffCalls.find((c) => c.headers.authorization ?? c.headers['x-dff-ak-id']) ?? dffCalls[0];
    if (shown) {
      const h = shown.headers;
      const sig = h['x-dff-ak-id']
        ? `X-Dff-Ak-Id: ${h['x-dff-ak-id']} X-Dff-Ak-Timestamp: ${h['x-dff-ak-timestamp']} X-Dff-Ak-Nonce: ${h['x-dff-ak-nonce']} X-Dff-Ak-Sign: ${h['x-dff-ak-sign']}`
        : h.authorization
          ? `authorization: ${h.authorization.split(' ')[0]} ***`
          : 'x-auth-token: ***';
      log(`  wire: ${shown.method} ${shown.target}  ${sig}`);
    }
    console.log('');
  }
  const transcript = lines.join('\n');
  const leaked = secrets.filter((s) => transcript.includes(s));
  if (leaked.length > 0) {
    surprises++;
    console.log(`demo: the transcript shows ${leaked.length} secret(s)`);
  } else {
    console.log(
      'demo: every call above went over real HTTP to verifying emulators; no secret was printed.',
    );
  }
  const calls = jitaiApp.calls.length + dataFluxFunc.calls.length;
  const expected = lines.filter((line) => EXPECTED_ERROR.test(line)).length;
  console.log(
    `${calls} calls, ${expected} typed errors as expected, ${surprises} surprise${surprises === 1 ? '' : 's'}`,
  );
} catch (error) {
  surprises++;
  console.error(`demo failed: ${(error as Error).name}: ${(error as Error).message}`);
} finally {
  await Promise.all([jitaiServer.close(), dffServer.close()]);
}
process.exit(surprises === 0 ? 0 : 1);
