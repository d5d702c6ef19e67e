import { readFileSync } from 'node:fs';
import * as core from '@signet/sdk-core';
import * as node from '@signet/sdk-node';
import { expect, test } from 'vitest';

// Plain records: the checks below look names up by string.
const coreValues: Record<string, unknown> = { ...core };
const nodeValues: Record<string, unknown> = { ...node };
const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');

/** Names of the `export {…}` / `export type {…}` blocks of sdk-node's own index. */
function ownNames(): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'\.[^']*'/g)) {
    for (const raw of match[1]!.split(',')) {
      const name = raw.trim().replace(/^type\s+/, '');
      if (name)
        names.add(
          name
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        );
    }
  }
  return names;
}

test('sdk-node is sdk-core (export *) plus its own names', () => {
  expect(source).toMatch(/^export \* from '@signet\/sdk-core';$/m);
  const missing = Object.keys(core).filter((name) => !(name in node));
  expect(missing).toEqual([]);
});

test('exactly the three client factories are overrides; every other core value is the same object', () => {
  const overrides = [...ownNames()].filter((name) => name in core);
  expect(overrides.sort()).toEqual(['createClient', 'createDataFluxClient', 'createJitaiClient']);
  for (const name of overrides) {
    expect(nodeValues[name]).not.toBe(coreValues[name]);
  }
  for (const name of Object.keys(core).filter((n) => !overrides.includes(n))) {
    expect(nodeValues[name]).toBe(coreValues[name]);
  }
  expect(node.nodeCrypto.name).toBe('node:crypto');
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
    'createSigningHandler',
    'inspectSignetError',
  ]) {
    expect(node).toHaveProperty(name);
    expect(name in core).toBe(false);
  }
});
