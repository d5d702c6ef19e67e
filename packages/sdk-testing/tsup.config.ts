import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', msw: 'src/msw.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // Maps name the source file and line of a stack frame; the sources themselves stay
  // out of the tarball (they were two thirds of its size).
  esbuildOptions: (options) => {
    options.sourcesContent = false;
  },
  target: 'es2022',
  platform: 'node',
  // sdk-core stays external: one copy of SignetError and LosslessNumber for the whole app.
  external: ['@signet/sdk-core', 'msw'],
});
