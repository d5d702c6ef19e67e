#!/usr/bin/env node
// `pnpm vectors [DIR]`: runs every conformance vector under DIR (default ../shared/vectors
// beside the repository, or $SIGNET_VECTORS_DIR) through the *built* public API of
// @signet/sdk-core, and ends with `N passed, M failed`. Exit 1 on any failure, 2 when
// there is nothing to run or the package is not built.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runVectors } from './run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = process.argv[2];
const dir = arg
  ? path.resolve(process.cwd(), arg)
  : path.resolve(process.env.SIGNET_VECTORS_DIR ?? path.join(root, '../shared/vectors'));

const entry = path.join(root, 'packages/sdk-core/dist/index.js');
if (!existsSync(entry)) {
  console.error(
    `vectors: ${path.relative(process.cwd(), entry)} is missing; run \`pnpm build\` first`,
  );
  process.exit(2);
}
const api = await import(pathToFileURL(entry).href);

let totals;
try {
  totals = await runVectors(dir, api);
} catch (error) {
  console.error(`vectors: ${error.message}`);
  process.exit(2);
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
if (totals.passed + totals.failed === 0) {
  console.error(`vectors: no vector files under ${dir}`);
  process.exit(2);
}
process.exit(totals.failed === 0 ? 0 : 1);
