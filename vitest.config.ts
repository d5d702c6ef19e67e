import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url));

// Tests import the workspace packages by name; point those names at the sources so
// a test run never depends on a stale build. Built output is covered by the package
// checks (scripts/check-packages.mjs).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@signet\/sdk-core\/internal$/, replacement: src('sdk-core', 'internal') },
      { find: /^@signet\/sdk-core\/ky$/, replacement: src('sdk-core', 'ky/index') },
      { find: /^@signet\/sdk-testing\/msw$/, replacement: src('sdk-testing', 'msw') },
      { find: /^@signet\/sdk-testing$/, replacement: src('sdk-testing') },
      { find: /^@signet\/sdk-core$/, replacement: src('sdk-core') },
      { find: /^@signet\/sdk-node$/, replacement: src('sdk-node') },
      { find: /^@signet\/sdk-browser$/, replacement: src('sdk-browser') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/vitest-summary.ts'],
  },
});
