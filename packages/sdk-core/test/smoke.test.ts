import { readFileSync } from 'node:fs';
import { VERSION } from '@signet/sdk-core';
import { expect, test } from 'vitest';

test('VERSION is the version in package.json, the one every signet package publishes', () => {
  const version = (pkg: string) =>
    JSON.parse(readFileSync(new URL(`../../${pkg}/package.json`, import.meta.url), 'utf8'))
      .version as string;
  expect(VERSION).toBe(version('sdk-core'));
  for (const pkg of ['sdk-node', 'sdk-browser', 'sdk-testing'])
    expect(version(pkg), pkg).toBe(VERSION);
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
});
