import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    signer: 'src/signer/index.ts',
    'signer/jitai': 'src/signer/jitai.ts',
    'signer/dataflux': 'src/signer/dataflux.ts',
    'signer/hmac': 'src/signer/hmac.ts',
  },
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
  platform: 'browser',
});
