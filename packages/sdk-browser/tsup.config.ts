import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', signer: 'src/signer.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
});
