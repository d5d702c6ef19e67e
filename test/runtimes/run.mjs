#!/usr/bin/env node
// Runs the shared smoke module (smoke.mjs) in every JavaScript runtime a partner deploys
// to: Node 22 and 24, Bun, Deno and workerd, each importing the BUILT @signet/sdk-core
// (and sdk-browser's signer entries). The servers the smoke talks to (emulated JitAi and
// DataFlux Func, a signing handler) run here, in Node. Every dist it imports is rebuilt
// first when older than its sources (test/build/ensure-built.mjs, the CLI tests' lock).
// Prints a table; exits 1 when a runtime is missing or a check fails.
//
//   node test/runtimes/run.mjs [--only node22,bun] [--json]
//
// Runtimes come from npm packages (test/runtimes/package.json), found under
// test/runtimes/node_modules, then the repository's node_modules, or the directory named
// by SIGNET_RUNTIMES_DIR.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from '../build/ensure-built.mjs';
import { startServers } from './servers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const asJson = args.includes('--json');
const TIMEOUT_MS = 120_000;

const searchDirs = [
  process.env.SIGNET_RUNTIMES_DIR,
  join(here, 'node_modules'),
  join(root, 'node_modules'),
].filter(Boolean);

/** Each runtime: the package that brings it, the binary inside, how to run the smoke. */
const RUNTIMES = [
  { id: 'node22', label: 'Node 22', pkg: 'node22', bin: 'bin/node', major: 22 },
  { id: 'node24', label: 'Node 24', pkg: 'node24', bin: 'bin/node', major: 24 },
  { id: 'bun', label: 'Bun', pkg: '@oven/bun-linux-x64', bin: 'bin/bun' },
  { id: 'deno', label: 'Deno', pkg: '@deno/linux-x64-glibc', bin: 'deno' },
  { id: 'workerd', label: 'workerd', pkg: '@cloudflare/workerd-linux-64', bin: 'bin/workerd' },
];

function findBinary(runtime) {
  for (const dir of searchDirs) {
    const path = join(dir, runtime.pkg, runtime.bin);
    if (existsSync(path)) return path;
  }
  // A Node of the right major running this script counts too.
  if (runtime.major && Number(process.versions.node.split('.')[0]) === runtime.major) {
    return process.execPath;
  }
  return undefined;
}

/** Every package whose dist the smoke imports (cli-entry, worker-entry, servers). */
const BUILT_PACKAGES = ['sdk-core', 'sdk-testing', 'sdk-node', 'sdk-browser'];

/** Runs a command to completion; resolves with its output whatever the exit code. */
function run(cmd, argv, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      ...options,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    child.on('error', (error) => resolve({ code: -1, out, err: String(error) }));
  });
}

function reportFrom({ code, out, err }) {
  const line = out.split('\n').find((l) => l.startsWith('SMOKE-REPORT '));
  if (!line) throw new Error(`no report (exit ${code}): ${(err || out).trim().slice(-800)}`);
  return JSON.parse(line.slice('SMOKE-REPORT '.length));
}

async function version(binary, id) {
  const { out, err } = await run(binary, id === 'workerd' ? ['--version'] : ['--version']);
  return (out || err).trim().split('\n')[0];
}

const cliEntry = join(here, 'cli-entry.mjs');

async function runCli(runtime, binary, controlUrl) {
  const argv =
    runtime.id === 'deno'
      ? [
          'run',
          '--no-prompt',
          '--allow-net=127.0.0.1',
          `--allow-read=${root}`,
          cliEntry,
          controlUrl,
        ]
      : [cliEntry, controlUrl];
  return reportFrom(await run(binary, argv));
}

async function runWorkerd(binary, input) {
  const dir = await mkdtemp(join(tmpdir(), 'signet-workerd-'));
  try {
    await writeFile(join(dir, 'worker.mjs'), await bundleWorker());
    const port = await freePort();
    await writeFile(join(dir, 'config.capnp'), workerdConfig(port));
    const child = spawn(binary, ['serve', join(dir, 'config.capnp')], { cwd: dir });
    let log = '';
    child.stderr.on('data', (d) => (log += d));
    child.stdout.on('data', (d) => (log += d));
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitFor(url, () => log);
      const response = await fetch(url, { method: 'POST', body: JSON.stringify(input) });
      const text = await response.text();
      if (!response.ok)
        throw new Error(
          `workerd answered ${response.status}: ${text.slice(0, 500)} ${log.slice(-500)}`,
        );
      return JSON.parse(text);
    } finally {
      child.kill('SIGKILL');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** workerd has no module resolution: one file with the built sdk-core and its deps inside. */
async function bundleWorker() {
  const { createRequire } = await import('node:module');
  const require = createRequire(join(root, 'packages', 'sdk-core', 'package.json'));
  const esbuild = createRequire(require.resolve('tsup'))('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(here, 'worker-entry.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

function workerdConfig(port) {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    # The smoke calls servers on loopback, which the default "internet" service refuses.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const smoke :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.mjs") ],
  compatibilityDate = "2025-09-01",
  globalOutbound = "internet",
);
`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, log) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`workerd did not start: ${log().slice(-800)}`);
}

function loadVectors() {
  const dir = process.env.SIGNET_VECTORS_DIR ?? join(root, '..', 'shared', 'vectors');
  const cases = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8')).cases;
  return {
    jitaiRequests: cases('jitai/requests.json'),
    jitaiResponses: cases('jitai/responses.json'),
    dataflux: cases('dataflux/requests.json'),
  };
}

async function main() {
  // Fresh builds of everything imported, built under the lock the CLI tests share.
  const built = await ensureBuilt(BUILT_PACKAGES);
  if (built.length > 0 && !asJson) console.log(`built: ${built.join(', ')}`);
  const selected = RUNTIMES.filter((r) => !only || only.includes(r.id));
  const servers = await startServers(root);
  const input = { vectors: loadVectors(), urls: servers.urls, keys: servers.keys };
  const rows = [];
  try {
    for (const runtime of selected) {
      const binary = findBinary(runtime);
      if (!binary) {
        rows.push({
          ...runtime,
          version: '-',
          ok: false,
          error: `missing: npm package ${runtime.pkg} (${searchDirs.join(', ')})`,
        });
        continue;
      }
      try {
        const report =
          runtime.id === 'workerd'
            ? await runWorkerd(binary, input)
            : await runCli(runtime, binary, servers.controlUrl(input));
        const ok = report.failed === 0 && report.passed > 0;
        rows.push({ ...runtime, version: await version(binary, runtime.id), ok, report });
      } catch (error) {
        rows.push({
          ...runtime,
          version: await version(binary, runtime.id),
          ok: false,
          error: error.message,
        });
      }
    }
  } finally {
    await servers.close();
  }
  print(rows);
  return rows.every((r) => r.ok) ? 0 : 1;
}

function print(rows) {
  if (asJson) {
    console.log(
      JSON.stringify(
        rows.map(({ id, label, version, ok, error, report }) => ({
          id,
          label,
          version,
          ok,
          error,
          report,
        })),
      ),
    );
    return;
  }
  for (const row of rows) {
    const status = row.ok ? 'ok  ' : 'FAIL';
    const summary = row.report
      ? `${row.report.passed} passed, ${row.report.failed} failed`
      : row.error;
    console.log(`${status} ${row.label.padEnd(8)} ${row.version.padEnd(34)} ${summary}`);
    for (const check of row.report?.checks ?? []) {
      if (!check.ok) console.log(`       ✗ ${check.name}: ${check.detail}`);
    }
  }
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`runtimes: ${rows.length - failed} passed, ${failed} failed`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`runtime smoke: ${error.message}`);
      process.exit(1);
    },
  );
}
