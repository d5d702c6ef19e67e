// Runs the BUILT `signet` binary as a child process. `ensureBuilt()` rebuilds sdk-core and
// sdk-node when a source file is newer than the build, under the lock every test process
// that runs built packages shares (test/build/ensure-built.mjs; the runtime suite too).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt as buildPackages } from '../../../test/build/ensure-built.mjs';

const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI: string = join(packages, 'sdk-node/dist/cli.js');

/** Builds sdk-core and sdk-node unless their builds are newer than every input. */
export async function ensureBuilt(): Promise<void> {
  await buildPackages(['sdk-core', 'sdk-node']);
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
