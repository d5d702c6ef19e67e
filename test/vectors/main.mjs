#!/usr/bin/env node
// `pnpm vectors [DIR]`: runs every conformance vector under DIR through the *built* public
// API of @signet/sdk-core, and ends with `N passed, M failed`. Without DIR it runs the
// shared vectors (../shared/vectors beside the repository, or $SIGNET_VECTORS_DIR) and
// signet's own ones (test/vectors/extra). Exit 1 on any failure, 2 when there is nothing
// to run or the package is not built.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runVectors } from './run.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = process.argv[2];
const dirs = arg
  ? [{ dir: path.resolve(process.cwd(), arg), label: '' }]
  : [
      {
        dir: path.resolve(process.env.SIGNET_VECTORS_DIR ?? path.join(root, '../shared/vectors')),
        label: '',
      },
      { dir: path.join(here, 'extra'), label: 'extra/' },
    ];

const entry = path.join(root, 'packages/sdk-core/dist/index.js');
if (!existsSync(entry)) {
  console.error(
    `vectors: ${path.relative(process.cwd(), entry)} is missing; run \`pnpm build\` first`,
  );
  process.exit(2);
}
const api = await import(pathToFileURL(entry).href);

let passed = 0;
let failed = 0;
try {
  for (const { dir, label } of dirs) {
    const log = (line) => console.log(line.startsWith(' ') ? line : label + line);
    const totals = await runVectors(dir, api, log);
    passed += totals.passed;
    failed += totals.failed;
  }
} catch (error) {
  console.error(`vectors: ${error.message}`);
  process.exit(2);
}
console.log(`${passed} passed, ${failed} failed`);
if (passed + failed === 0) {
  console.error(`vectors: no vector files under ${dirs.map((d) => d.dir).join(', ')}`);
  process.exit(2);
}
process.exit(failed === 0 ? 0 : 1);
