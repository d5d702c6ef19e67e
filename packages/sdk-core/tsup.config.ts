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
  target: 'es2022',
  platform: 'neutral',
});
