#!/usr/bin/env node
// Prints the explicit re-export block of @signet/sdk-core's public names, for the
// sdk-node and sdk-browser entries (STYLE: every export named, never `export *`).
// Usage: node scripts/reexports.mjs [--except name,name] [--write packages/<pkg>/src/index.ts]
// Without --write it prints the block; with it, it replaces the file's block (its first
// `export type {…} from '@signet/sdk-core'` and the `export {…}` after it) in place.
import { readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync(new URL('../packages/sdk-core/src/index.ts', import.meta.url), 'utf8');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const except = new Set((option('--except') ?? '').split(','));
const values = new Set();
const types = new Set();
for (const match of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
  for (const raw of match[2].split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const isType = Boolean(match[1]) || item.startsWith('type ');
    const name = item
      .replace(/^type\s+/, '')
      .split(/\s+as\s+/)
      .pop()
      .trim();
    if (except.has(name)) continue;
    (isType ? types : values).add(name);
  }
}
for (const match of source.matchAll(/export\s+const\s+(\w+)/g)) values.add(match[1]);
const block = (kind, names) =>
  `export ${kind}{\n${[...names]
    .sort((a, b) => a.localeCompare(b))
    .map((n) => `  ${n},`)
    .join('\n')}\n} from '@signet/sdk-core';`;
const text = `${block('type ', types)}\n${block('', values)}`;
const target = option('--write');
if (target === undefined) {
  console.log(text);
} else {
  const file = readFileSync(target, 'utf8');
  const start = file.indexOf('export type {');
  const end = "} from '@signet/sdk-core';\n";
  const first = start === -1 ? -1 : file.indexOf(end, start);
  const second = first === -1 ? -1 : file.indexOf(end, first + end.length);
  if (second === -1) {
    console.error(`${target}: no export type {…} / export {…} from '@signet/sdk-core' block`);
    process.exit(1);
  }
  writeFileSync(target, `${file.slice(0, start)}${text}\n${file.slice(second + end.length)}`);
}
