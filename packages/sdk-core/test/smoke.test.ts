import { VERSION } from '@signet/sdk-core';
import { expect, test } from 'vitest';

test('version', () => {
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
});
