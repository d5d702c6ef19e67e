// `node examples/browser/server.ts` (or `pnpm --filter @signet/example-browser start`):
// serves the example page on http://127.0.0.1:5173 (PORT to change it) with an emulated
// JitAi app behind it. Needs the packages built (`pnpm build`).
import * as esbuild from 'esbuild';
import { startExample } from './app.ts';
import { bundlePage } from './bundle.ts';

const example = await startExample({
  port: Number(process.env.PORT ?? 5173),
  script: () => bundlePage(esbuild),
});
console.log(`browser example: ${example.url}  (JitAi app emulated at ${example.jitaiBaseUrl})`);
console.log('Ctrl-C to stop');
