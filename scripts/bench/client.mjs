// Signed calls over loopback: signet's clients against unsigned raw requests to the same
// server (pre-signed headers, same body, same server work), so each ratio is what signet
// adds. Every latency row was measured interleaved with every other, call by call, in
// several rounds; a row per anchor is measured twice (A/A) to show the harness's noise.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ky from 'ky';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);
const core = await load('packages/sdk-core/dist/index.js');
const node = await load('packages/sdk-node/dist/index.js');
const { withSignet } = await load('packages/sdk-core/dist/ky.js');
const undici = createRequire(path.join(root, 'packages/sdk-node/package.json'))('undici');

const KEY = 'benchkey01';
const SECRET = '44eb2b0bf8db45baa37f489017ca942eefe9e9';
const SECTION = 'Signed JitAi call over loopback';
const ARGS = {
  orderId: 'A-1001',
  items: [
    { sku: 'SKU-1', name: '键盘', qty: 2, price: 199.5 },
    { sku: 'SKU-2', name: 'Mouse', qty: 1, price: 49.99 },
  ],
};

async function startServer() {
  const child = fork(fileURLToPath(new URL('./jitai-server.mjs', import.meta.url)), [], {
    env: { ...process.env, BENCH_KEY: KEY, BENCH_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [chunk] = await once(child.stdout, 'data');
  return { child, url: `http://127.0.0.1:${String(chunk).trim()}` };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/**
 * Sequential calls, every task interleaved with every other (A, B, C, A, B, C…) so drift,
 * GC and the other process hit all alike; `rounds` rounds of `samples` calls each. Per
 * task: the median of the rounds' p50s, their spread, and the p99 of all calls.
 */
async function latency(tasks, { rounds, samples }) {
  for (let i = 0; i < 300; i++) for (const t of tasks) await t.fn(); // warm-up: JIT, sockets
  const p50s = tasks.map(() => []);
  const all = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const times = tasks.map(() => new Array(samples));
    for (let i = 0; i < samples; i++) {
      // Rotate the starting task so none always runs right after the same neighbour.
      for (let k = 0; k < tasks.length; k++) {
        const j = (k + i) % tasks.length;
        const t = performance.now();
        await tasks[j].fn();
        times[j][i] = performance.now() - t;
      }
    }
    times.forEach((list, j) => {
      list.sort((a, b) => a - b);
      p50s[j].push(percentile(list, 50));
      all[j].push(...list);
    });
  }
  return tasks.map((task, j) => {
    const sorted = all[j].sort((a, b) => a - b);
    return {
      name: task.name,
      p50: median(p50s[j]),
      low: Math.min(...p50s[j]),
      high: Math.max(...p50s[j]),
      p99: percentile(sorted, 99),
    };
  });
}

async function throughput(fn, total, concurrency) {
  let next = 0;
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        try {
          await fn();
        } catch {
          errors++;
        }
      }
    }),
  );
  return { callsPerSec: total / ((performance.now() - start) / 1000), errors };
}

/** Heap after a full GC, in MB (needs --expose-gc; undefined without it). */
function heapAfterGc() {
  if (typeof globalThis.gc !== 'function') return undefined;
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export async function runClientBench({ rounds = 5, samples = 1_000, calls = 10_000 } = {}) {
  const { child, url } = await startServer();
  try {
    const baseUrl = `${url}/api/org/app`;
    const body = JSON.stringify(ARGS);
    const target = `${baseUrl}/services/OrderSvc/query`;
    const signs = new Map();
    // Pre-signed once per second: the server's work is the same as for signet's calls.
    const presigned = () => {
      const timestamp = Math.floor(Date.now() / 1000) * 1000;
      let accessSign = signs.get(timestamp);
      if (!accessSign) {
        accessSign = core.jitaiSign(ARGS, { timestamp, secret: SECRET });
        signs.set(timestamp, accessSign);
      }
      return {
        'content-type': 'application/json',
        accessKey: KEY,
        timestamp: String(timestamp),
        accessSign,
      };
    };
    const expectOk = (text) => {
      if (!text.startsWith('{"errcode": 0')) throw new Error(text.slice(0, 80));
    };
    const agent = new undici.Agent({ keepAliveTimeout: 4_000 });
    const rawFetch = async () => {
      const res = await fetch(target, { method: 'POST', headers: presigned(), body });
      expectOk(await res.text());
    };
    const rawUndici = async () => {
      const res = await undici.request(target, {
        method: 'POST',
        headers: presigned(),
        body,
        dispatcher: agent,
      });
      expectOk(await res.body.text());
    };
    // node:http with a keep-alive agent: the other candidate for sdk-node's transport.
    const httpAgent = new http.Agent({ keepAlive: true });
    const rawNodeHttp = () =>
      new Promise((resolve, reject) => {
        const req = http.request(
          target,
          {
            method: 'POST',
            agent: httpAgent,
            headers: { ...presigned(), 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            const parts = [];
            res.on('data', (c) => parts.push(c));
            res.on('end', () => resolve(expectOk(Buffer.concat(parts).toString('utf8'))));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const kyOnly = async () => {
      expectOk(await ky(target, { method: 'POST', retry: 0, headers: presigned(), body }).text());
    };
    const options = { baseUrl, accessKey: KEY, accessSecret: SECRET, retry: 0, env: false };
    const nodeClient = node.createJitaiClient(options);
    const fetchClient = node.createJitaiClient({ ...options, transport: core.fetchTransport() });
    const kyClient = withSignet(ky.create({ retry: 0 }), {
      auth: core.jitai({ accessKey: KEY, accessSecret: SECRET }),
    });
    const viaNode = () => nodeClient.call('services.OrderSvc.query', ARGS);
    const viaFetch = () => fetchClient.call('services.OrderSvc.query', ARGS);
    const viaKy = async () => expectOk(await kyClient.post(target, { json: ARGS }).text());
    for (const call of [viaNode, viaFetch, viaKy]) await call(); // fails loudly if refused

    const measured = await latency(
      [
        { name: 'raw fetch (pre-signed, unverified)', fn: rawFetch },
        { name: 'raw fetch, again (A/A)', fn: rawFetch },
        { name: 'raw undici.request (pre-signed, unverified)', fn: rawUndici },
        { name: 'raw node:http, keep-alive agent (pre-signed, unverified)', fn: rawNodeHttp },
        { name: 'ky 2 alone (pre-signed, unverified)', fn: kyOnly },
        { name: 'ky 2 alone, again (A/A)', fn: kyOnly },
        { name: 'signet sdk-node createJitaiClient().call (undici transport)', fn: viaNode },
        {
          name: 'signet createJitaiClient().call on fetchTransport (what browsers get)',
          fn: viaFetch,
        },
        { name: 'ky 2 + signet withSignet (signed, verified)', fn: viaKy },
      ],
      { rounds, samples },
    );
    const by = (name) => measured.find((m) => m.name.startsWith(name));
    const fetchRow = by('raw fetch (pre');
    const undiciRow = by('raw undici');
    const kyRow = by('ky 2 alone (pre');
    const goals = new Map([
      ['signet sdk-node', [fetchRow, 1.0, undiciRow]],
      ['signet createJitaiClient().call on fetchTransport', [fetchRow, 1.1]],
      ['ky 2 + signet', [kyRow, 1.05]],
    ]);
    const ms = (x) => x.toFixed(3);
    const latencyBody = measured.map((m) => {
      const goal = [...goals].find(([prefix]) => m.name.startsWith(prefix))?.[1];
      const anchorOf =
        goal?.[0] ??
        (m.name.includes('(A/A)') ? (m.name.startsWith('ky') ? kyRow : fetchRow) : undefined);
      const ratio = anchorOf ? m.p50 / anchorOf.p50 : undefined;
      const vsUndici = goal?.[2] ? ` (${(m.p50 / goal[2].p50).toFixed(2)}× raw undici)` : '';
      return [
        m.name,
        ms(m.p50),
        `${ms(m.low)}–${ms(m.high)}`,
        ms(m.p99),
        ratio === undefined
          ? ''
          : `${ratio.toFixed(2)}× ${anchorOf === kyRow ? 'ky' : 'fetch'}${vsUndici}`,
        goal ? `≤ ${goal[1].toFixed(2)}×: ${ratio <= goal[1] ? 'met' : '**missed**'}` : '',
      ];
    });

    const throughputBody = [];
    for (const concurrency of [64, 256]) {
      const raw = await throughput(rawFetch, calls, concurrency);
      const signed = await throughput(viaNode, calls, concurrency);
      const again = await throughput(rawFetch, calls, concurrency);
      const rawRate = (raw.callsPerSec + again.callsPerSec) / 2;
      const ratio = signed.callsPerSec / rawRate;
      throughputBody.push(
        [
          `raw fetch, concurrency ${concurrency} (mean of a run before and after)`,
          Math.round(rawRate).toLocaleString('en-US'),
          String(raw.errors + again.errors),
          '',
          '',
        ],
        [
          `signet sdk-node client, concurrency ${concurrency}`,
          Math.round(signed.callsPerSec).toLocaleString('en-US'),
          String(signed.errors),
          `${ratio.toFixed(2)}×`,
          `≥ 0.90× and 0 errors: ${ratio >= 0.9 && signed.errors === 0 ? 'met' : '**missed**'}`,
        ],
      );
    }

    const heap = [];
    const heapClient = node.createJitaiClient(options);
    const heapCall = () => heapClient.call('services.OrderSvc.query', ARGS);
    heap.push(heapAfterGc());
    for (let block = 0; block < 5; block++) {
      await throughput(heapCall, 10_000, 64);
      heap.push(heapAfterGc());
    }
    const heapLine =
      heap[0] === undefined
        ? 'Heap: not measured (run with node --expose-gc).'
        : `Heap after a full GC, every 10 000 signed calls over 50 000 (concurrency 64): ${heap.map((h) => `${h.toFixed(1)}`).join(' → ')} MB (growth from the first 10 000 to the end: ${(heap.at(-1) - heap[1]).toFixed(1)} MB).`;
    await agent.close();
    httpAgent.destroy();

    return [
      {
        section: SECTION,
        kind: 'table',
        lines: [
          `Input: ${body.length}-byte args; the server (a JitAi app that verifies and signs like the platform) runs in its own Node process. Latency: ${rounds} rounds × ${samples} sequential calls per task, all tasks interleaved call by call; p50 is the median of the rounds' p50s, with their range. Raw rows send a pre-signed request and read the text, without verifying the response; signet rows sign each call, send it, verify the signed response and decode it losslessly.`,
          '',
          ...table(
            ['Task', 'p50 ms', 'p50 range', 'p99 ms', 'p50 vs anchor', 'Target'],
            latencyBody,
            ['left', 'right', 'right', 'right', 'right', 'left'],
          ),
          '',
          `Throughput: ${calls.toLocaleString('en-US')} calls per row; two cores shared with the server process, so these move more than the latency.`,
          '',
          ...table(['Task', 'calls/s', 'errors', 'vs raw fetch', 'Target'], throughputBody, [
            'left',
            'right',
            'right',
            'right',
            'left',
          ]),
          '',
          heapLine,
        ],
      },
    ];
  } finally {
    child.disconnect();
    child.kill();
  }
}

/** A Markdown table padded the way the repository's formatter (biome) lays tables out. */
export function table(header, rows, align) {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const pad = (c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i]));
  const line = (row) => `| ${row.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) =>
    align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w),
  );
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    (await runClientBench({ rounds: 3, samples: 300, calls: 2_000 }))[0].lines.join('\n'),
  );
}
