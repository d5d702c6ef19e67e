// The cross-runtime smoke suite under vitest: runs run.mjs (Node 22 and 24, Bun, Deno,
// workerd, each on the BUILT @signet/sdk-core) and expects every check to pass everywhere.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

interface Row {
  id: string;
  ok: boolean;
  error?: string;
  report?: {
    passed: number;
    failed: number;
    checks: { name: string; ok: boolean; detail: string }[];
  };
}

test('the smoke module passes unchanged in Node 22, Node 24, Bun, Deno and workerd', () => {
  const runner = fileURLToPath(new URL('./run.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [runner, '--json'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  expect(line.startsWith('['), `runner output: ${result.stdout}${result.stderr}`).toBe(true);
  const rows = JSON.parse(line) as Row[];
  const summary = Object.fromEntries(
    rows.map((row) => [
      row.id,
      row.error ??
        row.report?.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`) ??
        [],
    ]),
  );
  expect(summary).toEqual({ node22: [], node24: [], bun: [], deno: [], workerd: [] });
  for (const row of rows) expect(row.report?.passed, row.id).toBe(10);
}, 600_000);
