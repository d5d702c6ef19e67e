import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './fixture-app.js';

/** Runs a repository tool (biome, tsc) with this Node, capturing its output. */
function runTool(script: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(REPO, script), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** `biome format` with the repository's formatter settings (biome.json skips *.gen.ts). */
export function biomeFormat(dir: string): SpawnSyncReturns<string> {
  return runTool(
    'node_modules/@biomejs/biome/bin/biome',
    [
      'format',
      '--indent-style=space',
      '--indent-width=2',
      '--line-width=100',
      '--javascript-formatter-quote-style=single',
      '--max-diagnostics=5',
      '.',
    ],
    dir,
  );
}

/** `tsc -p dir` with the repository's TypeScript. */
export function tsc(dir: string): SpawnSyncReturns<string> {
  return runTool('node_modules/typescript/bin/tsc', ['-p', dir, '--pretty', 'false'], dir);
}

/** A temporary folder that resolves packages from the repository's node_modules. */
export function tempProject(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
