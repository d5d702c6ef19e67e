#!/usr/bin/env node
// `pnpm load`: signed calls under load and big payloads, against the testing kit's
// emulators over node:http (in a child process), with sdk-node's clients as partners use
// them (undici transport, node:crypto). Prints the tables of RELIABILITY.md's "Load" and
// "Big payloads" sections. Options: --calls N (default 10 000 per run).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import {
  machine,
  memorySampler,
  mib,
  ms,
  packages,
  percentile,
  root,
  settledHeap,
  table,
  today,
} from './harness.mjs';

const KEY = 'akload0001';
const SECRET = '5e0b6f1c2d3a4958b7c6d5e4f3a2b1c0d9e8f7';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const CALLS = arg('calls', 10_000);

if (typeof globalThis.gc !== 'function') {
  console.error('load: run with node --expose-gc (pnpm load does)');
  process.exit(2);
}
const { node } = await packages();
const child = fork(path.join(root, 'test/reliability/load-server.mjs'), [], {
  env: { ...process.env, KEY, SECRET },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const [urls] = await once(child, 'message');

function clients() {
  const jit = node.createJitaiClient({
    baseUrl: urls.jitai,
    accessKey: KEY,
    accessSecret: SECRET,
    env: false,
  });
  const dff = node.createDataFluxClient({
    baseUrl: urls.dataflux,
    auth: node.dataflux({ akId: KEY, akSecret: SECRET }),
    env: false,
  });
  return {
    JitAi: {
      query: (i) => jit.call('services.OrderSvc.query', { orderId: `A-${i}` }),
      blob: (args, opts) => jit.call('services.Blob.echo', args, opts),
    },
    DataFlux: {
      query: (i) => dff.callFunc('demo__main.query', { orderId: `A-${i}` }),
      blob: (args, opts) => dff.callFunc('demo__main.blob', args, opts),
    },
  };
}

/** `calls` calls of `fn`, `concurrency` at a time: latencies, errors, time, heap. */
async function load(fn, calls, concurrency) {
  for (let i = 0; i < 200; i++) await fn(i); // warm-up: connections, JIT
  const heapBefore = settledHeap();
  const latencies = new Array(calls);
  const errors = new Map();
  let next = 0;
  const started = performance.now();
  const sampler = memorySampler(20);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < calls; i = next++) {
        const t = performance.now();
        try {
          await fn(i);
        } catch (error) {
          errors.set(error?.name ?? String(error), (errors.get(error?.name) ?? 0) + 1);
        }
        latencies[i] = performance.now() - t;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  const heapAfter = settledHeap();
  return {
    calls,
    concurrency,
    errors: Object.fromEntries(errors),
    errorCount: [...errors.values()].reduce((a, b) => a + b, 0),
    seconds,
    perSecond: calls / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    heapBefore,
    heapAfter,
    peakRss: peak.rss,
  };
}

/** One call with `argBytes` of args and `resultBytes` of result: time and peak memory. */
async function big(fn, argBytes, resultBytes) {
  const payload = 'p'.repeat(argBytes);
  const heapBefore = settledHeap();
  const rssBefore = process.memoryUsage().rss;
  const sampler = memorySampler(2);
  const t = performance.now();
  const result = await fn({ size: resultBytes, payload }, { timeout: 120_000 });
  const elapsed = performance.now() - t;
  const peak = sampler.stop();
  if (result.received !== argBytes || result.blob.length !== resultBytes) {
    throw new Error(`big payload came back wrong: ${result.received} / ${result.blob.length}`);
  }
  return {
    argBytes,
    resultBytes,
    ms: elapsed,
    peakHeapOver: peak.heap - heapBefore,
    peakRssOver: peak.rss - rssBefore,
  };
}

const loadRows = [];
for (const platform of ['JitAi', 'DataFlux']) {
  for (const concurrency of [64, 256]) {
    const c = clients()[platform];
    const row = await load(c.query, CALLS, concurrency);
    loadRows.push({ platform, ...row });
    console.error(
      `load: ${platform} ×${concurrency}: ${row.errorCount} errors, p50 ${ms(row.p50)}, p99 ${ms(row.p99)}`,
    );
  }
}
const MB = 1_000_000;
const bigRows = [];
for (const platform of ['JitAi', 'DataFlux']) {
  const c = clients()[platform];
  for (const [argBytes, resultBytes] of [
    [MB, 0],
    [0, MB],
    [10 * MB, 0],
    [0, 10 * MB],
    [10 * MB, 10 * MB],
  ]) {
    const row = await big(c.blob, argBytes, resultBytes);
    bigRows.push({ platform, ...row });
    console.error(`big: ${platform} ${argBytes}/${resultBytes}: ${ms(row.ms)}`);
  }
}
child.disconnect();

const size = (n) => (n === 0 ? '—' : `${n / MB} MB`);
const out = [
  `Measured ${today()} on ${machine()}, with \`pnpm load\`${CALLS === 10_000 ? '' : ` --calls ${CALLS}`}.`,
  '',
  '### Load',
  '',
  table(
    [
      'client',
      'calls',
      'concurrency',
      'errors',
      'calls/s',
      'p50',
      'p99',
      'heap before → after (settled)',
      'peak RSS',
    ],
    loadRows.map((r) => [
      r.platform,
      r.calls,
      r.concurrency,
      r.errorCount === 0 ? '0' : `${r.errorCount} (${JSON.stringify(r.errors)})`,
      r.perSecond.toFixed(0),
      ms(r.p50),
      ms(r.p99),
      `${mib(r.heapBefore)} → ${mib(r.heapAfter)}`,
      mib(r.peakRss),
    ]),
  ),
  '',
  '### Big payloads',
  '',
  table(
    ['client', 'args', 'result', 'time', 'peak heap over idle', 'peak RSS over idle'],
    bigRows.map((r) => [
      r.platform,
      size(r.argBytes),
      size(r.resultBytes),
      ms(r.ms),
      mib(r.peakHeapOver),
      mib(r.peakRssOver),
    ]),
  ),
];
console.log(out.join('\n'));
const failed = loadRows.some((r) => r.errorCount > 0);
process.exit(failed ? 1 : 0);
