import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    // Maps name the source file and line of a stack frame; the sources themselves stay
    // out of the tarball (they were two thirds of its size).
    esbuildOptions: (options) => {
      options.sourcesContent = false;
    },
    target: 'node22',
    platform: 'node',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    // Maps name the source file and line of a stack frame; the sources themselves stay
    // out of the tarball (they were two thirds of its size).
    esbuildOptions: (options) => {
      options.sourcesContent = false;
    },
    target: 'node22',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
