// The size part of BENCHMARKS.md: size-limit's own measurement (minified + gzip, with
// every dependency) of the budgets in .size-limit.json, next to anchors bundled the same
// way by the same tool from their installed packages (scripts/bench/size-anchors.json).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECTION = 'Browser bundle sizes (pnpm size)';

function sizeLimit(args) {
  // Under the Node running the bench: size-limit needs Node >= 22 (fs.glob).
  const bin = path.join(root, 'node_modules/size-limit/bin.js');
  const run = spawnSync(process.execPath, [bin, '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  // size-limit exits 1 when a budget is missed and still prints every result.
  const results = JSON.parse(run.stdout);
  if (!Array.isArray(results)) throw new Error(`size-limit failed: ${run.stdout}${run.stderr}`);
  return results;
}

export async function runSizeBench() {
  const budgets = sizeLimit([]);
  const anchors = sizeLimit(['--config', 'scripts/bench/size-anchors.json']);
  return [...budgets, ...anchors].map((r) => {
    // The goal is in the row's name when the limit is a ratchet above it; a limit
    // with no ratchet in its name is the goal itself.
    const ratchet = / ratchet\)$/.test(r.name);
    const goal = /goal (\d+(?:\.\d+)?) kB/.exec(r.name)?.[1];
    const goalKb =
      goal !== undefined ? Number(goal) : r.sizeLimit && !ratchet ? r.sizeLimit / 1000 : undefined;
    return {
      section: SECTION,
      kind: 'size',
      name: r.name,
      kb: r.size / 1000,
      // Rows without a limit are there for comparison: no budget, no verdict.
      ...(r.sizeLimit ? { limitKb: r.sizeLimit / 1000 } : {}),
      ...(goalKb === undefined ? {} : { goalKb }),
    };
  });
}
