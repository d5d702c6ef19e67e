#!/usr/bin/env node
// Prints the explicit re-export block of @signet/sdk-core's public names, for the
// sdk-node and sdk-browser entries (STYLE: every export named, never `export *`).
// Usage: node scripts/reexports.mjs [--except name,name]
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../packages/sdk-core/src/index.ts', import.meta.url), 'utf8');
const except = new Set((process.argv[process.argv.indexOf('--except') + 1] ?? '').split(','));
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
console.log(`${block('type ', types)}\n${block('', values)}`);
