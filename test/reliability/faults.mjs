// Faults through the testing kit's knobs, against real sockets, with the accounting that
// matters for calls that are not idempotent (every JitAi and DataFlux call is a POST): how
// many calls succeeded, failed with which typed error, were retried — and, counted on the
// server, how many requests each call put on the wire and how many times its function
// ran. A call the user did not mark `idempotent: true` must never run twice.
import net from 'node:net';
import { packages, table } from './harness.mjs';

const SECRET = 'faults-secret-3c1d9e0a7b';
const KEY = 'akfaults01';

/** A platform served through a counter: requests received and executions, per call id. */
async function platform(kind, testing, port) {
  const executions = new Map();
  const received = new Map();
  const ran = (callId) => executions.set(callId, (executions.get(callId) ?? 0) + 1);
  const app =
    kind === 'JitAi'
      ? testing.createJitaiEmulator({
          orgId: 'org',
          appName: 'app',
          apiAuths: [{ accessKey: KEY, accessSecret: SECRET, apis: ['services.OrderSvc.create'] }],
          services: {
            'services.OrderSvc': {
              create: ({ callId }) => {
                ran(callId);
                return { callId, status: 'CREATED' };
              },
            },
          },
        })
      : testing.createDataFluxEmulator({
          accessKeys: [{ akId: KEY, akSecret: SECRET }],
          funcs: {
            'demo__main.create': ({ callId }) => {
              ran(callId);
              return { callId, status: 'CREATED' };
            },
          },
        });
  const counted = {
    async fetch(request) {
      const callId = /"callId":"([^"]+)"/.exec(await request.clone().text())?.[1];
      if (callId) received.set(callId, (received.get(callId) ?? 0) + 1);
      return app.fetch(request);
    },
  };
  const serve = () => testing.serveEmulator(counted, port === undefined ? {} : { port });
  return { app, executions, received, serve };
}

/** A free port, released again: nothing listens on it until the platform is served. */
async function reservePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function client(kind, node, url, app, records, options = {}) {
  const common = { env: false, onCall: (r) => records.push(r), ...options };
  if (kind === 'JitAi') {
    const jit = node.createJitaiClient({
      ...common,
      baseUrl: `${url}${app.basePath}`,
      accessKey: KEY,
      accessSecret: SECRET,
    });
    return (callId, perCall) => jit.call('services.OrderSvc.create', { callId }, perCall);
  }
  const dff = node.createDataFluxClient({
    ...common,
    baseUrl: url,
    auth: node.dataflux({ akId: KEY, akSecret: SECRET }),
  });
  return (callId, perCall) => dff.callFunc('demo__main.create', { callId }, perCall);
}

/**
 * The scenarios: `before(app, i)` arms the kit's knobs before call i; `optIn` marks the
 * calls idempotent (the user's explicit permission to send them twice).
 */
const SCENARIOS = [
  {
    name: 'connection refused for the first 250 ms (nothing sent), 20 calls at once',
    calls: 20,
    concurrent: true,
    refusedFirstMs: 250,
  },
  {
    name: 'dropped after the request was sent, every other call',
    calls: 20,
    before: (app, i) => i % 2 === 0 && app.dropNext(1),
  },
  {
    name: 'dropped after the request was sent, every other call, idempotent: true',
    calls: 20,
    optIn: true,
    before: (app, i) => i % 2 === 0 && app.dropNext(1),
  },
  {
    name: '503 burst (2 HTML answers per call)',
    calls: 10,
    before: (app) => app.failNext(2, { status: 503, body: 'html' }),
  },
  {
    name: '503 burst (2 HTML answers per call), idempotent: true',
    calls: 10,
    optIn: true,
    before: (app) => app.failNext(2, { status: 503, body: 'html' }),
  },
  {
    name: '429 with Retry-After: 1 (platform envelope)',
    calls: 5,
    before: (app) => app.failNext(1, { status: 429, body: 'envelope', retryAfterSeconds: 1 }),
  },
  {
    name: '429 with Retry-After: 1 (platform envelope), idempotent: true',
    calls: 5,
    optIn: true,
    before: (app) => app.failNext(1, { status: 429, body: 'envelope', retryAfterSeconds: 1 }),
  },
  {
    name: 'slow answers: 400 ms latency, timeout 200 ms',
    calls: 5,
    latencyMs: 400,
    options: { timeout: 200 },
  },
  {
    name: 'slow answers: 400 ms latency, timeout 200 ms, idempotent: true',
    calls: 5,
    optIn: true,
    latencyMs: 400,
    options: { timeout: 200 },
  },
  {
    name: 'slow answers: 100 ms latency, timeout 1000 ms',
    calls: 10,
    latencyMs: 100,
    options: { timeout: 1000 },
  },
  ...[600_000, -600_000, 3_600_000, -3_600_000].map((offset) => ({
    name: `server clock ${offset > 0 ? '+' : '−'}${Math.abs(offset) >= 3_600_000 ? '1 h' : '10 min'}`,
    calls: 10,
    clockOffsetMs: offset,
  })),
];

async function run(kind, scenario, node, testing) {
  const port = scenario.refusedFirstMs ? await reservePort() : undefined;
  const p = await platform(kind, testing, port);
  let server;
  if (scenario.refusedFirstMs) {
    setTimeout(async () => {
      server = await p.serve();
    }, scenario.refusedFirstMs);
  } else server = await p.serve();
  if (scenario.latencyMs) p.app.latencyMs = scenario.latencyMs;
  if (scenario.clockOffsetMs) p.app.clockOffsetMs = scenario.clockOffsetMs;
  const url = `http://127.0.0.1:${port ?? new URL(server.url).port}`;
  const records = [];
  const send = client(kind, node, url, p.app, records, scenario.options);
  const outcomes = new Map();
  const one = async (i) => {
    scenario.before?.(p.app, i);
    const callId = `${kind}-${i}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      await send(callId, scenario.optIn ? { idempotent: true } : undefined);
      outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
    } catch (error) {
      const name = error?.name ?? String(error);
      outcomes.set(name, (outcomes.get(name) ?? 0) + 1);
    }
  };
  const started = performance.now();
  if (scenario.concurrent)
    await Promise.all(Array.from({ length: scenario.calls }, (_, i) => one(i)));
  else for (let i = 0; i < scenario.calls; i++) await one(i);
  const elapsed = performance.now() - started;
  // A slow answer still runs on the server after the client gave up: wait for it.
  await new Promise((resolve) => setTimeout(resolve, (scenario.latencyMs ?? 0) + 100));
  await server?.close();
  const receivedCounts = [...p.received.values()];
  const executionCounts = [...p.executions.values()];
  const attempts = records.map((r) => r.attempts);
  const row = {
    platform: kind,
    scenario: scenario.name,
    optIn: Boolean(scenario.optIn),
    calls: scenario.calls,
    ok: outcomes.get('ok') ?? 0,
    failed: Object.fromEntries([...outcomes].filter(([k]) => k !== 'ok')),
    attempts: attempts.reduce((a, b) => a + b, 0),
    retriedCalls: attempts.filter((a) => a > 1).length,
    received: receivedCounts.reduce((a, b) => a + b, 0),
    receivedTwice: receivedCounts.filter((n) => n > 1).length,
    executions: executionCounts.reduce((a, b) => a + b, 0),
    executedTwice: executionCounts.filter((n) => n > 1).length,
    seconds: elapsed / 1000,
  };
  return row;
}

/** Runs every scenario on both platforms; `violations` lists any call run twice unasked. */
export async function runFaults() {
  const { node, testing } = await packages();
  const rows = [];
  for (const kind of ['JitAi', 'DataFlux']) {
    for (const scenario of SCENARIOS) rows.push(await run(kind, scenario, node, testing));
  }
  const violations = rows.filter((r) => !r.optIn && r.executedTwice > 0);
  const markdown = table(
    [
      'platform',
      'fault',
      'calls',
      'ok',
      'failed (typed)',
      'attempts',
      'calls retried',
      'requests at server',
      'calls received twice',
      'executions',
      'calls run twice',
    ],
    rows.map((r) => [
      r.platform,
      r.scenario,
      r.calls,
      r.ok,
      Object.entries(r.failed)
        .map(([name, n]) => `${n} ${name}`)
        .join(', ') || '—',
      r.attempts,
      r.retriedCalls,
      r.received,
      r.receivedTwice,
      r.executions,
      r.executedTwice,
    ]),
  );
  return { rows, violations, markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown, violations } = await runFaults();
  console.log(markdown);
  if (violations.length > 0) {
    console.error(
      `${violations.length} scenario(s) ran a non-idempotent call twice without opt-in`,
    );
    process.exit(1);
  }
}
