import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', internal: 'src/internal.ts', ky: 'src/ky/index.ts' },
  external: ['ky'],
  format: ['esm', 'cjs'],
  // Shared chunks in both formats: the CommonJS entries must hand out the same
  // SignetError and LosslessNumber classes as the ESM ones, one copy each.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  // Maps name the source file and line of a stack frame; the sources themselves stay
  // out of the tarball (they were two thirds of its size).
  esbuildOptions: (options) => {
    options.sourcesContent = false;
  },
  target: 'es2022',
  platform: 'neutral',
});
