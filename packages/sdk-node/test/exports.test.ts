import * as core from '@signet/sdk-core';
import * as node from '@signet/sdk-node';
import { expect, test } from 'vitest';

test('sdk-node re-exports every public value of sdk-core', () => {
  const missing = Object.keys(core).filter((name) => !(name in node));
  expect(missing).toEqual([]);
});

test('the Node client factories hash with node:crypto by default', () => {
  expect(node.nodeCrypto.name).toBe('node:crypto');
  expect(node.createJitaiClient).not.toBe(core.createJitaiClient);
  expect(node.SignetError).toBe(core.SignetError);
});
