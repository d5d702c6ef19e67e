// The size part of BENCHMARKS.md: size-limit's own measurement (minified + gzip, with
// every dependency) of the budgets in .size-limit.json, next to the anchors the budgets
// were set against (published sizes, not measured here).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ANCHORS = [
  ['aws4fetch (anchor, published)', 3.0],
  ['ky (anchor, published)', 8.9],
  ['digest-fetch (anchor, published)', 13.4],
];

export async function runSizeBench() {
  const run = spawnSync(path.join(root, 'node_modules/.bin/size-limit'), ['--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const results = JSON.parse(run.stdout);
  const rows = results.map((r) => ({
    section: 'Browser bundle sizes (pnpm size)',
    kind: 'size',
    name: r.name,
    kb: r.size / 1000,
    // Rows without a limit are there for comparison: no budget, no verdict.
    ...(r.sizeLimit ? { limitKb: r.sizeLimit / 1000, passed: r.passed } : {}),
  }));
  for (const [name, kb] of ANCHORS) {
    rows.push({ section: 'Browser bundle sizes (pnpm size)', kind: 'size', name, kb });
  }
  return rows;
}
