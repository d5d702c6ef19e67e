import { readFileSync } from 'node:fs';
import * as core from '@signet/sdk-core';
import * as node from '@signet/sdk-node';
import { expect, test } from 'vitest';

/** Names of `export {…}` / `export type {…}` blocks (and `export const`) of an index file. */
function exportedNames(file: string, from?: string): { values: Set<string>; types: Set<string> } {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  const values = new Set<string>();
  const types = new Set<string>();
  const block = /export\s+(type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/g;
  for (const match of source.matchAll(block)) {
    if (from !== undefined && match[3] !== from) continue;
    for (const raw of match[2]!.split(',')) {
      const item = raw.trim();
      if (!item) continue;
      const name = item
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      (match[1] || item.startsWith('type ') ? types : values).add(name);
    }
  }
  for (const match of source.matchAll(/export\s+const\s+(\w+)/g)) values.add(match[1]!);
  return { values, types };
}

test('sdk-node re-exports every public value of sdk-core', () => {
  const missing = Object.keys(core).filter((name) => !(name in node));
  expect(missing).toEqual([]);
});

test('sdk-node re-exports every public type of sdk-core', () => {
  const coreTypes = exportedNames('../../sdk-core/src/index.ts').types;
  const nodeTypes = exportedNames('../src/index.ts', '@signet/sdk-core').types;
  expect(coreTypes.size).toBeGreaterThan(50);
  expect([...coreTypes].filter((name) => !nodeTypes.has(name))).toEqual([]);
});

test('sdk-node names every export explicitly (no export *)', () => {
  const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/export\s+\*/);
});

test('the Node client factories wrap the core ones; the rest is the same object', () => {
  expect(node.nodeCrypto.name).toBe('node:crypto');
  expect(node.createJitaiClient).not.toBe(core.createJitaiClient);
  expect(node.createDataFluxClient).not.toBe(core.createDataFluxClient);
  expect(node.createClient).not.toBe(core.createClient);
  expect(node.SignetError).toBe(core.SignetError);
  expect(node.jitaiSign).toBe(core.jitaiSign);
});

test('Node-only names', () => {
  for (const name of [
    'credentialsFromEnv',
    'credentialsFromFile',
    'CREDENTIAL_ENV',
    'CREDENTIALS_FILE_ENV',
    'generateAccessSecret',
    'checkAccessKey',
    'loadAppServices',
    'writeGeneratedClient',
    'nodeCrypto',
  ]) {
    expect(node).toHaveProperty(name);
  }
});
