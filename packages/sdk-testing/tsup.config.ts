import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', msw: 'src/msw.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'node',
  // sdk-core stays external: one copy of SignetError and LosslessNumber for the whole app.
  external: ['@signet/sdk-core', 'msw'],
});
