// Runs the BUILT `signet` binary as a child process. `ensureBuilt()` rebuilds sdk-core and
// sdk-node when a source file is newer than the build; a lock directory keeps the CLI test
// files (run in parallel forks) from building at the same time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI: string = join(packages, 'sdk-node/dist/cli.js');
const BUILT = [
  CLI,
  join(packages, 'sdk-core/dist/index.js'),
  join(packages, 'sdk-node/dist/index.js'),
];
const SOURCES = [join(packages, 'sdk-core/src'), join(packages, 'sdk-node/src')];
const LOCK = join(packages, 'sdk-node/node_modules/.signet-cli-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function isStale(): boolean {
  const built = BUILT.map((path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  const source = Math.max(...SOURCES.map(newestSource));
  return Math.min(...built) < source;
}

function tsup(pkg: string): void {
  const require = createRequire(join(packages, pkg, 'package.json'));
  const bin = join(dirname(require.resolve('tsup/package.json')), 'dist/cli-default.js');
  const res = spawnSync(process.execPath, [bin], { cwd: join(packages, pkg), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`building ${pkg} failed:\n${res.stdout}${res.stderr}`);
}

async function withLock<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmdirSync(LOCK); // left behind by a killed run
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(LOCK);
  }
}

/** Builds sdk-core and sdk-node unless the build is newer than every source file. */
export async function ensureBuilt(): Promise<void> {
  await withLock(() => {
    if (!isStale()) return;
    tsup('sdk-core');
    tsup('sdk-node');
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Environment variables on top of a minimal one (PATH, HOME); no SIGNET_* leak in. */
  env?: Record<string, string>;
  stdin?: string;
  cwd?: string;
}

/** Runs `node dist/cli.js ...args` and collects its output (asynchronously, so a server
 * in this process can answer it). */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...options.env };
  if (process.env.HOME) env.HOME = process.env.HOME;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      cwd: options.cwd ?? packages,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
